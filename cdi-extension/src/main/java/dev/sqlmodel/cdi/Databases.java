package dev.sqlmodel.cdi;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.engine.SqlLog;
import dev.sqlmodel.jta.JtaEngines;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.annotation.Annotation;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the beans of both extension kinds. An engine comes from, in this order: an
 * application's {@code @Database("NAME") DataSource} bean (a plain {@code DataSource} bean for the
 * default database, which in Quarkus is its default datasource), the container's own datasource
 * bean of that name (Quarkus: {@code quarkus.datasource."NAME".*}), a container DataSource at the
 * configured {@code jndi} name (all used as they are, joined to JTA when a registry is found), or
 * a pool the library creates for the configured {@code url}, enlisted in JTA transactions when a
 * transaction manager is found (as an XA resource, with crash recovery, when {@code xa=true}).
 */
final class Databases {
    private Databases() {
    }

    /** The qualifier of database {@code name} (empty: the default database). */
    static Annotation qualifier(String name) {
        return name.isEmpty() ? Default.Literal.INSTANCE : new DatabaseLiteral(name);
    }

    /**
     * A new engine for database {@code name}, knowing {@code models}.
     *
     * @throws SqlModelException when the database is not configured or cannot be reached
     */
    static Engine openEngine(String name, List<Class<?>> models, Instance<Object> lookup) {
        DatabaseConfig config = DatabaseConfig.read(name, Settings.load(loader()));
        TransactionSynchronizationRegistry registry = config.jta() ? JtaLookup.registry(lookup) : null;
        SqlLog log = new SqlLog(config.echo(), null);
        DataSource bean = dataSourceBean(name, lookup);
        String problem = config.problem(name, bean != null);
        if (problem != null) {
            throw new SqlModelException(problem);
        }
        EngineImpl engine;
        if (bean != null) {
            engine = JtaEngines.managed(bean, models, log, registry, config.retries());
        } else if (config.jndi() != null) {
            DataSource ds = JtaLookup.jndi(DataSource.class, config.jndi());
            if (ds == null) {
                throw new SqlModelException("no DataSource is bound at " + config.jndi() + " (" + DatabaseConfig.label(name) + ")");
            }
            engine = JtaEngines.managed(ds, models, log, registry, config.retries());
        } else if (config.url() != null) {
            TransactionManager manager = registry != null ? JtaLookup.manager(lookup) : null;
            if (manager == null && config.xa()) {
                throw new SqlModelException(DatabaseConfig.label(name) + " has xa=true, which needs a JTA transaction"
                        + " manager, and none was found (no TransactionManager and TransactionSynchronizationRegistry beans,"
                        + " nothing at java:comp/TransactionManager): add Narayana (org.jboss.narayana.jta:narayana-jta)");
            }
            engine = manager != null
                    ? JtaEngines.pooled(config.builder(), models, manager, registry)
                    : EngineImpl.create(config.builder().models(models.toArray(new Class<?>[0])));
        } else {
            throw new SqlModelException(notConfigured(name));
        }
        CdiValidation.install(lookup);
        return engine;
    }

    /** The DataSource bean of database {@code name}: the application's, else the container's own of that name; or null. */
    private static DataSource dataSourceBean(String name, Instance<Object> lookup) {
        Instance<DataSource> bean = lookup.select(DataSource.class, qualifier(name));
        if (bean.isResolvable()) {
            return bean.get();
        }
        Annotation named = ContainerDataSources.qualifier(name, loader());
        if (named != null) {
            Instance<DataSource> own = lookup.select(DataSource.class, named);
            if (own.isResolvable()) {
                return own.get();
            }
        }
        return null;
    }

    /** How to configure database {@code name}. */
    static String notConfigured(String name) {
        String prefix = name.isEmpty() ? DatabaseConfig.PREFIX : DatabaseConfig.PREFIX + name + ".";
        return DatabaseConfig.label(name) + " is not configured: set " + prefix + "url (or " + prefix
                + "jndi), or produce a " + (name.isEmpty() ? "" : "@Database(\"" + name + "\") ") + "DataSource bean";
    }

    /** A new session of the engine bean of database {@code name}. */
    static Session openSession(String name, Instance<Object> lookup) {
        return lookup.select(Engine.class, qualifier(name)).get().session();
    }

    /** A new stateless session of the database {@code name}, from its engine bean. */
    static StatelessSession openStateless(String name, Instance<Object> lookup) {
        return lookup.select(Engine.class, qualifier(name)).get().stateless();
    }

    private static ClassLoader loader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : Databases.class.getClassLoader();
    }
}
