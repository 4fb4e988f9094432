package dev.sqlmodel.data.runtime.jdql;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Column;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Row;
import dev.sqlmodel.Select;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.data.runtime.jdql.NaturalNumber.NumberType;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The queries of the Jakarta Data TCK's repositories and the rest of JDQL, run on every
 * database: each query is compiled once and its pieces assembled into a statement as a
 * repository does.
 */
class JdqlExecutionTest extends DatabaseTest {
    private static final String NUMBER_TYPE = "dev.sqlmodel.data.runtime.jdql.NaturalNumber.NumberType";

    private final Set<Db> populated = EnumSet.noneOf(Db.class);

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {NaturalNumber.class, AsciiCharacter.class, Box.class, Coordinate.class, Product.class};
    }

    /** The engine with the numbers 1 to 100 and the characters 1 to 127 stored (once per database); other tables emptied. */
    private Engine numbersAndCharacters(Db db) {
        if (!populated.contains(db)) {
            Engine e = fresh(db);
            try (StatelessSession s = e.stateless()) {
                List<NaturalNumber> numbers = new ArrayList<>();
                for (long n = 1; n <= 100; n++) {
                    numbers.add(NaturalNumber.of(n));
                }
                s.insertAll(numbers);
                List<AsciiCharacter> characters = new ArrayList<>();
                for (int c = 1; c < 128; c++) {
                    characters.add(AsciiCharacter.of(c));
                }
                s.insertAll(characters);
            }
            populated.add(db);
        }
        Engine e = engine(db);
        try (StatelessSession s = e.stateless()) {
            s.execute(dev.sqlmodel.Sql.delete(Box.class));
            s.execute(dev.sqlmodel.Sql.delete(Coordinate.class));
            s.execute(dev.sqlmodel.Sql.delete(Product.class));
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Engine engine, Select<?> select) {
        try (StatelessSession s = engine.stateless()) {
            return (List<T>) s.exec(select).all();
        }
    }

    private static <T> List<T> list(Engine engine, Class<?> primary, String query, JdqlQuery.Parameters params) {
        List<Class<?>> entities = List.of(NaturalNumber.class, AsciiCharacter.class, Box.class, Coordinate.class, Product.class);
        return list(engine, Calls.select(JdqlQuery.parse(query, primary, entities), params));
    }

    private static <T> List<T> list(Engine engine, Class<?> primary, String query, Object... positional) {
        return list(engine, primary, query, Calls.positional(positional));
    }

    private static long execute(Engine engine, String query, JdqlQuery.Parameters params) {
        JdqlQuery q = JdqlQuery.parse(query, null, List.of(Box.class, Coordinate.class, Product.class, NaturalNumber.class));
        try (StatelessSession s = engine.stateless()) {
            return s.execute(q.statement(params));
        }
    }

    private static List<Long> ids(List<NaturalNumber> numbers) {
        return numbers.stream().map(n -> n.id).collect(Collectors.toList());
    }

    private static String characters(List<?> items) {
        return items.stream().map(o -> o instanceof AsciiCharacter c ? c.thisCharacter : (String) o)
                .collect(Collectors.joining());
    }

    // ---- the TCK's read-only repositories ---------------------------------------------

    @DbTest
    void literalTrueAndBetweenWithAParameter(Db db) {
        Engine e = numbersAndCharacters(db);
        List<Long> odds = list(e, NaturalNumber.class,
                "SELECT id WHERE isOdd = true AND id BETWEEN 21 AND ?1 ORDER BY id ASC", 40L);
        assertEquals(List.of(21L, 23L, 25L, 27L, 29L, 31L, 33L, 35L, 37L, 39L), odds);
    }

    @DbTest
    void enumLiteralByItsClassNameAndLiteralFalse(Db db) {
        Engine e = numbersAndCharacters(db);
        List<NaturalNumber> two = list(e, NaturalNumber.class,
                "WHERE isOdd = false AND numType = " + NUMBER_TYPE + ".PRIME");
        assertEquals(1, two.size());
        assertEquals(2L, two.get(0).id);
        assertEquals(NumberType.PRIME, two.get(0).numType);
        assertEquals(Short.valueOf((short) 2), two.get(0).numBitsRequired);
    }

    @DbTest
    void aQueryOfSpacesOrOnlyOrderBy(Db db) {
        Engine e = numbersAndCharacters(db);
        assertEquals(127, list(e, AsciiCharacter.class, " ").size());
        JdqlQuery q = JdqlQuery.parse("ORDER BY id ASC", AsciiCharacter.class);
        List<AsciiCharacter> range = list(e, Calls.select(q, null).offset(64).limit(6));
        assertEquals("ABCDEF", characters(range));
    }

    @DbTest
    void notLikeNotInAndNotBetween(Db db) {
        Engine e = numbersAndCharacters(db);
        List<String> abcdfo = list(e, AsciiCharacter.class, "select thisCharacter where hexadecimal like '4_'"
                + " and hexadecimal not like '%0'"
                + " and thisCharacter not in ('E', 'G')"
                + " and id not between 72 and 78"
                + " order by id asc");
        assertEquals("ABCDFO", characters(abcdfo));
    }

    @DbTest
    void isNotNullAndACharacterParameter(Db db) {
        Engine e = numbersAndCharacters(db);
        String q = "SELECT hexadecimal WHERE hexadecimal IS NOT NULL AND thisCharacter = ?1 ORDER BY id";
        // Strings compare by the database's collation: MariaDB's default one ignores case.
        assertEquals(db == Db.MARIADB ? List.of("4a", "6a") : List.of("4a"), list(e, AsciiCharacter.class, q, 'J'));
        assertEquals(db == Db.MARIADB ? List.of("44", "64") : List.of("44"), list(e, AsciiCharacter.class, q, 'D'));
        assertEquals(List.of(), list(e, AsciiCharacter.class, "WHERE hexadecimal IS NULL"));
    }

    @DbTest
    void stringLiteralWithAQuoteAndInWithAParameter(Db db) {
        Engine e = numbersAndCharacters(db);
        List<AsciiCharacter> found = list(e, AsciiCharacter.class, "WHERE hexadecimal <> ' ORDER BY isn''t a keyword"
                + " when inside a literal' AND hexadecimal IN ('4a', '4b', '4c', ?1)", "4d");
        assertEquals("JKLM", found.stream().map(c -> c.thisCharacter).sorted().collect(Collectors.joining()));
    }

    @DbTest
    void selectAnAttributeInDescendingOrder(Db db) {
        Engine e = numbersAndCharacters(db);
        JdqlQuery q = JdqlQuery.parse("SELECT thisCharacter ORDER BY id DESC", AsciiCharacter.class);
        assertEquals("zyxwvuts", characters(list(e, Calls.select(q, null).offset(5).limit(8))));
    }

    @DbTest
    void countThis(Db db) {
        Engine e = numbersAndCharacters(db);
        assertEquals(List.of(24L), list(e, AsciiCharacter.class,
                "SELECT COUNT(THIS) WHERE numericValue <= 97 AND numericValue >= 74"));
    }

    @DbTest
    void namedParameterAndIdThis(Db db) {
        Engine e = numbersAndCharacters(db);
        JdqlQuery q = JdqlQuery.parse("SELECT id WHERE id >= :inclusiveMin ORDER BY id ASC", NaturalNumber.class);
        List<Long> ids = list(e, Calls.select(q, Calls.named(Map.of("inclusiveMin", 71L))).limit(5));
        assertEquals(List.of(71L, 72L, 73L, 74L, 75L), ids);
        assertEquals(List.of(3L, 2L, 1L), list(e, NaturalNumber.class,
                "SELECT ID(THIS) WHERE ID(THIS) < 4 ORDER BY ID(THIS) DESC"));
    }

    @DbTest
    void andBindsTighterThanOr(Db db) {
        Engine e = numbersAndCharacters(db);
        JdqlQuery q = JdqlQuery.parse("WHERE numBitsRequired = :bits OR numType = :type AND id < :xmax", NaturalNumber.class);
        Map<String, Object> args = Map.of("bits", (short) 4, "type", NumberType.COMPOSITE, "xmax", 20L);
        Select<?> s = Calls.select(q, Calls.named(args)).orderBy(
                Column.of(NaturalNumber.class, "numBitsRequired", Short.class).desc(),
                Column.of(NaturalNumber.class, "id", Long.class).asc());
        assertEquals(List.of(16L, 18L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 4L, 6L), ids(list(e, s)));
    }

    @DbTest
    void parenthesesMakeOrFirst(Db db) {
        Engine e = numbersAndCharacters(db);
        assertEquals(List.of(15L, 7L, 5L, 3L, 1L), list(e, NaturalNumber.class,
                "Select id Where isOdd = true and (id = :id or id < :exclusiveMax) Order by id Desc",
                Calls.named(Map.of("id", 15L, "exclusiveMax", 9L))));
    }

    // ---- the TCK's UPDATE and DELETE queries ------------------------------------------

    @DbTest
    void updateWithoutWhereAddsSubtractsAndMultiplies(Db db) {
        Engine e = numbersAndCharacters(db);
        try (StatelessSession s = e.stateless()) {
            s.insertAll(List.of(Box.of("b1", 125, 117, 44), Box.of("b2", 173, 165, 52), Box.of("b3", 229, 221, 60)));
        }
        String resize = "UPDATE Box SET length = length + ?1, width = width - ?1, height = height * ?2";
        assertEquals(3L, execute(e, resize, Calls.positional(12, 2)));
        Map<String, Box> boxes = new HashMap<>();
        for (Object o : list(e, select(Box.class))) {
            boxes.put(((Box) o).boxIdentifier, (Box) o);
        }
        assertEquals(List.of(137, 105, 88), List.of(boxes.get("b1").length, boxes.get("b1").width, boxes.get("b1").height));
        assertEquals(List.of(185, 153, 104), List.of(boxes.get("b2").length, boxes.get("b2").width, boxes.get("b2").height));
        assertEquals(List.of(241, 209, 120), List.of(boxes.get("b3").length, boxes.get("b3").width, boxes.get("b3").height));
        assertEquals(3L, execute(e, "DELETE FROM Box", null));
        assertEquals(0L, execute(e, resize, Calls.positional(2, 1)));
    }

    @DbTest
    void updateWithWhereAssignsAndDividesAFloat(Db db) {
        Engine e = numbersAndCharacters(db);
        Coordinate first = Coordinate.of("first", 1.41d, 5.25f);
        Coordinate second = Coordinate.of("second", 2.2d, 2.34f);
        Coordinate negative = Coordinate.of("negative", -1d, 3f);
        try (StatelessSession s = e.stateless()) {
            s.insertAll(List.of(first, second, negative));
        }
        long moved = execute(e, "UPDATE Coordinate SET x = :newX, y = y / :yDivisor WHERE id = :id",
                Calls.named(Map.of("id", first.id, "newX", 1.23d, "yDivisor", 1.5f)));
        assertEquals(1L, moved);
        String byId = "WHERE id = ?1";
        Coordinate c1 = (Coordinate) list(e, Coordinate.class, byId, first.id).get(0);
        assertEquals(1.23d, c1.x, 0.001d);
        assertEquals(3.5f, c1.y, 0.001f);
        Coordinate c2 = (Coordinate) list(e, Coordinate.class, byId, second.id).get(0);
        assertEquals(2.2d, c2.x, 0.001d);
        assertEquals(2.34f, c2.y, 0.001f);

        assertEquals(2L, execute(e, "DELETE FROM Coordinate WHERE x > 0.0d AND y > 0.0f", null));
        assertEquals(List.of(), list(e, Coordinate.class, byId, first.id));
        assertEquals(1, list(e, Coordinate.class, byId, negative.id).size());
    }

    // ---- the TCK's persistence repository ---------------------------------------------

    private static void products(Engine e, Product... products) {
        try (StatelessSession s = e.stateless()) {
            s.insertAll(List.of(products));
        }
    }

    private static List<String> names(List<?> products) {
        return products.stream().map(p -> ((Product) p).name).collect(Collectors.toList());
    }

    @DbTest
    void functionLengthAndPositionalParameters(Db db) {
        Engine e = numbersAndCharacters(db);
        products(e, Product.of("sweater", 23.88, "P71"), Product.of("toothpaste", 2.39, "P72"),
                Product.of("chisel", 5.99, "P73"), Product.of("computer", 1299.50, "P74"),
                Product.of("sunblock", 5.98, "P75"), Product.of("basketball", 14.88, "P76"),
                Product.of("baseball cap", 12.99, "P77"));
        String q = "WHERE LENGTH(name) = ?1 AND price < ?2 ORDER BY name";
        assertEquals(List.of("basketball", "toothpaste"), names(list(e, Product.class, q, 10, 100.0)));
        assertEquals(List.of("sunblock"), names(list(e, Product.class, q, 8, 1000.0)));
    }

    @DbTest
    void namedParametersInArithmetic(Db db) {
        Engine e = numbersAndCharacters(db);
        products(e, Product.of("tape measure", 7.29, "P61"), Product.of("pry bar", 4.39, "P62"),
                Product.of("hammer", 8.59, "P63"), Product.of("adjustable wrench", 4.99, "P64"),
                Product.of("framing square", 9.88, "P65"), Product.of("rasp", 6.79, "P66"));
        List<?> found = list(e, null, "FROM Product WHERE (:rate * price <= :max AND :rate * price >= :min) ORDER BY name",
                Calls.named(Map.of("min", 0.4, "max", 0.6, "rate", 0.08125)));
        assertEquals(List.of("adjustable wrench", "rasp", "tape measure"), names(found));
    }

    // ---- the rest of the language -------------------------------------------------------

    @DbTest
    void stringFunctionsAndConcatenation(Db db) {
        Engine e = numbersAndCharacters(db);
        products(e, Product.of("spinach", 2.28, "P51"), Product.of("broccoli", 2.49, "P52"),
                Product.of("rhubarb", null, "P53"), Product.of("Potato", 0.79, "P54"));
        assertEquals(List.of("spinach"), names(list(e, Product.class, "WHERE RIGHT(name, 3) = 'ach'")));
        assertEquals(List.of("rhubarb"), names(list(e, Product.class, "WHERE RIGHT(name, 40) = 'rhubarb'")),
                "a length beyond the string gives the whole string");
        assertEquals(List.of("broccoli"), names(list(e, Product.class, "WHERE LEFT(name, ?1) = 'br'", 2)));
        assertEquals(List.of("Potato"), names(list(e, Product.class, "WHERE UPPER(name) = 'POTATO' AND LOWER(name) = 'potato'")));
        assertEquals(List.of("broccoli!", "Potato!", "rhubarb!", "spinach!"),
                list(e, Product.class, "SELECT name || '!' ORDER BY LOWER(name)"));
        assertEquals(List.of("rhubarb"), names(list(e, Product.class, "WHERE CONCAT(name, '-', productNum) = 'rhubarb-P53'")));
        assertEquals(List.of("Potato"), names(list(e, Product.class, "WHERE name || :x = 'Potato?'",
                Calls.named(Map.of("x", "?")))));
    }

    @DbTest
    void functionsOfJpql(Db db) {
        Engine e = numbersAndCharacters(db);
        products(e, Product.of("spinach", 2.28, "P51"), Product.of("broccoli", 2.49, "P52"),
                Product.of("rhubarb", null, "P53"), Product.of("Potato", 0.79, "P54"), Product.of("  pad  ", 9.5, "P55"));
        assertEquals(List.of("  pad  "), names(list(e, Product.class, "WHERE TRIM(name) = 'pad'")));
        assertEquals(List.of("pin"), list(e, Product.class, "SELECT SUBSTRING(name, 2, 3) WHERE productNum = 'P51'"));
        assertEquals(List.of("inach"), list(e, Product.class, "SELECT SUBSTRING(name, 3) WHERE productNum = 'P51'"));
        assertEquals(List.of("spinach"), names(list(e, Product.class, "WHERE SUBSTRING(name, ?1) = 'inach'", 3)));
        assertEquals(List.of(7L, 14L, 21L, 28L), list(e, NaturalNumber.class, "SELECT id WHERE MOD(id, 7) = 0 AND id < 30"
                + " ORDER BY id"));
        assertEquals(List.of("broccoli", "spinach"), names(list(e, Product.class, "WHERE FLOOR(price) = 2 ORDER BY name")));
        assertEquals(List.of("Potato"), names(list(e, Product.class, "WHERE CEILING(price) = 1")));
        assertEquals(List.of("spinach"), names(list(e, Product.class, "WHERE ROUND(price, 1) = 2.3")));
        assertEquals(List.of("rhubarb"), names(list(e, Product.class, "WHERE COALESCE(price, 0) = 0")));
        assertEquals(List.of("Potato"), names(list(e, Product.class, "WHERE NULLIF(name, 'Potato') IS NULL")));
    }

    @DbTest
    void likeIsCaseSensitiveAndHonoursItsEscapeCharacter(Db db) {
        Engine e = numbersAndCharacters(db);
        products(e, Product.of("50% off", 1.0, "P1"), Product.of("500 off", 2.0, "P2"), Product.of("a_b", 3.0, "P3"),
                Product.of("axb", 4.0, "P4"), Product.of("path/to", 5.0, "P5"), Product.of("Hammer", 6.0, "P6"));
        assertEquals(List.of("50% off", "500 off"), names(list(e, Product.class, "WHERE name LIKE '50%' ORDER BY productNum")));
        assertEquals(List.of("50% off"), names(list(e, Product.class, "WHERE name LIKE '50!%%' ESCAPE '!'")));
        assertEquals(List.of("a_b", "axb"), names(list(e, Product.class, "WHERE name LIKE 'a_b' ORDER BY productNum")));
        assertEquals(List.of("a_b"), names(list(e, Product.class, "WHERE name LIKE ?1 ESCAPE '\\'", "a\\_b")));
        assertEquals(List.of("path/to"), names(list(e, Product.class, "WHERE name LIKE '%/%'")));
        assertEquals(List.of("Hammer"), names(list(e, Product.class, "WHERE name LIKE 'Ham%'")));
        assertEquals(List.of(), names(list(e, Product.class, "WHERE name LIKE 'ham%'")), "LIKE is case-sensitive");
        assertEquals(5, list(e, Product.class, "WHERE name NOT LIKE 'H%'").size());
        Column<Product, String> name = Column.of(Product.class, "name", String.class);
        assertEquals(List.of("Hammer"), names(list(e, select(Product.class).where(LikeMatch.of(name, "Ham%", null, false)))));
        assertEquals(List.of(), names(list(e, select(Product.class).where(LikeMatch.of(name, "ham%", null, false)))));
        assertEquals(List.of("a_b"), names(list(e, select(Product.class).where(LikeMatch.of(name, "a#_%", '#', false)))));
    }

    @DbTest
    void arithmeticFollowsJava(Db db) {
        Engine e = numbersAndCharacters(db);
        assertEquals(List.of(6L, 7L), list(e, NaturalNumber.class, "SELECT id WHERE id / 2 = 3 ORDER BY id"),
                "integer division truncates");
        assertEquals(List.of(6L), list(e, NaturalNumber.class, "SELECT id WHERE id / 2.0 = 3"), "a decimal operand divides exactly");
        assertEquals(List.of(5L), list(e, NaturalNumber.class, "SELECT id WHERE 2 * -3 + id = -1"));
        assertEquals(List.of(9L), list(e, NaturalNumber.class, "SELECT id WHERE (id - 1) * 2 = 16"));
        assertEquals(List.of(4L), list(e, NaturalNumber.class, "SELECT id WHERE ABS(3 - id) = 1 AND id > 3"));
        assertEquals(List.of(99L, 100L), list(e, NaturalNumber.class, "SELECT id WHERE -id <= -99 ORDER BY id"));
        assertEquals(List.of(51L, 66L), list(e, NaturalNumber.class, "SELECT id WHERE floorOfSquareRoot * floorOfSquareRoot"
                + " + 2 = id AND numType = " + NUMBER_TYPE + ".COMPOSITE AND id > 40 ORDER BY id"));
    }

    @DbTest
    void enumsCompareWithConstantsParametersAndNames(Db db) {
        Engine e = numbersAndCharacters(db);
        assertEquals(List.of(1L), list(e, NaturalNumber.class, "SELECT id WHERE numType = ONE"));
        assertEquals(25L, list(e, NaturalNumber.class, "SELECT COUNT(THIS) WHERE numType = :t",
                Calls.named(Map.of("t", NumberType.PRIME))).get(0));
        assertEquals(25L, list(e, NaturalNumber.class, "SELECT COUNT(THIS) WHERE numType = 'PRIME'").get(0));
        assertEquals(75L, list(e, NaturalNumber.class, "SELECT COUNT(THIS) WHERE numType IN (ONE, " + NUMBER_TYPE
                + ".COMPOSITE)").get(0));
        assertEquals(List.of(NumberType.ONE, NumberType.PRIME), list(e, NaturalNumber.class,
                "SELECT numType WHERE id <= 2 ORDER BY id"));
    }

    @DbTest
    void inWithCollectionParametersAndBooleanAttributes(Db db) {
        Engine e = numbersAndCharacters(db);
        assertEquals(List.of(2L, 3L, 99L), list(e, NaturalNumber.class, "SELECT id WHERE id IN (?1) ORDER BY id",
                List.of(3L, 2L, 99L, 1000L)));
        assertEquals(List.of(), list(e, NaturalNumber.class, "SELECT id WHERE id IN (?1)", List.of()));
        assertEquals(List.of(1L, 3L, 5L), list(e, NaturalNumber.class, "SELECT id WHERE isOdd AND id < 6 ORDER BY id"));
        assertEquals(List.of(2L, 4L), list(e, NaturalNumber.class, "SELECT id WHERE NOT isOdd AND id < 6 ORDER BY id"));
        assertEquals(List.of(1L), list(e, NaturalNumber.class, "SELECT id WHERE numBitsRequired IN (1, 9)"));
    }

    @DbTest
    void severalAttributesGiveRows(Db db) {
        Engine e = numbersAndCharacters(db);
        List<Row> rows = list(e, NaturalNumber.class, "SELECT id, numType, isOdd WHERE id BETWEEN 3 AND 4 ORDER BY id");
        assertEquals(2, rows.size());
        assertEquals(3L, rows.get(0).get(0, Long.class));
        assertEquals(NumberType.PRIME, rows.get(0).get(1, NumberType.class));
        assertEquals(Boolean.FALSE, rows.get(1).get(2, Boolean.class));
    }

    @DbTest
    void setNullLocalDateAndDeleteWithWhere(Db db) {
        Engine e = numbersAndCharacters(db);
        Product old = Product.of("old", 1.0, "P1");
        old.introduced = LocalDate.now().minusYears(1);
        Product future = Product.of("future", 2.0, "P2");
        future.introduced = LocalDate.now().plusYears(1);
        products(e, old, future, Product.of("undated", 3.0, "P3"));
        assertEquals(List.of("old"), names(list(e, Product.class, "WHERE introduced < LOCAL DATE")));
        assertEquals(1L, execute(e, "UPDATE Product SET price = NULL, introduced = LOCAL DATE WHERE name = 'undated'", null));
        Product undated = (Product) list(e, Product.class, "WHERE price IS NULL").get(0);
        assertEquals("undated", undated.name);
        assertEquals(LocalDate.now(), undated.introduced);
        assertEquals(2L, execute(e, "DELETE FROM Product WHERE price IS NULL OR introduced > LOCAL DATE", null));
        assertEquals(List.of("old"), names(list(e, Product.class, " ")));
    }

    @DbTest
    void aCompiledQueryRunsManyTimesWithNewValues(Db db) {
        Engine e = numbersAndCharacters(db);
        JdqlQuery q = JdqlQuery.parse("SELECT COUNT(THIS) WHERE id <= ?1 AND isOdd = ?2", NaturalNumber.class);
        for (long max = 10; max <= 100; max += 30) {
            long odd = list(e, Calls.select(q, Calls.positional(max, true))).get(0) instanceof Long l ? l : -1;
            long even = (Long) list(e, Calls.select(q, Calls.positional(max, false))).get(0);
            assertEquals(max, odd + even);
            assertTrue(odd == (max + 1) / 2, "odd numbers up to " + max);
        }
        Expr<Boolean> unused = q.where(Calls.positional(1L, true));
        assertTrue(unused != null);
    }
}
