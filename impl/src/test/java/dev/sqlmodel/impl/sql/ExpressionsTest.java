package dev.sqlmodel.impl.sql;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Expr;
import dev.sqlmodel.Row;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Sample;
import dev.sqlmodel.impl.model.Sample_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.model.TutorialData;
import dev.sqlmodel.impl.model.Team_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Every expression of the API, executed on each database, checked by the values it yields. */
class ExpressionsTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, Sample.class};
    }

    /** The tutorial's teams and heroes ({@link TutorialData}) in fresh tables. */
    private void createHeroes(Db db) {
        TutorialData.insert(fresh(db));
    }

    private static List<String> names(Session s, Expr<Boolean> where) {
        return s.exec(select(Hero_.name).where(where).orderBy(Hero_.id.asc())).all();
    }

    private static final List<String> ALL = List.of("Deadpond", "Spider-Boy", "Rusty-Man", "Tarantula", "Black Lion",
            "Dr. Weird", "Captain North America");

    // ---- comparisons -----------------------------------------------------------------------

    @DbTest
    void comparisonsWithValuesAndExpressions(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("Black Lion"), names(s, Hero_.age.eq(35)));
        assertEquals(List.of("Rusty-Man", "Tarantula", "Dr. Weird", "Captain North America"), names(s, Hero_.age.ne(35)));
        assertEquals(List.of("Tarantula"), names(s, Hero_.age.lt(35)));
        assertEquals(List.of("Tarantula", "Black Lion"), names(s, Hero_.age.le(35)));
        assertEquals(List.of("Captain North America"), names(s, Hero_.age.gt(48)));
        assertEquals(List.of("Rusty-Man", "Captain North America"), names(s, Hero_.age.ge(48)));

        assertEquals(List.of("Black Lion"), names(s, Hero_.age.eq(Expr.val(35))));
        assertEquals(List.of("Tarantula"), names(s, Hero_.age.lt(Expr.val(35))));
        assertEquals(List.of("Tarantula", "Black Lion"), names(s, Hero_.age.le(Expr.val(35))));
        assertEquals(List.of("Captain North America"), names(s, Hero_.age.gt(Expr.val(48))));
        assertEquals(List.of("Rusty-Man", "Captain North America"), names(s, Hero_.age.ge(Expr.val(48))));
        // Column against column: NULL = NULL is not true, so the ageless heroes drop out.
        assertEquals(List.of("Rusty-Man", "Tarantula", "Black Lion", "Dr. Weird", "Captain North America"),
                names(s, Hero_.age.eq(Hero_.age)));
        assertEquals(List.of(), names(s, Hero_.age.ne(Hero_.age.plus(0))));
        assertEquals(List.of("Dr. Weird"), names(s, Hero_.name.eq(Expr.val("Dr. Weird"))));
        assertEquals(List.of("Deadpond"), names(s, Hero_.name.lt(Hero_.secretName).and(Hero_.age.isNull())));
    }

    @DbTest
    void inAndNotInWithVarargsCollectionsSubqueriesAndEmptyCollections(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("Rusty-Man", "Tarantula"), names(s, Hero_.age.in(48, 32, 7)));
        assertEquals(List.of("Black Lion", "Dr. Weird"), names(s, Hero_.age.in(List.of(35, 36))));
        assertEquals(List.of("Rusty-Man", "Tarantula", "Dr. Weird"),
                names(s, Hero_.teamId.in(select(Team_.id).where(Team_.name.eq("Preventers")))));
        assertEquals(List.of(), names(s, Hero_.age.in(List.of())));
        assertEquals(List.of(), names(s, Hero_.age.in()));
        // An empty NOT IN matches every row, even those whose value is NULL.
        assertEquals(ALL, names(s, Hero_.age.notIn(List.of())));
        assertEquals(ALL, names(s, Hero_.age.notIn()));
        assertEquals(List.of("Rusty-Man", "Tarantula", "Captain North America"), names(s, Hero_.age.notIn(35, 36)));
        assertEquals(List.of("Rusty-Man", "Tarantula", "Captain North America"),
                names(s, Hero_.age.notIn(List.of(35, 36))));
        assertEquals(List.of("Deadpond", "Black Lion"),
                names(s, Hero_.teamId.notIn(select(Team_.id).where(Team_.name.ne("Z-Force")))));
        assertEquals(List.of("Tarantula", "Black Lion"), names(s, Hero_.age.in(select(Hero_.age).where(Hero_.age.isNotNull())
                .orderBy(Hero_.age.asc()).limit(2))));
        assertEquals(List.of("Rusty-Man", "Dr. Weird", "Captain North America"), names(s, Hero_.age.notIn(select(Hero_.age)
                .where(Hero_.age.isNotNull()).orderBy(Hero_.age.asc()).limit(2))));
        Collection<Integer> big = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            big.add(i * 2);
        }
        assertEquals(List.of("Rusty-Man", "Tarantula", "Dr. Weird"), names(s, Hero_.age.in(big)));
    }

    @DbTest
    void betweenAndNotBetweenIncludeBothEnds(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("Tarantula", "Black Lion", "Dr. Weird"), names(s, Hero_.age.between(32, 36)));
        assertEquals(List.of("Rusty-Man", "Captain North America"), names(s, Hero_.age.notBetween(32, 36)));
        assertEquals(List.of("Black Lion", "Dr. Weird"), names(s, Hero_.age.between(Expr.val(33), Expr.val(40))));
        assertEquals(List.of(), names(s, Hero_.age.between(40, 30)));
    }

    @DbTest
    void isNullAndIsNotNull(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("Deadpond", "Spider-Boy"), names(s, Hero_.age.isNull()));
        assertEquals(List.of("Rusty-Man", "Tarantula", "Black Lion", "Dr. Weird", "Captain North America"),
                names(s, Hero_.age.isNotNull()));
        assertEquals(List.of("Spider-Boy", "Captain North America"), names(s, Hero_.teamId.isNull()));
    }

    @DbTest
    void distinctFromTreatsNullAsAValue(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("Deadpond", "Spider-Boy", "Rusty-Man", "Tarantula", "Dr. Weird", "Captain North America"),
                names(s, Hero_.age.isDistinctFrom(35)));
        assertEquals(List.of("Black Lion"), names(s, Hero_.age.isNotDistinctFrom(35)));
        Integer none = null;
        assertEquals(List.of("Deadpond", "Spider-Boy"), names(s, Hero_.age.isNotDistinctFrom(none)));
        assertEquals(List.of("Rusty-Man", "Tarantula", "Black Lion", "Dr. Weird", "Captain North America"),
                names(s, Hero_.age.isDistinctFrom(none)));
        assertEquals(ALL, names(s, Hero_.age.isNotDistinctFrom(Hero_.age)));
        assertEquals(List.of(), names(s, Hero_.age.isDistinctFrom(Hero_.age)));
    }

    @DbTest
    void eqAndNeWithANullVariableMeanIsNullAndIsNotNull(Db db) {
        createHeroes(db);
        Session s = session(db);
        Integer unknown = null;
        assertEquals(List.of("Deadpond", "Spider-Boy"), names(s, Hero_.age.eq(unknown)));
        assertEquals(5, names(s, Hero_.age.ne(unknown)).size());
        Long noTeam = null;
        assertEquals(List.of("Spider-Boy", "Captain North America"), names(s, Hero_.teamId.eq(noTeam)));
    }

    @DbTest
    void exprPassedAsAValueIsAnExpression(Db db) {
        createHeroes(db);
        Session s = session(db);
        Expr<Boolean> same = Expr.col("age").eq(Hero_.age); // eq(Object) with an Expr argument
        assertEquals(List.of(), select(Hero_.name).where(same).toSql(db.dialect()).params());
        assertEquals(List.of("Rusty-Man", "Tarantula", "Black Lion", "Dr. Weird", "Captain North America"),
                names(s, same));
        assertEquals(List.of("Captain North America"), names(s, Expr.col("hero", "age").gt(Hero_.age.plus(0).times(0).plus(50))));
    }

    // ---- strings ---------------------------------------------------------------------------

    @DbTest
    void likeAndIlikeTakePatternsAsIs(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("Deadpond", "Dr. Weird"), names(s, Hero_.name.like("D%")));
        assertEquals(List.of("Dr. Weird"), names(s, Hero_.name.like("D_. %")));
        assertEquals(5, names(s, Hero_.name.notLike("D%")).size());
        assertEquals(List.of("Deadpond", "Dr. Weird"), names(s, Hero_.name.ilike("d%")));
        assertEquals(List.of("Rusty-Man", "Black Lion"), names(s, Hero_.name.ilike("%-MAN").or(Hero_.name.ilike("%LION"))));
        assertEquals(List.of("Spider-Boy", "Rusty-Man", "Tarantula", "Black Lion", "Captain North America"),
                names(s, Hero_.name.notIlike("d%")));
    }

    @DbTest
    void containsStartsWithEndsWithMatchWildcardsLiterally(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            for (String n : List.of("50%_off/x", "50xxoff", "a/b", "A_B%", "plain", "back\\slash")) {
                s.add(new Hero(n, "s", null));
            }
            s.commit();
        }
        Session s = session(db);
        assertEquals(List.of("50%_off/x"), names(s, Hero_.name.contains("50%_")));
        assertEquals(List.of("50%_off/x", "A_B%"), names(s, Hero_.name.contains("_")));
        assertEquals(List.of("50%_off/x", "A_B%"), names(s, Hero_.name.contains("%")));
        assertEquals(List.of("50%_off/x", "a/b"), names(s, Hero_.name.contains("/")));
        assertEquals(List.of("50%_off/x"), names(s, Hero_.name.startsWith("50%")));
        assertEquals(List.of("50%_off/x"), names(s, Hero_.name.endsWith("off/x")));
        assertEquals(List.of("A_B%"), names(s, Hero_.name.endsWith("_B%")));
        assertEquals(List.of(), names(s, Hero_.name.endsWith("/")));
        assertEquals(List.of("A_B%"), names(s, Hero_.name.icontains("a_b%")));
        assertEquals(List.of("a/b"), names(s, Hero_.name.istartsWith("A/")));
        assertEquals(List.of("50%_off/x"), names(s, Hero_.name.iendsWith("OFF/X")));
        assertEquals(List.of("50%_off/x", "A_B%"), names(s, Hero_.name.icontains("_")));
        assertEquals(List.of(), names(s, Hero_.name.istartsWith("50%x")));
        assertEquals(List.of("back\\slash"), names(s, Hero_.name.contains("k\\s")));
        assertEquals(List.of("back\\slash"), names(s, Hero_.name.iendsWith("\\SLASH")));
    }

    @DbTest
    void stringFunctions(Db db) {
        fresh(db);
        long id;
        try (Session s = engine(db).session()) {
            s.add(new Hero("  Zoë Day  ", "Dr. Who", null));
            s.commit();
            id = s.exec(select(Hero_.id)).one();
        }
        Session s = session(db);
        assertEquals("DR. WHO", one(s, Hero_.secretName.upper(), id));
        assertEquals("dr. who", one(s, Hero_.secretName.lower(), id));
        assertEquals("Zoë Day", one(s, Hero_.name.trim(), id));
        assertEquals("Zoë Day  ", one(s, Hero_.name.ltrim(), id));
        assertEquals("  Zoë Day", one(s, Hero_.name.rtrim(), id));
        assertEquals("  Zoë Night  ", one(s, Hero_.name.replace("Day", "Night"), id));
        assertEquals("Zoë Day/Dr. Who", one(s, Hero_.name.trim().concat(Expr.val("/"), Hero_.secretName), id));
        assertNull(one(s, Hero_.secretName.concat(Hero_.age), id), "concatenating NULL gives NULL");
        assertEquals(Integer.valueOf(11), one(s, Hero_.name.length(), id));
        assertEquals(Integer.valueOf(7), one(s, Hero_.name.trim().length(), id));
        assertEquals(Integer.valueOf(3), one(s, Hero_.name.trim().substr(1, 3).length(), id));
        assertEquals("Zoë", one(s, Hero_.name.substr(3, 3), id));
        assertEquals("Who", one(s, Hero_.secretName.substr(5, 10), id));
        assertEquals(List.of("  Zoë Day  "), names(s, Hero_.name.trim().eq("Zoë Day")));
    }

    private static <T> T one(Session s, Expr<T> e, long id) {
        return s.exec(select(e).where(Hero_.id.eq(id))).one();
    }

    // ---- numbers ---------------------------------------------------------------------------

    private void createSamples(Db db) {
        fresh(db);
        addSamples(db);
    }

    private void addSamples(Db db) {
        try (Session s = engine(db).session()) {
            s.add(new Sample("pos", 7, 2.3456, new BigDecimal("7.00")));
            s.add(new Sample("neg", -7, -2.5, new BigDecimal("-7.50")));
            s.add(new Sample("none", null, null, null));
            s.commit();
        }
    }

    private static <T> T sample(Session s, Expr<T> e, String label) {
        return s.exec(select(e).where(Sample_.label.eq(label))).one();
    }

    @DbTest
    void arithmeticWithValuesAndExpressions(Db db) {
        createSamples(db);
        Session s = session(db);
        assertEquals(Integer.valueOf(10), sample(s, Sample_.whole.plus(3), "pos"));
        assertEquals(Integer.valueOf(4), sample(s, Sample_.whole.minus(3), "pos"));
        assertEquals(Integer.valueOf(21), sample(s, Sample_.whole.times(3), "pos"));
        assertEquals(Integer.valueOf(1), sample(s, Sample_.whole.mod(3), "pos"));
        assertEquals(Integer.valueOf(-1), sample(s, Sample_.whole.mod(3), "neg"));
        assertEquals(Integer.valueOf(14), sample(s, Sample_.whole.plus(Sample_.whole), "pos"));
        assertEquals(Integer.valueOf(0), sample(s, Sample_.whole.minus(Sample_.whole), "pos"));
        assertEquals(Integer.valueOf(49), sample(s, Sample_.whole.times(Sample_.whole), "pos"));
        assertEquals(Integer.valueOf(1), sample(s, Sample_.whole.div(Sample_.whole), "neg"));
        assertEquals(Integer.valueOf(0), sample(s, Sample_.whole.mod(Sample_.whole), "pos"));
        assertNull(sample(s, Sample_.whole.plus(1), "none"));
        assertEquals(9.3456, sample(s, Sample_.ratio.plus(7), "pos"), 1e-9);
        assertEquals(-5.0, sample(s, Sample_.ratio.times(2), "neg"), 1e-9);
        assertEquals(0, new BigDecimal("9.50").compareTo(sample(s, Sample_.amount.plus(new BigDecimal("2.50")), "pos")));
        assertEquals(List.of("pos"), s.exec(select(Sample_.label).where(Sample_.whole.plus(1).eq(8))).all());
        assertEquals(-0.5, sample(s, Sample_.ratio.mod(2), "neg"), 1e-9);
        assertEquals(0.3456, sample(s, Sample_.ratio.mod(Expr.val(1.0)), "pos"), 1e-9);
        assertEquals(0, new BigDecimal("1.00").compareTo(sample(s, Sample_.amount.mod(3), "pos")));
        assertEquals(0, new BigDecimal("-1.50").compareTo(sample(s, Sample_.amount.mod(new BigDecimal("2")), "neg")));
    }

    @DbTest
    void integerDivisionTruncatesTowardZeroAndDecimalDivisionIsExact(Db db) {
        createSamples(db);
        Session s = session(db);
        assertEquals(Integer.valueOf(3), sample(s, Sample_.whole.div(2), "pos"));
        assertEquals(Integer.valueOf(-3), sample(s, Sample_.whole.div(2), "neg"));
        assertEquals(Integer.valueOf(3), sample(s, Sample_.whole.div(Expr.val(2)), "pos"));
        assertEquals(Integer.valueOf(-2), sample(s, Sample_.whole.div(3L), "neg"));
        assertEquals(1.1728, sample(s, Sample_.ratio.div(2), "pos"), 1e-9);
        assertEquals(-1.25, sample(s, Sample_.ratio.div(2), "neg"), 1e-9);
        assertEquals(0, new BigDecimal("3.5").compareTo(sample(s, Sample_.amount.div(2), "pos")));
        assertEquals(0, new BigDecimal("-3.75").compareTo(sample(s, Sample_.amount.div(2), "neg")));
        assertEquals(0, new BigDecimal("1.75").compareTo(sample(s, Sample_.amount.div(new BigDecimal("4")), "pos")));
    }

    @DbTest
    void absNegRoundFloorCeil(Db db) {
        createSamples(db);
        Session s = session(db);
        assertEquals(Integer.valueOf(7), sample(s, Sample_.whole.abs(), "neg"));
        assertEquals(Integer.valueOf(-7), sample(s, Sample_.whole.neg(), "pos"));
        assertEquals(Integer.valueOf(7), sample(s, Sample_.whole.neg(), "neg"));
        assertEquals(2.5, sample(s, Sample_.ratio.abs(), "neg"), 0.0);
        assertEquals(2.35, sample(s, Sample_.ratio.round(2), "pos"), 1e-9);
        assertEquals(2.346, sample(s, Sample_.ratio.round(3), "pos"), 1e-9);
        assertEquals(2.0, sample(s, Sample_.ratio.round(0), "pos"), 1e-9);
        assertEquals(0, new BigDecimal("-7.5").compareTo(sample(s, Sample_.amount.round(1), "neg")));
        assertEquals(2.0, sample(s, Sample_.ratio.floor(), "pos"), 0.0);
        assertEquals(3.0, sample(s, Sample_.ratio.ceil(), "pos"), 0.0);
        assertEquals(-3.0, sample(s, Sample_.ratio.floor(), "neg"), 0.0);
        assertEquals(-2.0, sample(s, Sample_.ratio.ceil(), "neg"), 0.0);
        assertEquals(Integer.valueOf(7), sample(s, Sample_.whole.floor(), "pos"));
        assertEquals(List.of("pos"), s.exec(select(Sample_.label).where(Sample_.ratio.round(2).eq(2.35))).all());
    }

    // ---- types, aliases, ordering ----------------------------------------------------------

    record Labelled(String heroName, Integer yearsOld) {
    }

    @DbTest
    void castAndAlias(Db db) {
        createHeroes(db);
        addSamples(db);
        Session s = session(db);
        BigDecimal seven = sample(s, Sample_.whole.cast("DECIMAL(10,2)", BigDecimal.class), "pos");
        assertEquals(0, new BigDecimal("7").compareTo(seven));
        assertEquals("7", sample(s, Sample_.whole.cast("CHAR(5)", String.class), "pos").trim());
        Expr<String> heroName = Hero_.name.as("hero_name");
        Expr<Integer> yearsOld = Hero_.age.as("yearsOld");
        Row r = s.exec(select(heroName, yearsOld).where(Hero_.age.eq(35))).one();
        assertEquals("Black Lion", r.get(heroName));
        assertEquals(35, r.get(yearsOld));
        assertEquals(List.of(new Labelled("Tarantula", 32), new Labelled("Black Lion", 35)),
                s.exec(select(heroName, yearsOld).where(Hero_.age.lt(36)).orderBy(yearsOld.asc()).into(Labelled.class)).all());
    }

    @DbTest
    void orderingPutsNullsWhereAsked(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<String> nullsFirstAsc = List.of("Deadpond", "Spider-Boy", "Tarantula", "Black Lion", "Dr. Weird", "Rusty-Man",
                "Captain North America");
        List<String> nullsLastAsc = List.of("Tarantula", "Black Lion", "Dr. Weird", "Rusty-Man", "Captain North America",
                "Deadpond", "Spider-Boy");
        List<String> nullsFirstDesc = List.of("Deadpond", "Spider-Boy", "Captain North America", "Rusty-Man", "Dr. Weird",
                "Black Lion", "Tarantula");
        List<String> nullsLastDesc = List.of("Captain North America", "Rusty-Man", "Dr. Weird", "Black Lion", "Tarantula",
                "Deadpond", "Spider-Boy");
        assertEquals(nullsFirstAsc, ordered(s, Hero_.age.asc().nullsFirst()));
        assertEquals(nullsLastAsc, ordered(s, Hero_.age.asc().nullsLast()));
        assertEquals(nullsFirstDesc, ordered(s, Hero_.age.desc().nullsFirst()));
        assertEquals(nullsLastDesc, ordered(s, Hero_.age.desc().nullsLast()));
        // Without a choice each database sorts NULL its own way: PostgreSQL as the largest value.
        boolean nullsHigh = db == Db.POSTGRESQL;
        assertEquals(nullsHigh ? nullsLastAsc : nullsFirstAsc, ordered(s, Hero_.age.asc()));
        assertEquals(nullsHigh ? nullsFirstDesc : nullsLastDesc, ordered(s, Hero_.age.desc()));
        // By an alias, and over a union (which orders by result column).
        Expr<Integer> years = Hero_.age.as("years");
        assertEquals(nullsLastAsc, s.exec(select(Hero_.name, years).orderBy(years.asc().nullsLast(), Hero_.id.asc())).all()
                .stream().map(r -> r.get(Hero_.name)).toList());
        List<Integer> unionAges = s.exec(select(Hero_.age).where(Hero_.teamId.isNull())
                .union(select(Hero_.age).where(Hero_.age.lt(35))).orderBy(Hero_.age.desc().nullsFirst())).all();
        assertEquals(java.util.Arrays.asList(null, 93, 32), unionAges);
        unionAges = s.exec(select(Hero_.age).where(Hero_.teamId.isNull())
                .union(select(Hero_.age).where(Hero_.age.lt(35))).orderBy(Hero_.age.asc().nullsLast())).all();
        assertEquals(java.util.Arrays.asList(32, 93, null), unionAges);
    }

    private static List<String> ordered(Session s, dev.sqlmodel.Order o) {
        return s.exec(select(Hero_.name).orderBy(o, Hero_.id.asc())).all();
    }

    // ---- booleans --------------------------------------------------------------------------

    @DbTest
    void andOrNotAndTheirEmptyForms(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("Black Lion", "Dr. Weird"), names(s, Hero_.age.gt(32).and(Hero_.age.lt(40))));
        assertEquals(List.of("Tarantula", "Captain North America"), names(s, Hero_.age.lt(33).or(Hero_.age.gt(90))));
        assertEquals(List.of("Rusty-Man", "Tarantula", "Black Lion", "Dr. Weird"), names(s, Hero_.age.gt(90).not()));
        assertEquals(List.of("Captain North America"), names(s, Expr.not(Hero_.age.le(90))));
        assertEquals(List.of("Dr. Weird"),
                names(s, Expr.and(Hero_.age.gt(32), Hero_.age.lt(40), Hero_.name.startsWith("Dr"))));
        assertEquals(List.of("Deadpond", "Tarantula", "Captain North America"),
                names(s, Expr.or(Hero_.age.lt(33), Hero_.age.gt(90), Hero_.name.eq("Deadpond"))));
        assertEquals(List.of("Black Lion"), names(s, Expr.and(List.of(Hero_.age.eq(35)))));
        assertEquals(ALL, names(s, Expr.and(List.of())));
        assertEquals(List.of(), names(s, Expr.or(List.of())));
        assertEquals(List.of(), names(s, Expr.not(Expr.and(List.of()))));
        assertEquals(ALL, names(s, Expr.not(Expr.or(List.of()))));
        assertEquals(List.of("Tarantula"), names(s, Expr.or(List.of()).or(Hero_.age.eq(32))));
        assertEquals(List.of("Tarantula"), names(s, Expr.and(List.of()).and(Hero_.age.eq(32))));
        // (a OR b) AND c keeps its grouping.
        assertEquals(List.of("Rusty-Man"),
                names(s, Hero_.age.eq(48).or(Hero_.age.eq(93)).and(Hero_.teamId.isNotNull())));
    }

    // ---- aggregates ------------------------------------------------------------------------

    @DbTest
    void aggregatesAreConvertedToTheColumnType(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(Long.valueOf(7), s.exec(select(Expr.count()).from(Hero.class)).one());
        assertEquals(Long.valueOf(5), s.exec(select(Expr.count(Hero_.age))).one());
        assertEquals(Long.valueOf(2), s.exec(select(Expr.countDistinct(Hero_.teamId))).one());
        assertEquals(Integer.valueOf(244), s.exec(select(Expr.sum(Hero_.age))).one());
        assertEquals(Integer.valueOf(32), s.exec(select(Expr.min(Hero_.age))).one());
        assertEquals(Integer.valueOf(93), s.exec(select(Expr.max(Hero_.age))).one());
        assertEquals("Tarantula", s.exec(select(Expr.max(Hero_.name))).one());
        assertEquals(Double.valueOf(48.8), s.exec(select(Expr.avg(Hero_.age))).one(), 1e-9);
        assertNull(s.exec(select(Expr.sum(Hero_.age)).where(Hero_.age.gt(100))).one());
        Row r = s.exec(select(Expr.count(), Expr.sum(Hero_.teamId), Expr.max(Hero_.teamId)).where(Hero_.teamId.isNotNull()))
                .one();
        assertEquals(Long.valueOf(5), r.get(0, Long.class));
        assertTrue(r.get(1, Object.class) instanceof Long, "sum of a Long column is a Long");
        assertTrue(r.get(2, Object.class) instanceof Long);
    }

    @DbTest
    void aggregatesOfDecimalsAndDoubles(Db db) {
        createSamples(db);
        Session s = session(db);
        assertEquals(-0.1544, s.exec(select(Expr.sum(Sample_.ratio))).one(), 1e-9);
        assertEquals(0, new BigDecimal("-0.50").compareTo(s.exec(select(Expr.sum(Sample_.amount))).one()));
        assertEquals(0, new BigDecimal("7.00").compareTo(s.exec(select(Expr.max(Sample_.amount))).one()));
        assertEquals(-0.25, s.exec(select(Expr.avg(Sample_.amount))).one(), 1e-9);
        assertEquals(Integer.valueOf(0), s.exec(select(Expr.sum(Sample_.whole))).one());
    }

    // ---- null handling and conditionals ----------------------------------------------------

    @DbTest
    void coalesceNullifIfnull(Db db) {
        createHeroes(db);
        Session s = session(db);
        List<Integer> coalesced = s.exec(select(Expr.coalesce(Hero_.age, 0)).orderBy(Hero_.id.asc())).all();
        assertEquals(List.of(0, 0, 48, 32, 35, 36, 93), coalesced);
        assertEquals(List.of(1, 1, 48, 32, 35, 36, 93),
                s.exec(select(Expr.coalesce(Hero_.age, Expr.val(1))).orderBy(Hero_.id.asc())).all());
        assertEquals(List.of(-1, -1, 48),
                s.exec(select(Expr.coalesce(Hero_.age, Expr.val((Integer) null), Expr.val(-1))).orderBy(Hero_.id.asc())
                        .limit(3)).all());
        List<Long> teams = s.exec(select(Expr.coalesce(Hero_.teamId, -1L)).distinct()).all();
        assertEquals(3, teams.size(), teams.toString());
        assertTrue(teams.contains(-1L), teams.toString());
        List<Integer> nulled = s.exec(select(Expr.nullif(Hero_.age, 35)).where(Hero_.age.isNotNull()).orderBy(Hero_.id.asc()))
                .all();
        assertEquals(java.util.Arrays.asList(48, 32, null, 36, 93), nulled);
        assertEquals(java.util.Arrays.asList(48, null, 35, 36),
                s.exec(select(Expr.nullif(Hero_.age, Expr.val(32))).where(Hero_.age.between(32, 48)).orderBy(Hero_.id.asc()))
                        .all());
        assertEquals(List.of(-1, -1, 48), s.exec(select(Expr.ifnull(Hero_.age, -1)).orderBy(Hero_.id.asc()).limit(3)).all());
        assertEquals(List.of("Dive Wilson", "Pedro Parqueador", "Rusty-Man"),
                s.exec(select(Expr.ifnull(Expr.caseWhen(Hero_.age.isNull(), Hero_.secretName).orWhen(Hero_.age.lt(0), "never"),
                        Hero_.name)).orderBy(Hero_.id.asc()).limit(3)).all());
    }

    @DbTest
    void caseWhenWithAndWithoutOtherwise(Db db) {
        createHeroes(db);
        Session s = session(db);
        Expr<String> band = Expr.caseWhen(Hero_.age.lt(35), "young").orWhen(Hero_.age.lt(50), "middle").otherwise("old");
        assertEquals(List.of("old", "old", "middle", "young", "middle", "middle", "old"),
                s.exec(select(band).orderBy(Hero_.id.asc())).all());
        Expr<String> noElse = Expr.caseWhen(Hero_.age.gt(40), Hero_.name).otherwise((String) null);
        assertEquals(java.util.Arrays.asList(null, null, "Rusty-Man", null, null, null, "Captain North America"),
                s.exec(select(noElse).orderBy(Hero_.id.asc())).all());
        Expr<Integer> withoutOtherwise = Expr.caseWhen(Hero_.age.gt(40), 1).orWhen(Hero_.age.isNull(), Expr.val(0));
        assertEquals(java.util.Arrays.asList(0, 0, 1, null, null, null, 1),
                s.exec(select(withoutOtherwise).orderBy(Hero_.id.asc())).all());
        Expr<Integer> sorted = Expr.caseWhen(Hero_.teamId.isNull(), 0).otherwise(1);
        assertEquals(List.of("Spider-Boy", "Captain North America", "Deadpond"),
                s.exec(select(Hero_.name).orderBy(sorted.asc(), Hero_.id.asc()).limit(3)).all());
    }

    // ---- functions and raw SQL -------------------------------------------------------------

    @DbTest
    void funcAndRaw(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("deadpond", "spider-boy"),
                s.exec(select(Expr.func("lower", String.class, Hero_.name)).orderBy(Hero_.id.asc()).limit(2)).all());
        assertEquals(List.of("Black Lion"), names(s, Expr.func("lower", String.class, Hero_.name).eq("black lion")));
        assertEquals(List.of("Rusty-Man", "Captain North America"), names(s, Expr.raw(Boolean.class, "age > ?", 40)));
        Object sum = s.exec(select(Expr.raw("? + 1", 41))).one();
        assertEquals(42, ((Number) sum).intValue());
        assertEquals(Long.valueOf(5), s.exec(select(Expr.raw(Long.class, "COUNT(age)")).from(Hero.class)).one());
        // An Expr among raw parameters is rendered in place.
        assertEquals(List.of("Captain North America"), names(s, Expr.raw(Boolean.class, "? > ?", Hero_.age, 90)));
        Expr<Object> quoteInside = Expr.raw("?", "it's ?");
        assertEquals("it's ?", s.exec(select(quoteInside)).one());
    }

    // ---- subqueries ------------------------------------------------------------------------

    @DbTest
    void scalarAndCorrelatedSubqueries(Db db) {
        createHeroes(db);
        Session s = session(db);
        // Scalar: older than the average age (48.8).
        assertEquals(List.of("Captain North America"),
                names(s, Expr.col("hero", "age").gt(Expr.subquery(select(Expr.avg(Hero_.age))))));
        assertEquals(List.of("Tarantula"), names(s, Hero_.age.eq(Expr.subquery(select(Expr.min(Hero_.age))))));
        // Correlated in the select list: the number of heroes of each team.
        List<Row> counts = s.exec(select(Team_.name,
                Expr.subquery(select(Expr.count()).from(Hero.class).where(Hero_.teamId.eq(Team_.id))))
                .orderBy(Team_.id.asc())).all();
        assertEquals(List.of("Preventers=3", "Z-Force=2", "Lonely=0"),
                counts.stream().map(r -> r.get(0, String.class) + "=" + r.get(1, Long.class)).toList());
        // Correlated in WHERE: the hero's team is at Sharp Tower.
        assertEquals(List.of("Rusty-Man", "Tarantula", "Dr. Weird"),
                names(s, Expr.subquery(select(Team_.headquarters).where(Team_.id.eq(Hero_.teamId))).eq("Sharp Tower")));
        // Heroes older than the average of their own team. The inner query reads the same
        // table, which needs a table alias: written in raw SQL around the correlated column.
        assertEquals(List.of("Rusty-Man"), names(s, Expr.col("hero", "age")
                .gt(Expr.raw(Double.class, "(SELECT AVG(h2.age) FROM hero h2 WHERE h2.team_id = ?)", Hero_.teamId))));
    }

    @DbTest
    void existsAndNotExistsCorrelated(Db db) {
        createHeroes(db);
        Session s = session(db);
        assertEquals(List.of("Preventers", "Z-Force"), s.exec(select(Team_.name)
                .where(Expr.exists(select(Hero_.id).where(Hero_.teamId.eq(Team_.id)))).orderBy(Team_.id.asc())).all());
        assertEquals(List.of("Lonely"), s.exec(select(Team_.name)
                .where(Expr.notExists(select(Hero_.id).where(Hero_.teamId.eq(Team_.id)))).orderBy(Team_.id.asc())).all());
        assertEquals(List.of("Z-Force"), s.exec(select(Team_.name)
                .where(Expr.exists(select(Hero_.id).where(Hero_.teamId.eq(Team_.id), Hero_.age.isNull())))).all());
        assertEquals(List.of("Deadpond", "Black Lion"), names(s, Expr.exists(select(Team_.id)
                .where(Team_.id.eq(Hero_.teamId), Team_.headquarters.contains("Margaret's")))));
    }
}
