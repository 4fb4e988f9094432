package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sqlmodel.Engine;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;

/**
 * A kept prepared statement whose execution failed is not used again: after its table was
 * dropped (the read fails) and created anew, the same read works on the same pooled connection.
 */
class KeptStatementFailureTest extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class};
    }

    @Override
    protected void configure(Engine.Builder builder) {
        builder.pool(p -> p.maxSize(1));
    }

    @DbTest
    void aReadThatFailedPreparesAgainAfterTheTableIsBack(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            s.insert(new Hero("Before", "Drop", 1));
            assertEquals(1, s.exec(select(Hero.class)).all().size());
        }
        engine.dropAll();
        try (StatelessSession s = engine.stateless()) {
            assertThrows(SqlModelException.class, () -> s.exec(select(Hero.class)).all());
        }
        engine.createAll();
        try (StatelessSession s = engine.stateless()) {
            s.insert(new Hero("After", "Create", 2));
            assertEquals(1, s.exec(select(Hero.class)).all().size());
            assertEquals("After", s.get(Hero.class, s.exec(select(Hero.class)).one().id).orElseThrow().name);
        }
    }
}
