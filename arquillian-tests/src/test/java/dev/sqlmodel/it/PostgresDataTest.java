package dev.sqlmodel.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;

/** The Jakarta Data scenarios on POSTGRESQL. */
class PostgresDataTest extends DataScenarios {
    private static final String SCHEMA = "sqlmodel_data_postgres_" + TestDatabase.mode();

    @Deployment
    static JavaArchive deployment() {
        return deployment(TestDatabase.POSTGRESQL, SCHEMA, PostgresDataTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.POSTGRESQL.drop(SCHEMA);
        TestDatabase.SQLITE.drop(reports(SCHEMA));
    }
}
