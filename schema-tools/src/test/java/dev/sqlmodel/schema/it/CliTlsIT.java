package dev.sqlmodel.schema.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.impl.testing.TemporaryServer;
import dev.sqlmodel.impl.testing.TemporaryServer.Kind;
import dev.sqlmodel.impl.testing.TestCertificates;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code sqlmodel} command takes the same verifying TLS URLs as the engine: against a server
 * of the test's own that requires TLS, {@code inspect} works with the right CA and fails in one
 * line with another CA.
 */
class CliTlsIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void inspectConnectsWithAVerifyingUrlAndRefusesAnUntrustedServer(Kind kind, @TempDir Path dir) throws Exception {
        TestCertificates ca = TestCertificates.authority(dir, "trusted");
        TestCertificates other = TestCertificates.authority(dir, "other");
        TemporaryServer.Tls tls = TemporaryServer.Tls.of(ca.issue("server", "127.0.0.1"), ca, true);
        try (TemporaryServer server = kind == Kind.POSTGRESQL ? TemporaryServer.postgresql(tls) : TemporaryServer.mariadb(tls)) {
            Result ok = inspect(dir, server, verifying(server, ca));
            assertEquals(0, ok.code, ok.toString());
            assertTrue(ok.out.contains("0 table(s)"), ok.toString());

            Result refused = inspect(dir, server, verifying(server, other));
            assertEquals(1, refused.code, refused.toString());
            List<String> lines = refused.err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "one line on stderr: " + refused);
            assertTrue(lines.get(0).startsWith("error: cannot connect to the database: the server's TLS certificate is not trusted"),
                    refused.toString());
            assertFalse(refused.err.contains("\tat "), "no stack trace: " + refused);
        }
    }

    private static String verifying(TemporaryServer server, TestCertificates ca) {
        return server.kind() == Kind.POSTGRESQL
                ? server.url("sslmode=verify-full&sslrootcert=" + ca.certificate())
                : server.url("sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=" + ca.trustStore().toUri()
                        + "&trustCertificateKeyStorePassword=" + TestCertificates.TRUST_STORE_PASSWORD);
    }

    private static Result inspect(Path dir, TemporaryServer server, String url) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("sqlmodel.jar", "target" + File.separator + "sqlmodel.jar"),
                "inspect", "--url", url, "--user", server.user(), "--password="));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Result(String.join(" ", cmd), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(String command, int code, String out, String err) {
        @Override
        public String toString() {
            return command + "\nexit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
