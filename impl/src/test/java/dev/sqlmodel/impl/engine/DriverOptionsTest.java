package dev.sqlmodel.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.Sql;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Connection strings reach the driver untouched: credentials in the URL work, and TLS options
 * are the driver's own (the test servers run without TLS, so requiring it must fail clearly).
 */
class DriverOptionsTest {

    @Test
    void credentialsInThePostgresUrlAreEnough() {
        try (Engine e = Engine.builder().url("jdbc:postgresql://127.0.0.1:5432/test?user=postgres").build();
                Session s = e.session()) {
            assertEquals(Dialect.POSTGRESQL, s.dialect());
            assertEquals(1, s.exec(Sql.text("SELECT 1").as(Integer.class)).one());
        }
    }

    @Test
    void credentialsInTheMariaDbUrlAreEnough() {
        try (Engine e = Engine.builder().url("jdbc:mariadb://127.0.0.1:3306/test?user=root&password=").build();
                Session s = e.session()) {
            assertEquals(Dialect.MYSQL, s.dialect());
            assertEquals(1L, s.exec(Sql.text("SELECT 1").as(Long.class)).one());
        }
    }

    @Test
    void postgresTlsRequirementIsPassedToTheDriver() {
        SqlModelException e = assertThrows(SqlModelException.class, () -> Engine.builder()
                .url("jdbc:postgresql://127.0.0.1:5432/test?sslmode=require").user("postgres").build().close());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("ssl"), e.getMessage());
    }

    @Test
    void mariaDbTlsRequirementIsPassedToTheDriver() {
        SqlModelException e = assertThrows(SqlModelException.class, () -> Engine.builder()
                .url("jdbc:mysql://127.0.0.1:3306/test?sslMode=REQUIRED").user("root").password("").build().close());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).matches("(?s).*(ssl|tls).*"), e.getMessage());
    }

    @Test
    void mariaDbDriverCertificateOptionIsRefusedWithTheConnectorJSpelling() {
        // Connector/J would ignore serverSslCert and connect without checking the certificate.
        SqlModelException e = assertThrows(SqlModelException.class, () -> Engine.builder()
                .url("jdbc:mariadb://127.0.0.1:3306/test?sslMode=REQUIRED&serverSslCert=/etc/db/ca.pem")
                .user("root").password("").build().close());
        assertTrue(e.getMessage().startsWith("serverSslCert is an option of the MariaDB driver"), e.getMessage());
        assertTrue(e.getMessage().contains("sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=file:"), e.getMessage());
    }

    @Test
    void mariaDbTlsRequirementFailureIsOneLine() {
        SqlModelException e = assertThrows(SqlModelException.class, () -> Engine.builder()
                .url("jdbc:mysql://127.0.0.1:3306/test?sslMode=REQUIRED").user("root").password("").build().close());
        assertTrue(e.getMessage().startsWith("cannot connect to the database: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
