package dev.sqlmodel.impl.rel;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Field;
import dev.sqlmodel.NotLoadedException;
import dev.sqlmodel.Related;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.Table;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;

/**
 * A row read into a new instance makes the empty holder the model's constructor gave it not
 * loaded, instead of replacing it with a second holder, but only when the constructor gives
 * every instance a holder of its own: a holder shared by every instance (a constant) must stay
 * loaded and empty, and each row must get its own.
 */
class ConstructorHoldersTest extends DatabaseTest {
    /** Every new agent starts with this one holder: it must never be changed by a read. */
    static final Related<Squad> NO_SQUAD = Related.empty();

    /** A model whose constructor gives each instance its own to-many holder. */
    @Table(name = "ch_squad")
    public static class Squad {
        @Field(primaryKey = true) public Long id;
        public String name;
        @Relationship(backPopulates = "squad") public RelatedMany<Agent> agents = RelatedMany.empty();

        /** For the library. */
        public Squad() {
        }
    }

    /** A model whose constructor gives every instance the same to-one holder. */
    @Table(name = "ch_agent")
    public static class Agent {
        @Field(primaryKey = true) public Long id;
        public String name;
        @Field(foreignKey = "ch_squad.id") public Long squadId;
        @Relationship(backPopulates = "agents") public Related<Squad> squad = NO_SQUAD;

        /** For the library. */
        public Agent() {
        }
    }

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Squad.class, Agent.class};
    }

    /** Rows written with plain JDBC: adding instances would hook the shared holder. */
    private void seed(Db db) throws SQLException {
        fresh(db);
        try (StatelessSession s = engine(db).stateless()) {
            Connection c = s.connection();
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO ch_squad (name) VALUES ('Alpha')");
                st.executeUpdate("INSERT INTO ch_squad (name) VALUES ('Bravo')");
                st.executeUpdate("INSERT INTO ch_agent (name, squad_id) SELECT 'Ann', id FROM ch_squad WHERE name = 'Alpha'");
                st.executeUpdate("INSERT INTO ch_agent (name, squad_id) SELECT 'Bob', id FROM ch_squad WHERE name = 'Alpha'");
                st.executeUpdate("INSERT INTO ch_agent (name, squad_id) VALUES ('Cy', NULL)");
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static void assertSharedUntouched() {
        assertTrue(NO_SQUAD.isLoaded(), "the shared holder stays loaded");
        assertNull(NO_SQUAD.get(), "the shared holder stays empty");
    }

    private static <T> List<T> byName(List<T> rows, java.util.function.Function<T, String> name) {
        return rows.stream().sorted(Comparator.comparing(name)).toList();
    }

    @DbTest
    void aSessionGivesEachRowItsOwnHolderWhenTheConstructorSharesOne(Db db) throws SQLException {
        seed(db);
        try (Session s = engine(db).session()) {
            List<Agent> agents = byName(s.exec(select(Agent.class).limit(10)).all(), a -> a.name);
            assertEquals(3, agents.size());
            Agent ann = agents.get(0);
            Agent bob = agents.get(1);
            Agent cy = agents.get(2);
            assertNotSame(NO_SQUAD, ann.squad);
            assertNotSame(ann.squad, bob.squad);
            assertFalse(ann.squad.isLoaded());
            assertEquals("Alpha", ann.squad.get().name);
            assertSame(ann.squad.get(), bob.squad.get(), "one instance per row");
            assertNull(cy.squad.get());
            assertNotSame(NO_SQUAD, cy.squad);
            assertSharedUntouched();

            List<Squad> squads = byName(s.exec(select(Squad.class).limit(10)).all(), q -> q.name);
            assertFalse(squads.get(0).agents.isLoaded());
            assertNotSame(squads.get(0).agents, squads.get(1).agents);
            assertEquals(List.of("Ann", "Bob"), squads.get(0).agents.get().stream().map(a -> a.name).sorted().toList());
            assertEquals(0, squads.get(1).agents.size());
        }
        assertSharedUntouched();
    }

    @DbTest
    void aSessionReusesAHolderOfItsOwnAndChangesComeThrough(Db db) throws SQLException {
        seed(db);
        try (Session s = engine(db).session()) {
            List<Squad> squads = byName(s.exec(select(Squad.class)).all(), q -> q.name);
            Squad bravo = squads.get(1);
            Agent dee = new Agent();
            dee.name = "Dee";
            dee.squad = Related.empty();
            bravo.agents.add(dee);
            s.commit();
        }
        try (Session s = engine(db).session()) {
            Agent dee = s.exec(select(Agent.class)).all().stream().filter(a -> a.name.equals("Dee")).findFirst()
                    .orElseThrow();
            assertEquals("Bravo", dee.squad.get().name);
            assertEquals(dee.squad.get().id, dee.squadId);
        }
        assertSharedUntouched();
    }

    @DbTest
    void aStatelessSessionGivesEachRowItsOwnHolderWhenTheConstructorSharesOne(Db db) throws SQLException {
        seed(db);
        try (StatelessSession s = engine(db).stateless()) {
            List<Agent> agents = byName(s.exec(select(Agent.class)).all(), a -> a.name);
            Agent ann = agents.get(0);
            Agent cy = agents.get(2);
            assertNotSame(NO_SQUAD, ann.squad);
            assertNotSame(ann.squad, agents.get(1).squad);
            assertThrows(NotLoadedException.class, ann.squad::get);
            assertNull(cy.squad.get());
            assertSharedUntouched();

            List<Squad> squads = byName(s.exec(select(Squad.class)).all(), q -> q.name);
            assertNotSame(squads.get(0).agents, squads.get(1).agents);
            assertThrows(NotLoadedException.class, squads.get(0).agents::size);
            Squad alpha = s.exec(select(Squad.class).fetch(ConstructorHoldersTest_Squad_.agents)).all().stream()
                    .filter(q -> q.name.equals("Alpha")).findFirst().orElseThrow();
            assertEquals(2, alpha.agents.size());
        }
        assertSharedUntouched();
    }
}
