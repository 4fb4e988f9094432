package dev.sqlmodel.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Database;
import dev.sqlmodel.Session;
import dev.sqlmodel.cdi.SqlModelExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

/** {@code xa=true} on an SQLite database fails deployment, naming the key and the reason. */
class XaConfigurationDeploymentTest {

    @ApplicationScoped
    static class UsesSqliteWithXa {
        @Inject @Database("sqlitexa") Session session;
    }

    @Test
    void sqliteWithXaFailsDeployment() {
        String url = "jdbc:sqlite:" + TestDatabase.sqliteFile("sqlitexa");
        System.setProperty("sqlmodel.datasource.sqlitexa.url", url);
        System.setProperty("sqlmodel.datasource.sqlitexa.xa", "true");
        try {
            Weld weld = new Weld("sqlite-xa").disableDiscovery().addBeanClass(UsesSqliteWithXa.class);
            if (!"lite".equals(TestDatabase.mode())) {
                weld.addExtension(new SqlModelExtension());
            } else {
                weld.addBuildCompatibleExtensions(TranslatedBuildExtension.class);
            }
            DeploymentException e = assertThrows(DeploymentException.class, () -> weld.initialize().close());
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertTrue(trace.toString().contains("sqlmodel.datasource.sqlitexa.xa=true: SQLite has no XA"), trace::toString);
        } finally {
            System.clearProperty("sqlmodel.datasource.sqlitexa.url");
            System.clearProperty("sqlmodel.datasource.sqlitexa.xa");
        }
    }
}
