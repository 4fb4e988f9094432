package dev.sqlmodel.impl.engine;

import dev.sqlmodel.Dialect;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Says in one line why a connection could not be opened. Drivers report TLS failures as
 * their own wrapper around the JDK's handshake exception (PostgreSQL: {@code SSL error: PKIX
 * path building failed: sun.security...}; Connector/J: {@code Communications link failure} with
 * the reason three causes deep), so the cause chain is searched for what went wrong:
 *
 * <ul>
 * <li>a certificate that no trusted CA signed: "the server's TLS certificate is not trusted";</li>
 * <li>a certificate for another host name: "... does not match the host name";</li>
 * <li>a plain connection refused by a server that requires TLS (PostgreSQL's {@code pg_hba.conf}
 * "no encryption", MySQL's error 3159; MariaDB answers such a connection with a bare
 * "Access denied", so when the URL turned TLS off that is said beside it);</li>
 * <li>other handshake failures, and the drivers' generic messages (Connector/J's multi-line
 * "Communications link failure", PostgreSQL's "The connection attempt failed.") with the
 * socket's reason added (e.g. "Connection refused").</li>
 * </ul>
 */
final class ConnectFailures {
    private static final int MYSQL_ACCESS_DENIED = 1045;
    private static final int MYSQL_SECURE_TRANSPORT_REQUIRED = 3159;

    private ConnectFailures() {
    }

    /**
     * The reason to show for {@code e}, raised while connecting to {@code url} (null when not
     * known) of {@code dialect} (null when not known); never null.
     */
    static String reason(SQLException e, Dialect dialect, String url) {
        String driver = firstLine(e.getMessage());
        String tls = tlsReason(e, dialect, driver);
        if (tls != null) {
            return tls;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e.getErrorCode() == MYSQL_ACCESS_DENIED && plainMysql(url)) {
            return driver + " (the URL turns TLS off; a server that requires secure transport refuses"
                    + " unencrypted connections with this message)";
        }
        if (!driver.equals(message.strip()) || driver.endsWith("connection attempt failed.")) {
            // Connector/J: "Communications link failure\n\nThe last packet sent successfully...";
            // PostgreSQL: "The connection attempt failed." with the socket's reason as its cause.
            String root = innermost(e);
            return root.equals(driver) ? driver : driver + " (" + root + ")";
        }
        return driver;
    }

    /**
     * Whether {@code e} is a TLS failure (settings, handshake, an untrusted or mismatched
     * certificate, a server that requires TLS): a configuration problem, not worth a retry.
     */
    static boolean isTls(SQLException e) {
        return tlsReason(e, null, "") != null;
    }

    /** The reason when {@code e} is a TLS failure, else null. */
    private static String tlsReason(SQLException e, Dialect dialect, String driver) {
        if (hasNamed(e, "SSLParamsException")) {
            return "the TLS settings of the URL cannot be used: " + driver + ": " + innermost(e);
        }
        if (isHostNameMismatch(e)) {
            return "the server's TLS certificate does not match the host name in the URL: " + innermost(e);
        }
        if (has(e, CertificateException.class) || has(e, CertPathValidatorException.class)
                || has(e, CertPathBuilderException.class)) {
            return "the server's TLS certificate is not trusted: no certificate authority the client trusts signed it ("
                    + trustSetting(dialect) + "): " + innermost(e);
        }
        if (has(e, SSLException.class)) {
            return "the TLS handshake with the server failed: " + innermost(e);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if ("28000".equals(e.getSQLState()) && message.contains("no encryption")) {
            return "the server requires TLS and the connection is not encrypted (sslmode): " + driver;
        }
        if (e.getErrorCode() == MYSQL_SECURE_TRANSPORT_REQUIRED) {
            return "the server requires TLS and the connection is not encrypted (sslMode): " + driver;
        }
        return null;
    }

    private static boolean isHostNameMismatch(Throwable e) {
        int guard = 0;
        for (Throwable t = e; t != null && guard < 50; t = t.getCause(), guard++) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof SSLPeerUnverifiedException || m.contains("could not be verified by hostnameverifier")
                    || m.contains("server identity verification failed") || m.contains("no subject alternative")
                    || m.contains("doesn't match any of the subject alternative names")) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        int guard = 0;
        for (Throwable t = e; t != null && guard < 50; t = t.getCause(), guard++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNamed(Throwable e, String simpleName) {
        int guard = 0;
        for (Throwable t = e; t != null && guard < 50; t = t.getCause(), guard++) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    /** The deepest cause's message (for a handshake: the JDK's reason), first line only. */
    private static String innermost(Throwable e) {
        Throwable deepest = e;
        int guard = 0;
        for (Throwable t = e; t != null && guard < 50; t = t.getCause(), guard++) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepest = t;
            }
        }
        String m = firstLine(deepest.getMessage());
        // The JDK prefixes nested reasons with their class names.
        return m.replaceAll("^(?:[a-z]+\\.)+[A-Za-z]+(?:Exception|Error): ", "");
    }

    private static String trustSetting(Dialect dialect) {
        if (dialect == Dialect.POSTGRESQL) {
            return "sslrootcert in the URL, else ~/.postgresql/root.crt";
        }
        if (dialect == Dialect.MYSQL) {
            return "trustCertificateKeyStoreUrl in the URL, else the JVM's trust store";
        }
        return "the URL's trust settings, else the JVM's trust store";
    }

    private static boolean plainMysql(String url) {
        if (url == null) {
            return false;
        }
        String u = url.toLowerCase(Locale.ROOT).replace(" ", "");
        return u.contains("sslmode=disabled") || u.contains("usessl=false");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl).strip() : s;
    }
}
