package dev.sqlmodel.impl.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jakarta.persistence-api is optional at run time: the runtime reads its annotations by name and never links it. */
class PersistenceApiAbsentTest {

    @Test
    void theRuntimeWorksWithoutTheApi(@TempDir Path dir) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("jakarta.persistence-api"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", classPath, WithoutPersistenceApi.class.getName(),
                "jdbc:sqlite:" + dir.resolve("absent.db"))
                .redirectErrorStream(true)
                .start();
        String output;
        try (var in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), output);
        assertEquals(0, p.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertTrue(lines.contains("api absent"), output);
        assertTrue(lines.contains("notes 1"), output);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("numeral refused: ")
                && l.contains("dev.sqlmodel.impl.jpa.Numeral is not a @Table model")), output);
    }
}
