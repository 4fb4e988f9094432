package dev.sqlmodel.impl.rel;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Expr;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.NotLoadedException;
import dev.sqlmodel.Related;
import dev.sqlmodel.Row;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.testing.CountingDataSource;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The SQLModel relationship tutorial, and the batching, cascade and delete rules, on every database. */
class RelationshipTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, HeroTeamLink.class, Power.class, PowerLevel.class,
            Guild.class, Member.class, Vault.class, Treasure.class, Badge.class};
    }

    /** Preventers (Deadpond, Rusty-Man, Spider-Boy...), Z-Force (...), and a team without heroes. */
    private void createTeamsAndHeroes(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            Team preventers = new Team("Preventers", "Sharp Tower");
            Team zForce = new Team("Z-Force", "Sister Margaret's Bar");
            Team empty = new Team("Nobody", "Nowhere");
            Hero deadpond = new Hero("Deadpond", "Dive Wilson", null);
            deadpond.team = Related.of(zForce);
            Hero rusty = new Hero("Rusty-Man", "Tommy Sharp", 48);
            rusty.team = Related.of(preventers);
            Hero spider = new Hero("Spider-Boy", "Pedro Parqueador", null);
            Hero tarantula = new Hero("Tarantula", "Natalia Roman-on", 32);
            tarantula.team = Related.of(preventers);
            Hero lion = new Hero("Black Lion", "Trevor Challa", 35);
            lion.team = Related.of(zForce);
            Hero weird = new Hero("Dr. Weird", "Steve Weird", 36);
            weird.team = Related.of(preventers);
            s.addAll(List.of(deadpond, rusty, spider, tarantula, lion, weird));
            s.add(empty);
            s.commit();
        }
    }

    private CountingDataSource counter;

    private Engine counting(Db db) {
        return countingEngine(db, ds -> counter = new CountingDataSource(ds));
    }

    @DbTest
    void addingAHeroInsertsItsNewTeamFirstAndWritesTheKey(Db db) {
        fresh(db);
        Session s = session(db);
        Team team = new Team("Preventers", "Sharp Tower");
        Hero hero = new Hero("Rusty-Man", "Tommy Sharp", 48);
        hero.team = Related.of(team);
        s.add(hero); // only the hero: the team is cascaded
        s.commit();
        assertNotNull(team.id);
        assertEquals(team.id, hero.teamId);
        assertTrue(s.contains(team));
        try (Session other = engine(db).session()) {
            Hero read = other.get(Hero.class, hero.id).orElseThrow();
            assertEquals("Preventers", read.team.get().name);
        }
    }

    @DbTest
    void heroTeamsLoadInOneQueryForTheWholeResult(Db db) {
        createTeamsAndHeroes(db);
        Engine e = counting(db);
        try (Session s = e.session()) {
            counter.reset();
            List<Hero> heroes = s.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
            for (Hero h : heroes) {
                if (h.team.get() != null) {
                    assertEquals(h.teamId, h.team.get().id);
                }
            }
            assertEquals(2, counter.selects().size(), counter.selects().toString());
            assertNull(heroes.get(2).team.get()); // Spider-Boy has no team: loaded, empty
            assertSame(heroes.get(1).team.get(), heroes.get(3).team.get()); // one instance per key
        }
    }

    @DbTest
    void teamHeroesLoadInOneQueryAndEmptyTeamsGetEmptyLists(Db db) {
        createTeamsAndHeroes(db);
        Engine e = counting(db);
        try (Session s = e.session()) {
            counter.reset();
            List<Team> teams = s.exec(select(Team.class).orderBy(Team_.name.desc())).all(); // Z, P, N
            assertEquals(List.of("Rusty-Man", "Tarantula", "Dr. Weird"), names(teams.get(1).heroes.get()));
            assertEquals(List.of("Deadpond", "Black Lion"), names(teams.get(0).heroes.get()));
            assertEquals(List.of(), teams.get(2).heroes.get());
            assertEquals(2, counter.selects().size(), counter.selects().toString());
        }
    }

    @DbTest
    void manyToOneInTheIdentityMapCostsNoQuery(Db db) {
        createTeamsAndHeroes(db);
        Engine e = counting(db);
        try (Session s = e.session()) {
            List<Team> teams = s.exec(select(Team.class)).all();
            counter.reset();
            Hero rusty = s.exec(select(Hero.class).where(Hero_.name.eq("Rusty-Man"))).one();
            assertEquals("Preventers", rusty.team.get().name);
            assertTrue(teams.contains(rusty.team.get()));
            assertEquals(1, counter.selects().size(), counter.selects().toString());
        }
    }

    @DbTest
    void fetchLoadsEagerlyOneQueryPerLevelAndSurvivesClose(Db db) {
        createTeamsAndHeroes(db);
        Engine e = counting(db);
        List<Hero> heroes;
        try (Session s = e.session()) {
            counter.reset();
            heroes = s.exec(select(Hero.class).where(Hero_.teamId.isNotNull()).fetch(Hero_.team, Team_.heroes)).all();
            assertEquals(3, counter.selects().size(), counter.selects().toString());
        }
        for (Hero h : heroes) {
            assertTrue(h.team.isLoaded());
            assertTrue(h.team.get().heroes.get().contains(h));
        }
        NotLoadedException error = assertThrows(NotLoadedException.class, () -> heroes.get(0).teams.get());
        assertTrue(error.getMessage().contains("Hero.teams"), error.getMessage());
    }

    @DbTest
    void sessionLoadBatchesExplicitly(Db db) {
        createTeamsAndHeroes(db);
        Engine e = counting(db);
        try (Session s = e.session()) {
            List<Team> teams = s.exec(select(Team.class)).all();
            counter.reset();
            s.load(teams, Team_.heroes);
            assertEquals(1, counter.selects().size());
            assertTrue(teams.stream().allMatch(t -> t.heroes.isLoaded()));
        }
    }

    @DbTest
    void joinsAndOuterJoinsReturnHeroesWithTeams(Db db) {
        createTeamsAndHeroes(db);
        Session s = session(db);
        List<Row> inner = s.exec(select(Hero.class, Team.class).join(Team.class).orderBy(Hero_.id.asc())).all();
        assertEquals(5, inner.size());
        assertEquals("Z-Force", inner.get(0).get(Team.class).name);
        List<Row> outer = s.exec(select(Hero.class, Team.class).leftJoin(Team.class).orderBy(Hero_.id.asc())).all();
        assertEquals(6, outer.size());
        assertNull(outer.get(2).get(Team.class)); // Spider-Boy
        List<String> preventers = s.exec(select(Hero_.name).join(Team.class).where(Team_.name.eq("Preventers"))
                .orderBy(Hero_.id.asc())).all();
        assertEquals(List.of("Rusty-Man", "Tarantula", "Dr. Weird"), preventers);
    }

    @DbTest
    void backPopulatesKeepsBothSidesInStepBeforeAndAfterCommit(Db db) {
        createTeamsAndHeroes(db);
        Session s = session(db);
        Team preventers = s.exec(select(Team.class).where(Team_.name.eq("Preventers"))).one();
        Hero spider = s.exec(select(Hero.class).where(Hero_.name.eq("Spider-Boy"))).one();
        assertEquals(3, preventers.heroes.size());
        spider.team.set(preventers);
        assertTrue(preventers.heroes.get().contains(spider)); // before flush
        s.commit();
        assertEquals(preventers.id, spider.teamId);
        assertTrue(preventers.heroes.get().contains(spider));
        Team zForce = s.exec(select(Team.class).where(Team_.name.eq("Z-Force"))).one();
        zForce.heroes.add(spider);
        assertSame(zForce, spider.team.get());
        assertFalse(preventers.heroes.get().contains(spider));
        s.commit();
        try (Session other = engine(db).session()) {
            assertEquals(zForce.id, other.get(Hero.class, spider.id).orElseThrow().teamId);
        }
    }

    /** Preventers and Z-Force with their heroes loaded; the heroes' own {@code team} holders are not. */
    private static Team team(Session s, String name) {
        Team t = s.exec(select(Team.class).where(Team_.name.eq(name))).one();
        t.heroes.size();
        return t;
    }

    private static Hero hero(Session s, String name) {
        return s.exec(select(Hero.class).where(Hero_.name.eq(name))).one();
    }

    @DbTest
    void settingAToOneMovesTheChildBetweenLoadedListsAtOnceWithoutAQuery(Db db) {
        createTeamsAndHeroes(db);
        Engine e = counting(db);
        try (Session s = e.session()) {
            Hero weird = hero(s, "Dr. Weird");
            Team preventers = team(s, "Preventers");
            Team zForce = team(s, "Z-Force");
            Team nobody = s.exec(select(Team.class).where(Team_.name.eq("Nobody"))).one();
            assertFalse(weird.team.isLoaded());
            assertTrue(preventers.heroes.get().contains(weird));
            counter.reset();

            weird.team.set(null);
            assertFalse(preventers.heroes.get().contains(weird));
            weird.team.set(zForce);
            assertEquals(List.of("Deadpond", "Black Lion", "Dr. Weird"), names(zForce.heroes.get()));
            weird.team.set(nobody); // the new team's list is not loaded: it stays so
            assertFalse(zForce.heroes.get().contains(weird));
            assertFalse(nobody.heroes.isLoaded());
            Hero rusty = preventers.heroes.get().get(0);
            rusty.team.set(zForce);
            assertEquals(List.of("Tarantula"), names(preventers.heroes.get()));
            assertTrue(zForce.heroes.get().contains(rusty));
            assertEquals(List.of(), counter.statements(), "nothing is sent before the flush");

            s.commit();
            assertEquals(nobody.id, weird.teamId);
            assertEquals(zForce.id, rusty.teamId);
        }
        try (Session s = engine(db).session()) {
            assertEquals(List.of("Tarantula"), names(team(s, "Preventers").heroes.get()));
            assertEquals(List.of("Dr. Weird"), names(team(s, "Nobody").heroes.get()));
            assertEquals(Set.of("Deadpond", "Black Lion", "Rusty-Man"), Set.copyOf(names(team(s, "Z-Force").heroes.get())));
        }
    }

    @DbTest
    void addingToAndRemovingFromAListSetsTheChildsToOneWithoutAQuery(Db db) {
        createTeamsAndHeroes(db);
        Engine e = counting(db);
        try (Session s = e.session()) {
            Hero rusty = hero(s, "Rusty-Man");
            Hero tarantula = hero(s, "Tarantula");
            Hero spider = hero(s, "Spider-Boy");
            Team preventers = team(s, "Preventers");
            Team zForce = team(s, "Z-Force");
            counter.reset();

            zForce.heroes.add(rusty);
            assertTrue(rusty.team.isLoaded());
            assertSame(zForce, rusty.team.get());
            assertFalse(preventers.heroes.get().contains(rusty)); // taken from its old team's list
            preventers.heroes.remove(tarantula);
            assertTrue(tarantula.team.isLoaded());
            assertNull(tarantula.team.get());
            zForce.heroes.add(spider);
            assertSame(zForce, spider.team.get());
            zForce.heroes.remove(spider);
            assertNull(spider.team.get());
            assertEquals(List.of(), counter.statements(), "nothing is sent before the flush");

            s.commit();
            assertEquals(zForce.id, rusty.teamId);
            assertNull(tarantula.teamId);
            assertNull(spider.teamId);
        }
        try (Session s = engine(db).session()) {
            assertEquals(List.of("Dr. Weird"), names(team(s, "Preventers").heroes.get()));
            assertEquals(zForce(s), hero(s, "Rusty-Man").teamId);
            assertNull(hero(s, "Tarantula").teamId);
        }
    }

    @DbTest
    void newInstancesArePutInStepWhenAddedToASession(Db db) {
        createTeamsAndHeroes(db);
        try (Session s = engine(db).session()) {
            Team avengers = new Team("Avengers", "Tower");
            Hero hulk = new Hero("Hulk", "Bruce", 49);
            hulk.team.set(avengers);
            Team guardians = new Team("Guardians", "Knowhere");
            Hero groot = new Hero("Groot", "Groot", 3);
            guardians.heroes.add(groot);
            s.add(hulk);
            s.add(guardians);
            assertEquals(List.of("Hulk"), names(avengers.heroes.get()));
            assertSame(guardians, groot.team.get());
            s.commit();
            assertEquals(avengers.id, hulk.teamId);
            assertEquals(guardians.id, groot.teamId);
        }
    }

    private static Long zForce(Session s) {
        return s.exec(select(Team_.id).where(Team_.name.eq("Z-Force"))).one();
    }

    @DbTest
    void manyToManySidesMirrorEachOtherAndUnloadedSidesStayUnloaded(Db db) {
        createTeamsAndHeroes(db);
        Engine e = counting(db);
        try (Session s = e.session()) {
            Hero spider = hero(s, "Spider-Boy");
            Hero rusty = hero(s, "Rusty-Man");
            Team preventers = team(s, "Preventers");
            Team zForce = team(s, "Z-Force");
            spider.teams.size();
            preventers.members.size();
            counter.reset();

            spider.teams.add(preventers);
            assertEquals(List.of("Spider-Boy"), names(preventers.members.get()));
            preventers.members.add(rusty); // rusty's teams are not loaded: they stay so
            assertFalse(rusty.teams.isLoaded());
            spider.teams.add(zForce);
            assertFalse(zForce.members.isLoaded());
            preventers.members.remove(spider);
            assertEquals(List.of("Z-Force"), spider.teams.get().stream().map(t -> t.name).toList());
            assertEquals(List.of("Rusty-Man"), names(preventers.members.get()));
            spider.teams.add(preventers);
            assertEquals(Set.of("Rusty-Man", "Spider-Boy"), Set.copyOf(names(preventers.members.get())));
            assertEquals(List.of(), counter.statements(), "nothing is sent before the flush");
            s.commit();
        }
        try (Session s = engine(db).session()) {
            assertEquals(Set.of("Preventers", "Z-Force"),
                    hero(s, "Spider-Boy").teams.get().stream().map(t -> t.name).collect(Collectors.toSet()));
            assertEquals(Set.of("Rusty-Man", "Spider-Boy"), Set.copyOf(names(team(s, "Preventers").members.get())));
        }
    }

    @DbTest
    void removingAChildFromTheListSetsItsKeyToNull(Db db) {
        createTeamsAndHeroes(db);
        Session s = session(db);
        Team zForce = s.exec(select(Team.class).where(Team_.name.eq("Z-Force"))).one();
        Hero deadpond = zForce.heroes.get().get(0);
        zForce.heroes.remove(deadpond);
        assertNull(deadpond.team.get());
        s.commit();
        assertNull(deadpond.teamId);
        try (Session other = engine(db).session()) {
            assertNull(other.get(Hero.class, deadpond.id).orElseThrow().teamId);
        }
    }

    @DbTest
    void deletingATeamSetsItsHeroesKeyToNull(Db db) {
        createTeamsAndHeroes(db);
        Session s = session(db);
        Team preventers = s.exec(select(Team.class).where(Team_.name.eq("Preventers"))).one();
        Hero rusty = s.exec(select(Hero.class).where(Hero_.name.eq("Rusty-Man"))).one();
        s.delete(preventers);
        s.commit();
        assertNull(rusty.teamId); // loaded child updated in memory too
        try (Session other = engine(db).session()) {
            assertEquals(0L, other.exec(select(Expr.count()).from(Hero.class).where(Hero_.teamId.isNotNull()
                    .and(Hero_.name.in("Rusty-Man", "Tarantula", "Dr. Weird")))).one());
            assertEquals(6L, other.exec(select(Expr.count()).from(Hero.class)).one());
        }
    }

    @DbTest
    void cascadeDeleteRemovesChildrenGrandchildrenAndLinkRows(Db db) {
        createTeamsAndHeroes(db);
        long heroId;
        try (Session s = engine(db).session()) {
            Hero rusty = s.exec(select(Hero.class).where(Hero_.name.eq("Rusty-Man"))).one();
            Power flight = new Power("flight");
            Power armor = new Power("armor");
            rusty.powers.add(flight);
            rusty.powers.add(armor);
            rusty.teams.add(s.exec(select(Team.class).where(Team_.name.eq("Z-Force"))).one());
            s.commit();
            s.add(new PowerLevel(flight.id, 1, "hover"));
            s.add(new PowerLevel(flight.id, 2, "soar"));
            s.add(new PowerLevel(armor.id, 1, "tin"));
            s.commit();
            heroId = rusty.id;
            assertEquals(3L, s.exec(select(Expr.count()).from(PowerLevel.class)).one());
        }
        try (Session s = engine(db).session()) {
            s.delete(s.get(Hero.class, heroId).orElseThrow());
            s.commit();
            assertEquals(0L, s.exec(select(Expr.count()).from(Power.class)).one());
            assertEquals(0L, s.exec(select(Expr.count()).from(PowerLevel.class)).one());
            assertEquals(0L, s.exec(select(Expr.count()).from(HeroTeamLink.class)).one());
            assertEquals(5L, s.exec(select(Expr.count()).from(Hero.class)).one());
        }
    }

    @DbTest
    void passiveDeletesLeavesItToTheDatabaseAndDetachesLoadedChildren(Db db) {
        fresh(db);
        Session s = session(db);
        long guildId = s.save(new Guild("Thieves")).id;
        s.save(new Member("Ann", guildId));
        s.commit();
        s.clear();
        Guild guild = s.get(Guild.class, guildId).orElseThrow();
        Member a = guild.members.get().get(0);
        s.delete(guild);
        s.commit();
        assertFalse(s.contains(a));
        assertEquals(0L, s.exec(select(Expr.count()).from(Member.class)).one());
    }

    @DbTest
    void restrictSurfacesAsIntegrityErrorWithNothingDeleted(Db db) {
        fresh(db);
        Session s = session(db);
        Vault vault = s.save(new Vault("Gringotts"));
        s.save(new Treasure("Cup", vault.id));
        s.commit();
        s.delete(vault);
        assertThrows(IntegrityException.class, s::commit);
        try (Session other = engine(db).session()) {
            assertEquals(1L, other.exec(select(Expr.count()).from(Vault.class)).one());
            assertEquals(1L, other.exec(select(Expr.count()).from(Treasure.class)).one());
        }
    }

    @DbTest
    void manyToManyAddAndRemoveWriteAndDeleteLinkRows(Db db) {
        createTeamsAndHeroes(db);
        try (Session s = engine(db).session()) {
            Hero spider = s.exec(select(Hero.class).where(Hero_.name.eq("Spider-Boy"))).one();
            List<Team> teams = s.exec(select(Team.class).orderBy(Team_.name.asc())).all(); // N, P, Z
            teams = List.of(teams.get(1), teams.get(2));
            spider.teams.add(teams.get(0));
            spider.teams.add(teams.get(1));
            assertTrue(teams.get(0).members.get().contains(spider)); // back-populated
            s.commit();
        }
        try (Session s = engine(db).session()) {
            Hero spider = s.exec(select(Hero.class).where(Hero_.name.eq("Spider-Boy"))).one();
            assertEquals(Set.of("Preventers", "Z-Force"), spider.teams.get().stream().map(t -> t.name)
                    .collect(Collectors.toSet()));
            Team zForce = spider.teams.get().stream().filter(t -> t.name.equals("Z-Force")).findFirst().orElseThrow();
            spider.teams.remove(zForce);
            s.commit();
            assertEquals(1L, s.exec(select(Expr.count()).from(HeroTeamLink.class)).one());
        }
    }

    @DbTest
    void manyToManyLoadsInOneQueryAndLinkModelCarriesExtraColumns(Db db) {
        createTeamsAndHeroes(db);
        try (Session s = engine(db).session()) {
            List<Hero> heroes = s.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
            List<Team> teams = s.exec(select(Team.class).orderBy(Team_.id.asc())).all();
            s.add(new HeroTeamLink(heroes.get(0).id, teams.get(0).id, true));
            s.add(new HeroTeamLink(heroes.get(0).id, teams.get(1).id, false));
            s.add(new HeroTeamLink(heroes.get(1).id, teams.get(1).id, false));
            s.commit();
        }
        Engine e = counting(db);
        try (Session s = e.session()) {
            counter.reset();
            List<Hero> heroes = s.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
            assertEquals(2, heroes.get(0).teams.size());
            assertEquals(1, heroes.get(1).teams.size());
            assertEquals(0, heroes.get(2).teams.size());
            assertEquals(2, counter.selects().size(), counter.selects().toString());
            HeroTeamLink training = s.exec(select(HeroTeamLink.class).where(HeroTeamLink_.isTraining.eq(true))).one();
            assertEquals(heroes.get(0).id, training.heroId);
            training.isTraining = false;
            s.commit();
            assertEquals(0L, s.exec(select(Expr.count()).from(HeroTeamLink.class).where(HeroTeamLink_.isTraining.eq(true))).one());
        }
    }

    @DbTest
    void newHeroWithNewTeamsInsertsLinkRowsAfterBoth(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            Hero hero = new Hero("Deadpond", "Dive Wilson", null);
            hero.teams.add(new Team("Z-Force", "Bar"));
            hero.teams.add(new Team("Preventers", "Tower"));
            s.add(hero);
            s.commit();
            assertEquals(2L, s.exec(select(Expr.count()).from(HeroTeamLink.class)).one());
        }
    }

    @DbTest
    void compositeForeignKeysLoadWithRowValuesInOneQuery(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            Hero h = s.save(new Hero("Rusty-Man", "Tommy Sharp", 48));
            Power flight = new Power("flight");
            h.powers.add(flight);
            s.commit();
            s.add(new PowerLevel(flight.id, 1, "hover"));
            s.add(new PowerLevel(flight.id, 2, "soar"));
            s.add(new Badge("first", flight.id, 1));
            s.add(new Badge("second", flight.id, 2));
            s.add(new Badge("again", flight.id, 2));
            s.add(new Badge("none", null, null));
            s.commit();
        }
        Engine e = counting(db);
        try (Session s = e.session()) {
            counter.reset();
            List<Badge> badges = s.exec(select(Badge.class).orderBy(Badge_.id.asc())).all();
            assertEquals("hover", badges.get(0).powerLevel.get().label);
            assertEquals("soar", badges.get(1).powerLevel.get().label);
            assertSame(badges.get(1).powerLevel.get(), badges.get(2).powerLevel.get());
            assertNull(badges.get(3).powerLevel.get());
            assertEquals(2, counter.selects().size(), counter.selects().toString());
            assertTrue(counter.selects().get(1).contains(") IN (("), counter.selects().get(1));
            List<String> labels = s.exec(select(PowerLevel_.label).from(Badge.class).join(PowerLevel.class)
                    .orderBy(Badge_.id.asc())).all();
            assertEquals(List.of("hover", "soar", "soar"), labels); // ON inferred from the composite key
        }
    }

    private static List<String> names(List<Hero> heroes) {
        return heroes.stream().map(h -> h.name).toList();
    }
}
