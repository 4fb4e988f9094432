package dev.sqlmodel.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqlmodel.Dialect;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The drivers' generic connection messages get the socket's reason added; the TLS cases are
 * proven against real servers in {@link TlsTest}, the restart messages in {@link RestartTest}.
 */
class ConnectFailuresTest {

    @Test
    void postgresGenericConnectionFailureNamesTheSocketsReason() {
        SQLException e = new SQLException("The connection attempt failed.", "08001", new EOFException("end of stream"));
        assertEquals("The connection attempt failed. (end of stream)", ConnectFailures.reason(e, Dialect.POSTGRESQL, null));
    }

    @Test
    void connectorJCommunicationsFailureIsOneLineWithTheSocketsReason() {
        SQLException e = new SQLException("Communications link failure\n\nThe last packet sent successfully to the server"
                + " was 0 milliseconds ago.", "08S01",
                new RuntimeException("Communications link failure", new ConnectException("Connection refused")));
        assertEquals("Communications link failure (Connection refused)", ConnectFailures.reason(e, Dialect.MYSQL, null));
    }

    @Test
    void accessDeniedWithTlsOnIsLeftAsItIs() {
        SQLException e = new SQLException("Access denied for user 'app'@'10.0.0.2' (using password: YES)", "28000", 1045);
        assertEquals("Access denied for user 'app'@'10.0.0.2' (using password: YES)",
                ConnectFailures.reason(e, Dialect.MYSQL, "jdbc:mysql://db/app?sslMode=VERIFY_IDENTITY"));
    }
}
