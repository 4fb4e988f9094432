package dev.sqlmodel.impl.stateless;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.NotLoadedException;
import dev.sqlmodel.Related;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.rel.Hero;
import dev.sqlmodel.impl.rel.HeroTeamLink;
import dev.sqlmodel.impl.rel.Hero_;
import dev.sqlmodel.impl.rel.Power;
import dev.sqlmodel.impl.rel.PowerLevel;
import dev.sqlmodel.impl.rel.Team;
import dev.sqlmodel.impl.rel.Team_;
import dev.sqlmodel.impl.testing.CountingDataSource;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Relationships through a stateless session: only what select(...).fetch(...) loads. */
class StatelessRelationshipsTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, HeroTeamLink.class, Power.class, PowerLevel.class};
    }

    private CountingDataSource counter;

    private void createTeamsAndHeroes(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            Team preventers = new Team("Preventers", "Sharp Tower");
            Team zForce = new Team("Z-Force", "Sister Margaret's Bar");
            Hero deadpond = new Hero("Deadpond", "Dive Wilson", null);
            deadpond.team = Related.of(zForce);
            Hero rusty = new Hero("Rusty-Man", "Tommy Sharp", 48);
            rusty.team = Related.of(preventers);
            Hero spider = new Hero("Spider-Boy", "Pedro Parqueador", null);
            Hero tarantula = new Hero("Tarantula", "Natalia Roman-on", 32);
            tarantula.team = Related.of(preventers);
            s.addAll(List.of(deadpond, rusty, spider, tarantula));
            s.commit();
        }
    }

    @DbTest
    void fetchLoadsEachLevelWithOneQuery(Db db) {
        createTeamsAndHeroes(db);
        Engine engine = countingEngine(db, ds -> counter = new CountingDataSource(ds));
        try (StatelessSession s = engine.stateless()) {
            counter.reset();
            List<Hero> heroes = s.exec(select(Hero.class).orderBy(Hero_.name.asc()).fetch(Hero_.team, Team_.heroes)).all();
            assertEquals(3, counter.selects().size(), "heroes, their teams, the teams' heroes: " + counter.selects());
            Map<String, Hero> byName = heroes.stream().collect(Collectors.toMap(h -> h.name, h -> h));
            assertEquals("Preventers", byName.get("Rusty-Man").team.get().name);
            assertTrue(byName.get("Rusty-Man").team.get() == byName.get("Tarantula").team.get(),
                    "owners of one key share the target loaded for it");
            assertNull(byName.get("Spider-Boy").team.get(), "a null key is a loaded null");
            assertEquals(List.of("Rusty-Man", "Tarantula"),
                    byName.get("Rusty-Man").team.get().heroes.get().stream().map(h -> h.name).sorted().toList());

            NotLoadedException e = assertThrows(NotLoadedException.class, () -> byName.get("Deadpond").powers.get());
            assertTrue(e.getMessage().contains(Hero.class.getName() + ".powers"), e.getMessage());
            Team alone = s.exec(select(Team.class).where(Team_.name.eq("Z-Force"))).one();
            assertFalse(alone.heroes.isLoaded());
            assertThrows(NotLoadedException.class, () -> alone.heroes.get());
            Hero noFetch = s.get(Hero.class, byName.get("Deadpond").id).orElseThrow();
            NotLoadedException toOne = assertThrows(NotLoadedException.class, () -> noFetch.team.get());
            assertTrue(toOne.getMessage().contains(Hero.class.getName() + ".team"), toOne.getMessage());
            assertEquals(3 + 2, counter.selects().size(), "touching an unloaded relationship ran no query");
        }
    }

    @DbTest
    void manyToManyThroughTheLinkModel(Db db) {
        createTeamsAndHeroes(db);
        try (StatelessSession s = engine(db).stateless()) {
            Hero spider = s.exec(select(Hero.class).where(Hero_.name.eq("Spider-Boy"))).one();
            List<Team> teams = s.exec(select(Team.class).orderBy(Team_.name.asc())).all();
            s.insertAll(List.of(new HeroTeamLink(spider.id, teams.get(0).id, true),
                    new HeroTeamLink(spider.id, teams.get(1).id, false)));
            Hero loaded = s.exec(select(Hero.class).where(Hero_.id.eq(spider.id)).fetch(Hero_.teams)).one();
            assertEquals(List.of("Preventers", "Z-Force"), loaded.teams.get().stream().map(t -> t.name).sorted().toList());
        }
    }

    @DbTest
    void aSetToOneTargetDecidesTheForeignKeyWritten(Db db) {
        createTeamsAndHeroes(db);
        try (StatelessSession s = engine(db).stateless()) {
            Team zForce = s.exec(select(Team.class).where(Team_.name.eq("Z-Force"))).one();
            Hero hero = new Hero("Black Lion", "Trevor Challa", 35);
            hero.team = Related.of(zForce);
            s.insert(hero);
            assertEquals(zForce.id, hero.teamId);
            assertEquals(zForce.id, s.get(Hero.class, hero.id).orElseThrow().teamId);
            Hero orphan = new Hero("Orphan", null, 1);
            orphan.team = Related.of(new Team("Unsaved", null));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.insert(orphan));
            assertTrue(e.getMessage().contains("insert it first"), e.getMessage());
        }
    }

    @DbTest
    void aStreamFetchesRelationshipsChunkByChunk(Db db) {
        createTeamsAndHeroes(db);
        try (StatelessSession s = engine(db).stateless();
                Stream<Hero> heroes = s.exec(select(Hero.class).orderBy(Hero_.name.asc()).fetch(Hero_.team)).stream()) {
            List<String> seen = heroes.map(h -> h.name + "@" + (h.team.get() == null ? "-" : h.team.get().name)).toList();
            assertEquals(List.of("Deadpond@Z-Force", "Rusty-Man@Preventers", "Spider-Boy@-", "Tarantula@Preventers"), seen);
        }
        if (db != Db.MARIADB) {
            // Connector/J's streaming allows no other statement on its connection; the others do.
            assertEquals(1, engine(db).stats().maxUsed(), "the relationship loads ran on the stream's own connection");
        }
    }
}
