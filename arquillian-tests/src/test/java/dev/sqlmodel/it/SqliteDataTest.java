package dev.sqlmodel.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;

/** The Jakarta Data scenarios on SQLITE. */
class SqliteDataTest extends DataScenarios {
    private static final String SCHEMA = "sqlmodel_data_sqlite_" + TestDatabase.mode();

    @Deployment
    static JavaArchive deployment() {
        return deployment(TestDatabase.SQLITE, SCHEMA, SqliteDataTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.SQLITE.drop(SCHEMA);
        TestDatabase.SQLITE.drop(reports(SCHEMA));
    }
}
