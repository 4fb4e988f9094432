package dev.sqlmodel.impl.stateless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Streams a million rows in a JVM limited to 64 MB of heap, on each database: a result read
 * whole would not fit (the drivers alone buffer more than that), a cursor does.
 */
class MillionRowStreamTest {

    @DbTest
    void aMillionRowsStreamThroughSixtyFourMegabytes(Db db) throws IOException, InterruptedException {
        String name = Db.isolationName(MillionRowStreamTest.class);
        String url = db.prepare(name);
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    MillionRows.class.getName(), db.name(), url)
                    .redirectErrorStream(true)
                    .start();
            String output;
            boolean done;
            try (var in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                done = p.waitFor(3, TimeUnit.MINUTES);
            }
            System.out.println(db + ": " + output);
            assertTrue(done, "the streaming JVM did not finish: " + output);
            assertEquals(0, p.exitValue(), output);
            long n = MillionRows.ROWS;
            List<String> lines = output.lines().toList();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("stateless " + n + " " + n * (n + 1) / 2 + " ")), output);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("session " + n + " ")), output);
            assertTrue(lines.contains("active 0"), output);
        } finally {
            db.drop(name);
        }
    }
}
