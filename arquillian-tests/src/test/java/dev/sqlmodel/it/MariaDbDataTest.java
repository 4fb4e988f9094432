package dev.sqlmodel.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;

/** The Jakarta Data scenarios on MARIADB. */
class MariaDbDataTest extends DataScenarios {
    private static final String SCHEMA = "sqlmodel_data_mariadb_" + TestDatabase.mode();

    @Deployment
    static JavaArchive deployment() {
        return deployment(TestDatabase.MARIADB, SCHEMA, MariaDbDataTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.MARIADB.drop(SCHEMA);
        TestDatabase.SQLITE.drop(reports(SCHEMA));
    }
}
