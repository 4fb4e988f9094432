package dev.sqlmodel.impl.json;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dump;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModel;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.List;

/** JSON with nested relationships, written to and read from each database. */
class JsonRelationshipsTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Squad.class, Recruit.class};
    }

    private static final String POSTED = "{\"name\": \"Preventers\", \"recruits\": ["
            + "{\"name\": \"Rusty-Man\", \"age\": 48}, {\"name\": \"Tarantula\", \"age\": 32}]}";

    private static List<String> names(Session s, Long squadId) {
        return s.exec(select(Recruit_.name).where(Recruit_.squadId.eq(squadId)).orderBy(Recruit_.id.asc())).all();
    }

    @DbTest
    void aSquadPostedWithItsRecruitsIsInsertedWithTheirKeys(Db db) {
        fresh(db);
        Squad posted = SqlModel.fromJson(Squad.class, POSTED);
        try (Session s = engine(db).session()) {
            s.add(posted);
            s.commit();
        }
        assertNotNull(posted.id);
        try (Session s = engine(db).session()) {
            assertEquals(List.of("Rusty-Man", "Tarantula"), names(s, posted.id));
        }
    }

    @DbTest
    void modelsReadFromTheDatabaseRoundTripWhateverTheStateOfTheirRelationships(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            s.add(SqlModel.fromJson(Squad.class, POSTED));
            s.commit();
        }
        try (Session s = engine(db).session()) {
            Squad squad = s.exec(select(Squad.class)).one();
            Recruit rusty = s.exec(select(Recruit.class).where(Recruit_.name.eq("Rusty-Man"))).one();
            assertFalse(squad.recruits.isLoaded());
            assertFalse(rusty.squad.isLoaded());
            assertRoundTrips(squad);
            assertRoundTrips(rusty);

            squad.recruits.size();
            rusty.squad.get();
            assertRoundTrips(squad);
            assertRoundTrips(rusty);
            Squad back = SqlModel.fromJson(Squad.class, SqlModel.toJson(squad));
            assertEquals(squad.id, back.id);
            assertEquals(rusty.id, back.recruits.get().get(0).id);
            assertEquals(squad.id, back.recruits.get().get(0).squadId);
            assertSame(back, back.recruits.get().get(1).squad.get());
            Recruit rustyBack = SqlModel.fromJson(Recruit.class, SqlModel.toJson(rusty));
            assertTrue(rustyBack.squad.get().recruits.get().contains(rustyBack));
        }
    }

    @DbTest
    void aMapMayHoldAnInstanceOfTheSessionWhoseUnloadedListStaysUnloaded(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            s.add(SqlModel.fromJson(Squad.class, POSTED));
            s.commit();
        }
        try (Session s = engine(db).session()) {
            Squad squad = s.exec(select(Squad.class)).one();
            Recruit spider = SqlModel.fromMap(Recruit.class, java.util.Map.of("name", "Spider-Boy", "squad", squad));
            assertSame(squad, spider.squad.get());
            assertFalse(squad.recruits.isLoaded());
            s.add(spider);
            s.commit();
            assertEquals(squad.id, spider.squadId);
            assertEquals(List.of("Rusty-Man", "Tarantula", "Spider-Boy"), names(s, squad.id));
        }
    }

    /**
     * What was dumped reads back as the same values; a relationship left out (not loaded) is
     * left at the new instance's default, so the comparison is of what the input set.
     */
    private static void assertRoundTrips(Object model) {
        Object fromJson = SqlModel.fromJson(model.getClass(), SqlModel.toJson(model));
        assertEquals(SqlModel.toMap(model), SqlModel.toMap(fromJson, Dump.excludeUnset()));
        Object fromMap = SqlModel.fromMap(model.getClass(), SqlModel.toMap(model));
        assertEquals(SqlModel.toMap(model), SqlModel.toMap(fromMap, Dump.excludeUnset()));
    }
}
