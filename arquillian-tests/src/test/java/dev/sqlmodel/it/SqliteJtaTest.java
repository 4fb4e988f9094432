package dev.sqlmodel.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;

/** The scenarios on SQLITE. */
class SqliteJtaTest extends JtaScenarios {
    private static final String SCHEMA = "sqlmodel_cdi_sqlite_" + TestDatabase.mode();

    @Deployment
    static JavaArchive deployment() {
        return Deployments.heroes(TestDatabase.SQLITE, SCHEMA, SqliteJtaTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.SQLITE.drop(SCHEMA);
        TestDatabase.SQLITE.drop("reports_" + SCHEMA);
    }
}
