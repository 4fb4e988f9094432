package dev.sqlmodel.impl.engine;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.SqlModelException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The JDBC URL and connection properties the engine's own pool uses for one database, with the
 * settings each driver needs to be fast and safe. A property the URL already sets is never
 * overridden.
 *
 * <ul>
 * <li>SQLite: WAL journal (files only), {@code synchronous=NORMAL}, a busy timeout, foreign keys
 * on, and IMMEDIATE transactions so that two pooled writers queue on the busy timeout instead of
 * failing with {@code SQLITE_BUSY} when a read lock is upgraded. An in-memory database lives in
 * one connection and dies with it, so such a pool has exactly one connection that is never
 * retired ({@link #singleConnection()}).</li>
 * <li>MySQL/MariaDB: {@code jdbc:mariadb:} is rewritten to {@code jdbc:mysql:} (Connector/J is the
 * driver for both); batches rewritten into multi-row inserts and a client-side statement cache.
 * MariaDB Connector/J's {@code serverSslCert} is refused with the Connector/J spelling, since
 * Connector/J would silently ignore it.</li>
 * <li>PostgreSQL: batched inserts rewritten into multi-row inserts.</li>
 * </ul>
 */
final class DriverSettings {
    private final Dialect dialect;
    private final String url;
    private final Map<String, String> properties;
    private final boolean singleConnection;

    private DriverSettings(Dialect dialect, String url, Map<String, String> properties, boolean singleConnection) {
        this.dialect = dialect;
        this.url = url;
        this.properties = Map.copyOf(properties);
        this.singleConnection = singleConnection;
    }

    /**
     * The settings for {@code url}, whose dialect is {@code dialect}.
     *
     * @throws SqlModelException for a MySQL/MariaDB URL with an option of the MariaDB driver that
     *         Connector/J would silently ignore ({@code serverSslCert})
     */
    static DriverSettings of(String url, Dialect dialect) {
        Objects.requireNonNull(url, "url");
        Map<String, String> props = new LinkedHashMap<>();
        boolean single = false;
        String effective = url;
        switch (dialect) {
            case SQLITE -> {
                single = isInMemory(url);
                if (!single) {
                    props.put("journal_mode", "WAL");
                }
                props.put("synchronous", "NORMAL");
                props.put("busy_timeout", "5000");
                props.put("foreign_keys", "true");
                props.put("transaction_mode", "IMMEDIATE");
            }
            case MYSQL -> {
                if (url.startsWith("jdbc:mariadb:")) {
                    effective = "jdbc:mysql:" + url.substring("jdbc:mariadb:".length());
                }
                if (setIn(query(url).toLowerCase(Locale.ROOT), "serversslcert")) {
                    // Connector/J ignores options it does not know: the URL would connect without checking the certificate.
                    throw new SqlModelException("serverSslCert is an option of the MariaDB driver; MySQL and MariaDB URLs"
                            + " are served by MySQL Connector/J, which would ignore it: use sslMode=VERIFY_IDENTITY"
                            + "&trustCertificateKeyStoreUrl=file:/path/truststore.p12&trustCertificateKeyStorePassword=..."
                            + " (a PKCS#12 or JKS store holding the CA certificate)");
                }
                props.put("rewriteBatchedStatements", "true");
                props.put("cachePrepStmts", "true");
                props.put("useServerPrepStmts", "false");
                props.put("prepStmtCacheSize", "256");
                props.put("prepStmtCacheSqlLimit", "2048");
            }
            case POSTGRESQL -> props.put("reWriteBatchedInserts", "true");
            default -> throw new IllegalStateException(dialect.name());
        }
        String query = query(effective).toLowerCase(Locale.ROOT);
        props.keySet().removeIf(key -> setIn(query, key.toLowerCase(Locale.ROOT)));
        return new DriverSettings(dialect, effective, props, single);
    }

    /** Whether {@code url} names an SQLite database that exists only inside one connection. */
    static boolean isInMemory(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        String file = q >= 0 ? path.substring(0, q) : path;
        return file.isEmpty() || file.equals(":memory:") || file.startsWith("file::memory:")
                || path.contains("mode=memory");
    }

    private static String query(String url) {
        int q = url.indexOf('?');
        return q >= 0 ? url.substring(q + 1) : "";
    }

    private static boolean setIn(String query, String key) {
        for (String part : query.split("[&;]")) {
            int eq = part.indexOf('=');
            if ((eq >= 0 ? part.substring(0, eq) : part).strip().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The dialect. */
    Dialect dialect() {
        return dialect;
    }

    /** The URL to hand to the driver. */
    String url() {
        return url;
    }

    /** The driver properties to add. */
    Map<String, String> properties() {
        return properties;
    }

    /** Whether the pool must hold exactly one connection that is never replaced. */
    boolean singleConnection() {
        return singleConnection;
    }

    @Override
    public String toString() {
        return "DriverSettings[" + url + ", " + properties + (singleConnection ? ", single connection" : "") + "]";
    }
}
