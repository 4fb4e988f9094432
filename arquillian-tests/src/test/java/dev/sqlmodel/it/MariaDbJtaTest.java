package dev.sqlmodel.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;

/** The scenarios on MARIADB. */
class MariaDbJtaTest extends JtaScenarios {
    private static final String SCHEMA = "sqlmodel_cdi_mariadb_" + TestDatabase.mode();

    @Deployment
    static JavaArchive deployment() {
        return Deployments.heroes(TestDatabase.MARIADB, SCHEMA, MariaDbJtaTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.MARIADB.drop(SCHEMA);
        TestDatabase.SQLITE.drop("reports_" + SCHEMA);
    }
}
