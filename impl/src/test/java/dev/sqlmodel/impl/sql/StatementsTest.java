package dev.sqlmodel.impl.sql;

import static dev.sqlmodel.Sql.delete;
import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;
import static dev.sqlmodel.Sql.text;
import static dev.sqlmodel.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Expr;
import dev.sqlmodel.LockOption;
import dev.sqlmodel.Row;
import dev.sqlmodel.Select;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.model.TutorialData;
import dev.sqlmodel.impl.model.Team_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.ArrayList;
import java.util.List;

/** Every statement of the API, executed on each database, checked by the rows it yields or changes. */
class StatementsTest extends DatabaseTest {

    /** Quotes, statement ends, comments, backslashes and characters beyond ASCII and the BMP. */
    private static final String HOSTILE = "'; DROP TABLE hero; -- /* */ \\ \" `x` ''\\' :name ? Zoë 漢字 😀";

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class};
    }

    /** The tutorial's teams and heroes ({@link TutorialData}) in fresh tables. */
    private void createHeroes(Db db) {
        TutorialData.insert(fresh(db));
    }

    private static List<String> allNames(Session s) {
        return s.exec(select(Hero_.name).orderBy(Hero_.id.asc())).all();
    }

    // ---- SELECT ----------------------------------------------------------------------------

    @DbTest
    void selectModelsAndDistinctValues(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<Hero> heroes = s.exec(select(Hero.class).where(Hero_.age.ge(35), Hero_.age.lt(40)).orderBy(Hero_.name.asc()))
                .all();
        assertEquals(List.of("Black Lion", "Dr. Weird"), heroes.stream().map(h -> h.name).toList());
        assertEquals("Steve Weird", heroes.get(1).secretName);
        assertEquals(36, heroes.get(1).age);
        assertNotNull(heroes.get(1).teamId);
        List<Long> teams = s.exec(select(Hero_.teamId).distinct().where(Hero_.teamId.isNotNull())
                .orderBy(Hero_.teamId.asc())).all();
        assertEquals(2, teams.size());
        assertTrue(teams.get(0) < teams.get(1));
        assertEquals(List.of("Preventers", "Z-Force"),
                s.exec(select(Team_.name).distinct().join(Hero.class, Hero_.teamId.eq(Team_.id)).orderBy(Team_.name.asc()))
                        .all());
    }

    @DbTest
    void joinWithInferredOnGivesRows(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<Row> rows = s.exec(select(Hero.class, Team.class).join(Team.class).orderBy(Hero_.id.asc())).all();
        assertEquals(5, rows.size());
        Row first = rows.get(0);
        assertEquals(2, first.size());
        assertEquals("Deadpond", first.get(Hero.class).name);
        assertEquals("Z-Force", first.get(Team.class).name);
        assertEquals(first.get(Hero.class).teamId, first.get(Team.class).id);
        assertSame(rows.get(2).get(Team.class), rows.get(4).get(Team.class), "one instance per team (identity map)");
        assertThrows(IllegalArgumentException.class, () -> first.get(String.class));

        Row r = s.exec(select(Hero_.name, Team_.headquarters, Hero_.age).join(Team.class).where(Hero_.age.eq(48))).one();
        assertEquals(3, r.size());
        assertEquals("Rusty-Man", r.get(Hero_.name));
        assertEquals("Sharp Tower", r.get(Team_.headquarters));
        assertEquals(48, r.get(Hero_.age));
        assertEquals("Rusty-Man", r.get(0, String.class));
        assertEquals(Long.valueOf(48), r.get(2, Long.class));
        assertThrows(IllegalArgumentException.class, () -> r.get(Hero_.secretName));
        assertThrows(IndexOutOfBoundsException.class, () -> r.get(3, String.class));
    }

    @DbTest
    void leftRightAndFullJoins(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<String> left = s.exec(select(Hero_.name, Team_.name).leftJoin(Team.class).orderBy(Hero_.id.asc())).all()
                .stream().map(StatementsTest::pair).toList();
        assertEquals(List.of("Deadpond/Z-Force", "Spider-Boy/null", "Rusty-Man/Preventers", "Tarantula/Preventers",
                "Black Lion/Z-Force", "Dr. Weird/Preventers", "Captain North America/null"), left);

        List<Row> lonely = s.exec(select(Team.class, Hero.class).leftJoin(Hero.class).where(Team_.name.eq("Lonely"))).all();
        assertEquals(1, lonely.size());
        assertEquals("Lonely", lonely.get(0).get(Team.class).name);
        assertNull(lonely.get(0).get(Hero.class), "no hero joined");

        List<String> right = s.exec(select(Hero_.name, Team_.name).rightJoin(Team.class)
                .orderBy(Team_.id.asc(), Hero_.id.asc())).all().stream().map(StatementsTest::pair).toList();
        assertEquals(List.of("Rusty-Man/Preventers", "Tarantula/Preventers", "Dr. Weird/Preventers", "Deadpond/Z-Force",
                "Black Lion/Z-Force", "null/Lonely"), right);

        Select<Row> full = select(Hero_.name, Team_.name).fullJoin(Team.class);
        if (db == Db.MARIADB) {
            SqlModelException e = assertThrows(SqlModelException.class, () -> s.exec(full).all());
            assertTrue(e.getMessage().contains("FULL OUTER JOIN") && e.getMessage().contains("MYSQL"), e.getMessage());
        } else {
            List<String> both = new ArrayList<>(s.exec(full).all().stream().map(StatementsTest::pair).toList());
            both.sort(null);
            assertEquals(List.of("Black Lion/Z-Force", "Captain North America/null", "Deadpond/Z-Force",
                    "Dr. Weird/Preventers", "Rusty-Man/Preventers", "Spider-Boy/null", "Tarantula/Preventers",
                    "null/Lonely"), both);
        }
    }

    private static String pair(Row r) {
        return r.get(0, String.class) + "/" + r.get(1, String.class);
    }

    @DbTest
    void groupByWithHaving(Db db) {
        createHeroes(db);
        Session s = session(db);
        Expr<Long> heroes = Expr.count(Hero_.id);
        List<Row> rows = s.exec(select(Team_.name, heroes).from(Team.class).join(Hero.class, Hero_.teamId.eq(Team_.id))
                .groupBy(Team_.name).having(heroes.gt(2L))).all();
        assertEquals(1, rows.size());
        assertEquals("Preventers", rows.get(0).get(Team_.name));
        assertEquals(Long.valueOf(3), rows.get(0).get(heroes));

        List<String> all = s.exec(select(Team_.name, heroes, Expr.max(Hero_.age)).from(Team.class)
                .leftJoin(Hero.class, Hero_.teamId.eq(Team_.id)).groupBy(Team_.name).orderBy(heroes.desc(), Team_.name.asc()))
                .all().stream().map(r -> r.get(0, String.class) + ":" + r.get(1, Long.class) + ":" + r.get(2, Integer.class))
                .toList();
        assertEquals(List.of("Preventers:3:48", "Z-Force:2:35", "Lonely:0:null"), all);
    }

    @DbTest
    void orderByManyItemsLimitAndOffset(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<String> byTeamThenAge = s.exec(select(Hero_.name).where(Hero_.teamId.isNotNull())
                .orderBy(Hero_.teamId.desc(), Hero_.age.desc().nullsLast(), Hero_.name.asc())).all();
        assertEquals(List.of("Black Lion", "Deadpond", "Rusty-Man", "Dr. Weird", "Tarantula"), byTeamThenAge);
        assertEquals(List.of("Tarantula", "Black Lion"),
                s.exec(select(Hero_.name).where(Hero_.age.isNotNull()).orderBy(Hero_.age.asc()).limit(2)).all());
        assertEquals(List.of("Dr. Weird", "Rusty-Man"),
                s.exec(select(Hero_.name).where(Hero_.age.isNotNull()).orderBy(Hero_.age.asc()).limit(2).offset(2)).all());
        assertEquals(List.of("Captain North America"),
                s.exec(select(Hero_.name).where(Hero_.age.isNotNull()).orderBy(Hero_.age.asc()).offset(4)).all());
        assertEquals(List.of(), s.exec(select(Hero_.name).orderBy(Hero_.id.asc()).offset(7)).all());
        assertEquals(List.of(), s.exec(select(Hero_.name).limit(0)).all());
    }

    @DbTest
    void forUpdateInsideATransaction(Db db) {
        createHeroes(db);
        Session s = session(db);
        s.begin();
        List<Hero> locked = s.exec(select(Hero.class).where(Hero_.age.gt(40)).orderBy(Hero_.id.asc()).forUpdate()).all();
        assertEquals(List.of("Rusty-Man", "Captain North America"), locked.stream().map(h -> h.name).toList());
        assertEquals(1, s.exec(select(Hero.class).where(Hero_.age.eq(48)).forUpdate(LockOption.NOWAIT)).all().size());
        assertEquals(2, s.exec(select(Hero_.name).where(Hero_.age.gt(40)).forUpdate(LockOption.SKIP_LOCKED)).all().size());
        if (db != Db.SQLITE) { // SQLite locks the whole file; it has no row locks to skip
            Session other = session(db);
            other.begin();
            List<String> free = other.exec(select(Hero_.name).where(Hero_.age.isNotNull()).orderBy(Hero_.id.asc())
                    .forUpdate(LockOption.SKIP_LOCKED)).all();
            assertEquals(List.of("Tarantula", "Black Lion", "Dr. Weird"), free);
            assertThrows(SqlModelException.class,
                    () -> other.exec(select(Hero_.name).where(Hero_.age.eq(48)).forUpdate(LockOption.NOWAIT)).all());
            other.rollback();
        }
        s.exec(select(Hero.class).where(Hero_.age.eq(48))).one().age = 49;
        s.commit();
        assertEquals(Integer.valueOf(49), session(db).exec(select(Hero_.age).where(Hero_.name.eq("Rusty-Man"))).one());
    }

    @DbTest
    void unionAndUnionAllWithOrderOfTheWhole(Db db) {
        createHeroes(db);
        Session s = session(db);
        Select<String> young = select(Hero_.name).where(Hero_.age.lt(35));
        Select<String> old = select(Hero_.name).where(Hero_.age.gt(40));
        assertEquals(List.of("Tarantula", "Rusty-Man", "Captain North America"),
                s.exec(young.union(old).orderBy(Hero_.name.desc())).all());
        assertEquals(List.of("Captain North America", "Rusty-Man"),
                s.exec(young.union(old).orderBy(Hero_.name.asc()).limit(2)).all());
        assertEquals(List.of("Tarantula"), s.exec(young.union(old).orderBy(Hero_.name.asc()).offset(2)).all());
        Select<Long> teams = select(Hero_.teamId).where(Hero_.teamId.isNotNull());
        assertEquals(2, s.exec(teams.union(teams)).all().size());
        assertEquals(10, s.exec(teams.unionAll(teams)).all().size());
        List<Hero> heroes = s.exec(select(Hero.class).where(Hero_.age.lt(35))
                .unionAll(select(Hero.class).where(Hero_.age.gt(40))).orderBy(Hero_.age.desc())).all();
        assertEquals(List.of("Captain North America", "Rusty-Man", "Tarantula"), heroes.stream().map(h -> h.name).toList());
    }

    record HeroCard(String heroName, String secretName, Long teamId) {
    }

    /** A plain class DTO: filled through its fields. */
    static final class TeamSize {
        String teamName;
        long heroCount;
    }

    @DbTest
    void intoMapsLabelsToRecordsAndClasses(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<HeroCard> cards = s.exec(select(Hero_.name.as("HERO_NAME"), Hero_.secretName, Hero_.teamId.as("TeamId"))
                .where(Hero_.age.ge(36)).orderBy(Hero_.id.asc()).into(HeroCard.class)).all();
        assertEquals(3, cards.size());
        assertEquals("Rusty-Man", cards.get(0).heroName());
        assertEquals("Tommy Sharp", cards.get(0).secretName());
        assertNotNull(cards.get(0).teamId());
        assertEquals(new HeroCard("Captain North America", "Esteban Rogelios", null), cards.get(2));
        List<TeamSize> sizes = s.exec(select(Team_.name.as("team_name"), Expr.count(Hero_.id).as("heroCount"))
                .from(Team.class).leftJoin(Hero.class).groupBy(Team_.name).orderBy(Team_.name.asc()).into(TeamSize.class))
                .all();
        assertEquals(List.of("Lonely=0", "Preventers=3", "Z-Force=2"),
                sizes.stream().map(t -> t.teamName + "=" + t.heroCount).toList());
    }

    // ---- INSERT ----------------------------------------------------------------------------

    @DbTest
    void insertValuesVarargsAndCollection(Db db) {
        fresh(db);
        Session s = session(db);
        assertEquals(3, s.execute(insert(Hero.class).values(new Hero("A", "a", 1), new Hero("B", "b", null),
                new Hero("C", "c", 3))));
        assertEquals(2, s.execute(insert(Hero.class).values(List.of(new Hero("D", "d", 4), new Hero("E", "e", 5)))));
        Hero withKey = new Hero("F", "f", 6);
        withKey.id = 100L;
        assertEquals(2, s.execute(insert(Hero.class).values(withKey, new Hero("G", "g", 7))));
        s.commit();
        List<Hero> all = session(db).exec(select(Hero.class).orderBy(Hero_.name.asc())).all();
        assertEquals(List.of("A", "B", "C", "D", "E", "F", "G"), all.stream().map(h -> h.name).toList());
        assertNull(all.get(1).age);
        assertEquals(100L, all.get(5).id);
        assertTrue(all.stream().allMatch(h -> h.id != null));
        assertEquals(7, all.stream().map(h -> h.id).distinct().count());
    }

    @DbTest
    void upsertDoNothingAndDoUpdate(Db db) {
        createHeroes(db);
        Session s = session(db);
        long skipped = s.execute(insert(Team.class).values(new Team("Preventers", "Elsewhere")).onConflict(Team_.name)
                .doNothing());
        long updated = s.execute(insert(Team.class).values(new Team("Z-Force", "New Bar"), new Team("Avengers", "Tower"))
                .onConflict(Team_.name).doUpdate(Team_.headquarters));
        s.execute(insert(Team.class).values(new Team("Lonely", "Moon")).onConflict().doNothing());
        if (db != Db.MARIADB) { // MySQL counts a row its no-op upsert found, and an updated row twice
            assertEquals(0, skipped);
            assertEquals(2, updated);
        }
        s.commit();
        List<String> teams = session(db).exec(select(Team_.name.concat(Expr.val("@"), Expr.coalesce(Team_.headquarters, "-")))
                .orderBy(Team_.name.asc())).all();
        assertEquals(List.of("Avengers@Tower", "Lonely@-", "Preventers@Sharp Tower", "Z-Force@New Bar"), teams);
    }

    @DbTest
    void upsertOnTheKeyWhenNoTargetIsGiven(Db db) {
        createHeroes(db);
        Session s = session(db);
        Team existing = s.exec(select(Team.class).where(Team_.name.eq("Lonely"))).one();
        Team replacement = new Team("Lonely", "Mars");
        replacement.id = existing.id;
        s.execute(insert(Team.class).values(replacement).onConflict().doUpdate(Team_.headquarters));
        s.commit();
        assertEquals("Mars", session(db).exec(select(Team_.headquarters).where(Team_.name.eq("Lonely"))).one());
    }

    @DbTest
    void insertsOfOneRowCountButOtherShapesEachKeepTheirOwnText(Db db) {
        createHeroes(db);
        Session s = session(db);
        // Same model and row count, three conflict clauses: each must run its own SQL, not a cached neighbour's.
        Team a = new Team("Lonely", "Venus");
        Team b = new Team("Shelter", "Cave");
        s.execute(insert(Team.class).values(a, b).onConflict(Team_.name).doNothing());
        s.execute(insert(Team.class).values(new Team("Lonely", "Mars"), new Team("Shelter", "Ice"))
                .onConflict(Team_.name).doUpdate(Team_.headquarters));
        s.execute(insert(Team.class).values(new Team("Orbit", "Moon"), new Team("Harbor", "Sea")));
        // Rows with and without their generated key in one statement, then both keyed.
        Team keyed = new Team("Keyed", "Here");
        keyed.id = 500L;
        s.execute(insert(Team.class).values(keyed, new Team("Unkeyed", "There")));
        Team k1 = new Team("K1", "One");
        k1.id = 601L;
        Team k2 = new Team("K2", "Two");
        k2.id = 602L;
        s.execute(insert(Team.class).values(k1, k2));
        s.commit();
        Session check = session(db);
        assertEquals("Mars", check.exec(select(Team_.headquarters).where(Team_.name.eq("Lonely"))).one());
        assertEquals("Ice", check.exec(select(Team_.headquarters).where(Team_.name.eq("Shelter"))).one());
        assertEquals(List.of("Harbor", "Orbit"), check.exec(select(Team_.name)
                .where(Team_.name.in("Orbit", "Harbor")).orderBy(Team_.name.asc())).all());
        assertEquals("Keyed", check.exec(select(Team_.name).where(Team_.id.eq(500L))).one());
        assertNotNull(check.exec(select(Team_.id).where(Team_.name.eq("Unkeyed"))).one());
        assertEquals(List.of("K1", "K2"), check.exec(select(Team_.name).where(Team_.id.in(601L, 602L))
                .orderBy(Team_.id.asc())).all());
    }

    // ---- RETURNING -------------------------------------------------------------------------

    @DbTest
    void insertReturningModelsAndValues(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<Hero> made = s.exec(insert(Hero.class).values(new Hero("Nova", "N", 20), new Hero("Orb", "O", null))
                .returning(Hero.class)).all();
        assertEquals(List.of("Nova", "Orb"), made.stream().map(h -> h.name).toList());
        assertEquals(20, made.get(0).age);
        assertNotNull(made.get(0).id);
        assertEquals(made.get(0).id + 1, made.get(1).id);
        List<Long> ids = s.exec(insert(Hero.class).values(new Hero("Pix", "P", 1)).returning(Hero_.id)).all();
        assertEquals(1, ids.size());
        assertEquals(made.get(1).id + 1, ids.get(0));
        List<String> upper = s.exec(insert(Hero.class).values(new Hero("Quill", "Q", 2)).returning(Hero_.name.upper()))
                .all();
        assertEquals(List.of("QUILL"), upper);
        s.commit();
        assertEquals(11, allNames(session(db)).size());
    }

    @DbTest
    void updateReturningModelsAndValues(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<Hero> older = s.exec(update(Hero.class).set(Hero_.age, Hero_.age.plus(1)).where(Hero_.teamId.isNull())
                .returning(Hero.class)).all();
        assertEquals(List.of("Captain North America/94", "Spider-Boy/null"),
                older.stream().map(h -> h.name + "/" + h.age).sorted().toList());
        List<Integer> ages = new ArrayList<>(s.exec(update(Hero.class).set(Hero_.age, 50).where(Hero_.age.between(30, 40))
                .returning(Hero_.age)).all());
        assertEquals(List.of(50, 50, 50), ages);
        assertEquals(List.of(), s.exec(update(Hero.class).set(Hero_.age, 1).where(Hero_.age.gt(1000)).returning(Hero_.id)).all());
        s.commit();
        assertEquals(Long.valueOf(3), session(db).exec(select(Expr.count()).from(Hero.class).where(Hero_.age.eq(50))).one());
    }

    @DbTest
    void deleteReturningModelsAndValues(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<String> gone = new ArrayList<>(s.exec(delete(Hero.class).where(Hero_.age.isNull()).returning(Hero_.name)).all());
        gone.sort(null);
        assertEquals(List.of("Deadpond", "Spider-Boy"), gone);
        List<Hero> heroes = s.exec(delete(Hero.class).where(Hero_.age.gt(90)).returning(Hero.class)).all();
        assertEquals(1, heroes.size());
        assertEquals("Esteban Rogelios", heroes.get(0).secretName);
        s.commit();
        assertEquals(List.of("Rusty-Man", "Tarantula", "Black Lion", "Dr. Weird"), allNames(session(db)));
    }

    // ---- UPDATE and DELETE -----------------------------------------------------------------

    @DbTest
    void updateSetsValuesAndExpressionsAndCountsRows(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(3, s.execute(update(Hero.class).set(Hero_.age, 41).set(Hero_.name, Hero_.name.upper())
                .where(Hero_.age.between(32, 40))));
        assertEquals(0, s.execute(update(Hero.class).set(Hero_.age, 1).where(Hero_.name.eq("nobody"))));
        assertEquals(2, s.execute(update(Hero.class).set(Hero_.secretName, (String) null).where(Hero_.age.isNull())));
        assertEquals(7, s.execute(update(Hero.class).set(Hero_.age, Expr.coalesce(Hero_.age, 0).plus(1))));
        s.commit();
        Session r = session(db);
        assertEquals(List.of("Deadpond/1/null", "Spider-Boy/1/null", "Rusty-Man/49/Tommy Sharp", "TARANTULA/42/Natalia Roman-on",
                "BLACK LION/42/Trevor Challa", "DR. WEIRD/42/Steve Weird", "Captain North America/94/Esteban Rogelios"),
                r.exec(select(Hero.class).orderBy(Hero_.id.asc())).all().stream()
                        .map(h -> h.name + "/" + h.age + "/" + h.secretName).toList());
    }

    @DbTest
    void deleteWhereCountsRows(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(2, s.execute(delete(Hero.class).where(Hero_.age.isNull())));
        assertEquals(0, s.execute(delete(Hero.class).where(Hero_.age.isNull())));
        assertEquals(2, s.execute(delete(Hero.class).where(Hero_.age.lt(36), Hero_.teamId.isNotNull())));
        s.commit();
        assertEquals(List.of("Rusty-Man", "Dr. Weird", "Captain North America"), allNames(s));
        assertEquals(3, s.execute(delete(Hero.class)));
        s.commit();
        assertEquals(List.of(), allNames(s));
    }

    // ---- text ------------------------------------------------------------------------------

    record NameAndAge(String name, Integer age) {
    }

    @DbTest
    void textBindsNamesAndReadsEveryShape(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<Hero> heroes = s.exec(text("SELECT * FROM hero WHERE age > :age ORDER BY id").bind("age", 35).as(Hero.class))
                .all();
        assertEquals(List.of("Rusty-Man", "Dr. Weird", "Captain North America"), heroes.stream().map(h -> h.name).toList());
        assertEquals("Steve Weird", heroes.get(1).secretName);
        assertNotNull(heroes.get(1).teamId);

        Row row = s.exec(text("SELECT name, age FROM hero WHERE name = :n").bind("n", "Tarantula").as(Row.class)).one();
        assertEquals(2, row.size());
        assertEquals("Tarantula", row.get(0, String.class));
        assertEquals(Integer.valueOf(32), row.get(1, Integer.class));

        assertEquals(List.of(new NameAndAge("Tarantula", 32), new NameAndAge("Black Lion", 35)),
                s.exec(text("SELECT name, age FROM hero WHERE age BETWEEN :lo AND :hi AND name <> ':lo' ORDER BY age")
                        .bind("lo", 30).bind("hi", 35).as(NameAndAge.class)).all());
        assertEquals(Long.valueOf(3), s.exec(text("SELECT COUNT(*) FROM hero WHERE age > :age OR age = :age")
                .bind("age", 36).as(Long.class)).one());
        assertEquals(2, s.execute(text("UPDATE hero SET age = :age WHERE age IS NULL").bind("age", 18)));
        assertEquals(1, s.execute(text("DELETE FROM hero WHERE name = :name").bind("name", "Spider-Boy")));
        assertThrows(SqlModelException.class, () -> s.exec(text("SELECT 1 WHERE 1 = :x").as(Long.class)).all());
        s.commit();
        assertEquals(List.of(18), session(db).exec(select(Hero_.age).where(Hero_.name.eq("Deadpond"))).all());
    }

    @DbTest
    void textLeavesColonsInLiteralsAndCommentsAlone(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("it's :n"), s.exec(text("SELECT 'it''s :n' FROM hero /* :n */ WHERE name = :n -- :n\n")
                .bind("n", "Tarantula").as(String.class)).all());
        if (db == Db.MARIADB) { // MySQL also ends a quote escaped with a backslash
            assertEquals(List.of("it's :n"), s.exec(text("SELECT 'it\\'s :n' FROM hero WHERE name = :n")
                    .bind("n", "Tarantula").as(String.class)).all());
        }
    }

    // ---- values that look like SQL ---------------------------------------------------------

    @DbTest
    void hostileStringsAreStoredAndMatchedVerbatim(Db db) {
        createHeroes(db);
        try (Session s = engine(db).session()) {
            s.add(new Hero(HOSTILE, "added", null));
            s.execute(insert(Hero.class).values(new Hero("inserted", HOSTILE, 1)));
            s.execute(update(Hero.class).set(Hero_.secretName, HOSTILE + "!").where(Hero_.name.eq("Deadpond")));
            s.commit();
        }
        Session s = session(db);
        assertEquals(9, allNames(s).size(), "no table was dropped");
        assertEquals("added", s.exec(select(Hero_.secretName).where(Hero_.name.eq(HOSTILE))).one());
        assertEquals(HOSTILE, s.exec(select(Hero_.name).where(Hero_.secretName.eq("added"))).one());
        assertEquals("inserted", s.exec(select(Hero_.name).where(Hero_.secretName.eq(HOSTILE))).one());
        assertEquals(HOSTILE + "!", s.exec(select(Hero_.secretName).where(Hero_.name.eq("Deadpond"))).one());
        assertEquals("inserted", s.exec(select(Hero_.name).where(Hero_.secretName.in(HOSTILE, "x"))).one());
        assertEquals("inserted", s.exec(select(Hero_.name).where(Hero_.secretName.contains("-- /* */ \\ \""))
                .where(Hero_.age.eq(1))).one());
        assertEquals(List.of("inserted"), s.exec(text("SELECT name FROM hero WHERE secret_name = :v").bind("v", HOSTILE)
                .as(String.class)).all());
        assertEquals(HOSTILE.length(), s.exec(select(Hero_.name.length()).where(Hero_.secretName.eq("added"))).one()
                + (int) HOSTILE.codePoints().filter(Character::isSupplementaryCodePoint).count());
    }
}
