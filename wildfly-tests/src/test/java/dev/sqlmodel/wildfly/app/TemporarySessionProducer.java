package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Engine and Session beans made by the application itself, over the datasource named by
 * {@code sqlmodel.datasource.jndi} in {@code META-INF/sqlmodel.properties}. It stands in for the
 * CDI extension's beans until that extension is part of the module.
 */
@ApplicationScoped
public class TemporarySessionProducer {
    /** The engine over the server's datasource; its models come from the processor's index. */
    @Produces
    @ApplicationScoped
    Engine engine() {
        return Engine.of(lookup(property("sqlmodel.datasource.jndi")));
    }

    /** One session per request. */
    @Produces
    @RequestScoped
    Session session(Engine engine) {
        return engine.session();
    }

    void close(@Disposes Session session) {
        session.close();
    }

    void close(@Disposes Engine engine) {
        engine.close();
    }

    private static String property(String name) {
        Properties p = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/sqlmodel.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set in META-INF/sqlmodel.properties");
        }
        return value;
    }

    private static DataSource lookup(String jndi) {
        try {
            return (DataSource) new InitialContext().lookup(jndi);
        } catch (NamingException e) {
            throw new IllegalStateException("no DataSource at " + jndi, e);
        }
    }
}
