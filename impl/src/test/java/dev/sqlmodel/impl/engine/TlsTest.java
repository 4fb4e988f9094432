package dev.sqlmodel.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Field;
import dev.sqlmodel.Session;
import dev.sqlmodel.Sql;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.Table;
import dev.sqlmodel.impl.testing.TemporaryServer;
import dev.sqlmodel.impl.testing.TemporaryServer.Kind;
import dev.sqlmodel.impl.testing.TestCertificates;
import dev.sqlmodel.impl.testing.TestCertificates.ServerCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS with a real handshake: the test makes a CA and server certificates, starts its own
 * PostgreSQL ({@code ssl=on}, {@code hostssl} only) and MariaDB ({@code --require-secure-transport})
 * and connects with the drivers' verifying URLs. Certificates from another CA or for another
 * host, and unencrypted connections, fail with a message that says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
    private final Map<Kind, TemporaryServer> servers = new EnumMap<>(Kind.class);
    private Path dir;
    private TestCertificates ca;
    private ServerCertificate trusted;
    private ServerCertificate foreign;
    private ServerCertificate otherHost;

    @Table(name = "tls_note")
    static class Note {
        @Field(primaryKey = true) Long id;
        String body;
    }

    @BeforeAll
    void makeCertificates() throws IOException {
        dir = Files.createTempDirectory("sqlmodel-tls-");
        ca = TestCertificates.authority(dir, "trusted");
        trusted = ca.issue("server", "localhost", "127.0.0.1");
        otherHost = ca.issue("other-host", "db.invalid");
        foreign = TestCertificates.authority(dir, "foreign").issue("foreign", "localhost", "127.0.0.1");
    }

    @AfterAll
    void stopServers() throws IOException {
        servers.values().forEach(TemporaryServer::close);
        if (dir != null) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private TemporaryServer server(Kind kind) {
        return servers.computeIfAbsent(kind, k -> {
            TemporaryServer.Tls tls = TemporaryServer.Tls.of(trusted, ca, true);
            return k == Kind.POSTGRESQL ? TemporaryServer.postgresql(tls) : TemporaryServer.mariadb(tls);
        });
    }

    /** The URL a user writes to connect with TLS, checking the certificate and the host name. */
    private String verifyingUrl(Kind kind) {
        TemporaryServer s = server(kind);
        return kind == Kind.POSTGRESQL
                ? s.url("sslmode=verify-full&sslrootcert=" + ca.certificate())
                : s.url("sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=" + ca.trustStore().toUri()
                        + "&trustCertificateKeyStorePassword=" + TestCertificates.TRUST_STORE_PASSWORD);
    }

    private Engine engine(Kind kind, String url) {
        return Engine.builder().url(url).user(server(kind).user()).password("").models(Note.class)
                .pool(p -> p.maxSize(2).acquireTimeout(Duration.ofSeconds(10))).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void verifyingUrlConnectsOverTlsAndRunsASession(Kind kind) {
        try (Engine engine = engine(kind, verifyingUrl(kind))) {
            engine.dropAll();
            engine.createAll();
            Note n = new Note();
            try (Session s = engine.session()) {
                n.body = "sent encrypted";
                s.add(n);
                s.commit();
            }
            try (Session s = engine.session()) {
                assertEquals("sent encrypted", s.get(Note.class, n.id).orElseThrow().body);
                String protocol = kind == Kind.POSTGRESQL
                        ? s.exec(Sql.text("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").as(String.class)).one()
                        : s.exec(Sql.text("SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                                + " WHERE VARIABLE_NAME = 'SSL_VERSION'").as(String.class)).one();
                assertTrue(protocol.startsWith("TLSv1."), "the session's connection is encrypted: " + protocol);
            }
            engine.dropAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void certificateFromAnotherAuthorityIsNotTrusted(Kind kind) {
        String url = verifyingUrl(kind);
        server(kind).serve(foreign);
        try {
            SqlModelException e = assertThrows(SqlModelException.class, () -> engine(kind, url).close());
            assertClear(e, "cannot connect to the database: the server's TLS certificate is not trusted");
            assertTrue(e.getMessage().contains(kind == Kind.POSTGRESQL ? "sslrootcert" : "trustCertificateKeyStoreUrl"),
                    e.getMessage());
            assertTrue(causedBy(e, SSLException.class), "the handshake failure is the cause");
        } finally {
            server(kind).serve(trusted);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void certificateForAnotherHostIsRefused(Kind kind) {
        String url = verifyingUrl(kind);
        server(kind).serve(otherHost);
        try {
            SqlModelException e = assertThrows(SqlModelException.class, () -> engine(kind, url).close());
            assertClear(e, "cannot connect to the database: the server's TLS certificate does not match the host name");
        } finally {
            server(kind).serve(trusted);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void serverThatRequiresTlsRefusesAPlainConnection(Kind kind) {
        String url = server(kind).url(kind == Kind.POSTGRESQL ? "sslmode=disable" : "sslMode=DISABLED");
        SqlModelException e = assertThrows(SqlModelException.class, () -> engine(kind, url).close());
        assertClear(e, "cannot connect to the database: ");
        if (kind == Kind.POSTGRESQL) {
            assertTrue(e.getMessage().contains("the server requires TLS and the connection is not encrypted"), e.getMessage());
        } else {
            // MariaDB answers "Access denied" (MySQL 8 has its own error); the message adds why.
            assertTrue(e.getMessage().contains("the URL turns TLS off; a server that requires secure transport refuses"),
                    e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void verifyingUrlWithoutTheAuthorityIsNotTrusted(Kind kind) {
        // The JVM's own trust store does not know the test CA: verification really happens.
        String url = kind == Kind.POSTGRESQL
                ? server(kind).url("sslmode=verify-full&sslrootcert=" + dir.resolve("foreign-ca.crt"))
                : server(kind).url("sslMode=VERIFY_CA");
        SqlModelException e = assertThrows(SqlModelException.class, () -> engine(kind, url).close());
        assertClear(e, "cannot connect to the database: the server's TLS certificate is not trusted");
    }

    private static void assertClear(SqlModelException e, String start) {
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.getMessage().contains("Communications link failure"), e.getMessage());
        assertFalse(e instanceof dev.sqlmodel.TransientDatabaseException, "a TLS failure is not worth a retry");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
