package dev.sqlmodel.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;

/** The scenarios on POSTGRESQL. */
class PostgresJtaTest extends JtaScenarios {
    private static final String SCHEMA = "sqlmodel_cdi_postgres_" + TestDatabase.mode();

    @Deployment
    static JavaArchive deployment() {
        return Deployments.heroes(TestDatabase.POSTGRESQL, SCHEMA, PostgresJtaTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.POSTGRESQL.drop(SCHEMA);
        TestDatabase.SQLITE.drop("reports_" + SCHEMA);
    }
}
