package dev.sqlmodel.cdi;

import dev.sqlmodel.Engine;
import dev.sqlmodel.PoolOptions;
import dev.sqlmodel.SqlModelException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The settings of one database: {@code sqlmodel.datasource.KEY} for the default database and
 * {@code sqlmodel.datasource.NAME.KEY} for {@code @Database("NAME")}. Keys: {@code jndi}, or
 * {@code url}, {@code user}, {@code password}, {@code pool.min-size}, {@code pool.max-size},
 * {@code pool.acquire-timeout}, {@code pool.idle-timeout}, {@code pool.max-lifetime} (ISO-8601
 * durations such as {@code PT5S}), {@code pool.validate-on-checkout}; and {@code echo} (log every
 * statement), {@code jta} (join JTA transactions, default true), {@code xa} (build the pool on the
 * driver's XADataSource and take part in JTA transactions through two-phase commit, with crash
 * recovery; default false) and {@code retries} (how often {@code Engine.transaction} runs the work
 * again after a transient failure; default 3).
 */
record DatabaseConfig(String name, String jndi, String url, String user, String password, boolean echo, boolean jta,
        boolean xa, int retries, Consumer<PoolOptions> pool) {
    static final String PREFIX = "sqlmodel.datasource.";
    private static final Set<String> KEYS = Set.of("jndi", "url", "user", "password", "echo", "jta", "xa", "retries", "pool");

    /** The settings of database {@code name} (empty: the default database). */
    static DatabaseConfig read(String name, Settings settings) {
        String prefix = name.isEmpty() ? PREFIX : PREFIX + name + ".";
        String label = label(name);
        Integer min = integer(settings, prefix + "pool.min-size");
        Integer max = integer(settings, prefix + "pool.max-size");
        Duration acquire = duration(settings, prefix + "pool.acquire-timeout");
        Duration idle = duration(settings, prefix + "pool.idle-timeout");
        Duration lifetime = duration(settings, prefix + "pool.max-lifetime");
        Integer retries = integer(settings, prefix + "retries");
        if (retries != null && retries < 0) {
            throw new SqlModelException(prefix + "retries must be 0 or more, was " + retries);
        }
        Boolean validate = settings.get(prefix + "pool.validate-on-checkout").map(Boolean::parseBoolean).orElse(null);
        Consumer<PoolOptions> pool = p -> {
            if (max != null) {
                p.maxSize(max);
            }
            if (min != null) {
                p.minSize(min);
            }
            if (acquire != null) {
                p.acquireTimeout(acquire);
            }
            if (idle != null) {
                p.idleTimeout(idle);
            }
            if (lifetime != null) {
                p.maxLifetime(lifetime);
            }
            if (validate != null) {
                p.validateOnCheckout(validate);
            }
        };
        return new DatabaseConfig(label, settings.get(prefix + "jndi").orElse(null), settings.get(prefix + "url").orElse(null),
                settings.get(prefix + "user").orElse(null), settings.get(prefix + "password").orElse(null),
                settings.get(prefix + "echo").map(Boolean::parseBoolean).orElse(false),
                settings.get(prefix + "jta").map(Boolean::parseBoolean).orElse(true),
                settings.get(prefix + "xa").map(Boolean::parseBoolean).orElse(false),
                retries == null ? Engine.builder().retries() : retries, pool);
    }

    /** The names of the databases that {@code settings} configure (not the default one). */
    static Set<String> names(Settings settings) {
        Set<String> names = new TreeSet<>();
        for (String key : settings.keys(PREFIX)) {
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot > 0 && !KEYS.contains(rest.substring(0, dot))) {
                names.add(rest.substring(0, dot));
            }
        }
        return names;
    }

    /** Whether a connection is configured at all. */
    boolean configured() {
        return jndi != null || url != null;
    }

    /**
     * What is wrong with the settings of {@code database} (empty: the default one), or null: {@code xa} asked
     * of an SQLite URL, of a container DataSource ({@code jndi}, or {@code dataSourceBean}: XA is
     * the container's to configure), or without JTA.
     */
    String problem(String database, boolean dataSourceBean) {
        if (!xa) {
            return null;
        }
        String key = (database.isEmpty() ? PREFIX : PREFIX + database + ".") + "xa";
        if (dataSourceBean || jndi != null) {
            return key + "=true, but " + name + " comes from " + (dataSourceBean ? "a DataSource bean" : jndi)
                    + ": whether a container's DataSource is XA is the container's setting (WildFly: an xa-data-source),"
                    + " and so is its recovery;"
                    + " remove " + key;
        }
        if (!jta) {
            return key + "=true needs JTA, but " + name + " has jta=false";
        }
        if (url != null && url.startsWith("jdbc:sqlite:")) {
            return key + "=true: " + dev.sqlmodel.impl.engine.AgroalSource.sqliteHasNoXa(url);
        }
        return null;
    }

    /** An engine builder with the URL, credentials, pool options, echo, xa and retries of these settings. */
    Engine.Builder builder() {
        Engine.Builder b = Engine.builder().url(url).echo(echo).xa(xa).retries(retries).pool(pool);
        if (user != null) {
            b.user(user);
        }
        if (password != null) {
            b.password(password);
        }
        return b;
    }

    /** "the default database" or "database 'reports'". */
    static String label(String name) {
        return name.isEmpty() ? "the default database" : "database '" + name + "'";
    }

    private static Integer integer(Settings settings, String key) {
        String v = settings.get(key).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new SqlModelException(key + " must be a whole number, was '" + v + "'", e);
        }
    }

    private static Duration duration(Settings settings, String key) {
        String v = settings.get(key).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new SqlModelException(key + " must be an ISO-8601 duration such as PT5S, was '" + v + "'", e);
        }
    }

    @Override
    public String toString() {
        // never the password
        return "DatabaseConfig[" + name + (jndi != null ? ", jndi=" + jndi : "") + (url != null ? ", url=" + url : "")
                + (user != null ? ", user=" + user : "") + ", echo=" + echo + ", jta=" + jta + (xa ? ", xa" : "") + ", retries=" + retries + "]";
    }
}
