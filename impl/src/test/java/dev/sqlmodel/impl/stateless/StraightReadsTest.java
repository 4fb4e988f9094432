package dev.sqlmodel.impl.stateless;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.NotLoadedException;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.rel.Hero;
import dev.sqlmodel.impl.rel.HeroTeamLink;
import dev.sqlmodel.impl.rel.Hero_;
import dev.sqlmodel.impl.rel.Power;
import dev.sqlmodel.impl.rel.Team;
import dev.sqlmodel.impl.rel.Team_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.List;

/**
 * A stateless session reads a query's rows straight into new instances (no array of column
 * values in between): they must come out as the tracked session reads them, with holders that
 * are not loaded, a to-one without foreign key empty, and a left join's missing row null.
 */
class StraightReadsTest extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, HeroTeamLink.class, Power.class};
    }

    private void seed(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            Team preventers = s.add(new Team("Preventers", "Sharp Tower"));
            s.add(new Team("Lonely", "Nowhere"));
            Hero rusty = new Hero("Rusty-Man", "Tommy Sharp", 48);
            rusty.team.set(preventers);
            s.add(rusty);
            s.add(new Hero("Spider-Boy", "Pedro Parqueador", null));
            s.commit();
        }
    }

    @DbTest
    void rowsReadStraightAreWhatTheTrackedSessionReads(Db db) {
        seed(db);
        List<Hero> tracked;
        try (Session s = engine(db).session()) {
            tracked = s.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
        }
        try (StatelessSession s = engine(db).stateless()) {
            List<Hero> straight = s.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
            assertEquals(2, straight.size());
            for (int i = 0; i < straight.size(); i++) {
                Hero a = tracked.get(i);
                Hero b = straight.get(i);
                assertEquals(List.of(a.id, a.name, a.secretName, String.valueOf(a.age), String.valueOf(a.teamId)),
                        List.of(b.id, b.name, b.secretName, String.valueOf(b.age), String.valueOf(b.teamId)));
                assertThrows(NotLoadedException.class, b.powers::get, "a to-many is not loaded");
            }
            Hero rusty = straight.get(0);
            Hero spider = straight.get(1);
            assertNull(spider.age);
            assertThrows(NotLoadedException.class, rusty.team::get, "a to-one with a foreign key is not loaded");
            assertNull(spider.team.get(), "a to-one without foreign key is empty");
            // a row found by key is read the same way
            Hero found = s.get(Hero.class, rusty.id).orElseThrow();
            assertEquals(List.of(rusty.name, rusty.secretName, rusty.age, rusty.teamId),
                    List.of(found.name, found.secretName, found.age, found.teamId));
            assertThrows(NotLoadedException.class, found.team::get);
            assertNull(s.get(Hero.class, spider.id).orElseThrow().team.get());
            assertTrue(s.get(Hero.class, -1L).isEmpty());
                        // streamed rows are read the same way
            try (var stream = s.exec(select(Hero.class).orderBy(Hero_.id.asc())).stream()) {
                assertEquals(List.of("Rusty-Man", "Spider-Boy"), stream.map(h -> h.name).toList());
            }
        }
    }

    @DbTest
    void aLeftJoinsMissingRowIsNull(Db db) {
        seed(db);
        List<Hero> tracked;
        try (Session s = engine(db).session()) {
            tracked = s.exec(select(Hero.class).from(Team.class).leftJoin(Hero.class).orderBy(Team_.id.asc())).all();
        }
        try (StatelessSession s = engine(db).stateless()) {
            List<Hero> straight = s.exec(select(Hero.class).from(Team.class).leftJoin(Hero.class)
                    .orderBy(Team_.id.asc())).all();
            assertEquals(2, straight.size());
            assertEquals("Rusty-Man", straight.get(0).name);
            assertNull(straight.get(1), "the team without heroes");
            assertEquals(tracked.get(0).name, straight.get(0).name);
            assertNull(tracked.get(1));
        }
    }
}
