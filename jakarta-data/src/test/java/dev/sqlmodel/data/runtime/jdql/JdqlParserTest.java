package dev.sqlmodel.data.runtime.jdql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.CompiledSql;
import dev.sqlmodel.Dialect;
import dev.sqlmodel.Expr;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and translation without a database: the SQL each query stands for, and every error. */
class JdqlParserTest {
    private static final String NUMBER_PACKAGE = "dev.sqlmodel.data.runtime.jdql.NaturalNumber.NumberType";

    /** The WHERE ... ORDER BY part of the PostgreSQL SELECT of {@code q}, table prefixes removed. */
    private static String where(JdqlQuery q, JdqlQuery.Parameters params) {
        CompiledSql sql = Calls.select(q, params).toSql(Dialect.POSTGRESQL);
        String text = sql.sql().replaceAll("\"[a-z]+\"\\.", "").replace("\"", "");
        int at = text.indexOf(" WHERE ");
        return (at < 0 ? "" : text.substring(at + 1)) + " " + sql.params();
    }

    private static String where(String query, Object... positional) {
        return where(JdqlQuery.parse(query, NaturalNumber.class), Calls.positional(positional));
    }

    private static JdqlException error(String query) {
        return assertThrows(JdqlException.class, () -> JdqlQuery.parse(query, Product.class));
    }

    private static void assertError(String query, int position, String message) {
        JdqlException e = error(query);
        assertEquals(position, e.position(), e.getMessage());
        assertEquals("JDQL query \"" + query + "\" at position " + position + ": " + message, e.getMessage());
    }

    // ---- statements -------------------------------------------------------------------

    @Test
    void aQueryOfOnlySpacesSelectsEveryPrimaryEntity() {
        JdqlQuery q = JdqlQuery.parse(" ", AsciiCharacter.class);
        assertEquals(JdqlQuery.Kind.SELECT, q.kind());
        assertSame(AsciiCharacter.class, q.entity());
        assertTrue(q.selection().isEmpty());
        assertNull(q.where(null));
        assertTrue(q.orderBy().isEmpty());
        assertEquals(0, q.positionalParameters());
        assertEquals(List.of(), q.namedParameters());
    }

    @Test
    void selectAnAttributeWithPositionalParameterAndOrder() {
        JdqlQuery q = JdqlQuery.parse("SELECT id WHERE isOdd = true AND id BETWEEN 21 AND ?1 ORDER BY id ASC",
                NaturalNumber.class);
        assertEquals(1, q.positionalParameters());
        assertEquals(1, q.selection().size());
        assertEquals(Long.class, q.selection().get(0).javaType());
        assertEquals("WHERE ((is_odd = ?) AND (id BETWEEN ? AND ?)) ORDER BY id [true, 21, 40]",
                where(q, Calls.positional(40L)));
        CompiledSql sql = Calls.select(q, Calls.positional(40L)).toSql(Dialect.POSTGRESQL);
        assertEquals(Long.class, sql.params().get(1).getClass(), "the literal 21 is bound as the long id it meets");
    }

    @Test
    void keywordsIgnoreCaseAndAttributeNamesDoNot() {
        JdqlQuery q = JdqlQuery.parse("sElEcT id wHeRe isOdd = TrUe Order By id DeSc", NaturalNumber.class);
        assertEquals("WHERE (is_odd = ?) ORDER BY id DESC [true]", where(q, null));
        assertError("WHERE Name = 'x'", 7,
                "unknown attribute 'Name' of entity Product (did you mean 'name'? attribute names are case-sensitive)");
    }

    @Test
    void countThisIdThisAndThis() {
        JdqlQuery count = JdqlQuery.parse("SELECT COUNT(THIS) WHERE numericValue <= 97 AND numericValue >= 74",
                AsciiCharacter.class);
        assertEquals(Long.class, count.selection().get(0).javaType());
        JdqlQuery id = JdqlQuery.parse("select id(this) where id(this) < 4 order by id(this) desc", NaturalNumber.class);
        assertEquals("WHERE (id < ?) ORDER BY id DESC [4]", where(id, null));
        assertEquals(Long.class, id.selection().get(0).javaType());
        assertTrue(JdqlQuery.parse("SELECT this WHERE id = 1", NaturalNumber.class).selection().isEmpty());
        assertEquals(2, JdqlQuery.parse("SELECT id, numType", NaturalNumber.class).selection().size());
        JdqlQuery dotted = JdqlQuery.parse("SELECT this.id WHERE this.isOdd = true ORDER BY THIS.id", NaturalNumber.class);
        assertEquals("WHERE (is_odd = ?) ORDER BY id [true]", where(dotted, null));
        assertEquals(Long.class, dotted.selection().get(0).javaType());
    }

    @Test
    void fromUpdateAndDeleteNameTheirEntity() {
        JdqlQuery q = JdqlQuery.parse("FROM Product WHERE (:rate * price <= :max AND :rate * price >= :min) ORDER BY name",
                null, List.of(Box.class));
        assertSame(Product.class, q.entity(), "not a candidate, but a class of that name in a candidate's package");
        assertEquals(List.of("rate", "max", "min"), q.namedParameters());
        assertEquals("WHERE (((? * price) <= ?) AND ((? * price) >= ?)) ORDER BY name [0.1, 0.6, 0.1, 0.4]",
                where(q, Calls.named(Map.of("rate", 0.1, "max", 0.6, "min", 0.4))));

        JdqlQuery update = JdqlQuery.parse("UPDATE Box SET length = length + ?1, width = width - ?1, height = height * ?2",
                null, List.of(Box.class, Coordinate.class));
        assertEquals(JdqlQuery.Kind.UPDATE, update.kind());
        assertSame(Box.class, update.entity());
        assertEquals(2, update.positionalParameters());
        assertEquals("UPDATE \"box\" SET \"length\" = (\"box\".\"length\" + ?), \"width\" = (\"box\".\"width\" - ?),"
                + " \"height\" = (\"box\".\"height\" * ?)", update.statement(Calls.positional(12, 2))
                .toSql(Dialect.POSTGRESQL).sql());

        JdqlQuery delete = JdqlQuery.parse("DELETE FROM Coordinate WHERE x > 0.0d AND y > 0.0f", Box.class,
                List.of(Coordinate.class));
        assertSame(Coordinate.class, delete.entity());
        CompiledSql sql = delete.statement(null).toSql(Dialect.POSTGRESQL);
        assertEquals("DELETE FROM \"coordinate\" WHERE ((\"coordinate\".\"x\" > ?) AND (\"coordinate\".\"y\" > ?))", sql.sql());
        assertEquals(List.of(0.0d, 0.0f), sql.params());
        assertThrows(IllegalStateException.class, () -> JdqlQuery.parse("WHERE length = 1", Box.class).statement(null));
    }

    // ---- precedence -------------------------------------------------------------------

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        assertEquals("WHERE ((num_bits_required = ?) OR ((num_type = ?) AND (id < ?))) [4, COMPOSITE, 20]",
                where("WHERE numBitsRequired = ?1 OR numType = ?2 AND id < ?3", (short) 4,
                        NaturalNumber.NumberType.COMPOSITE, 20L));
        assertEquals("WHERE ((NOT ((is_odd = ?)) AND (id < ?)) OR (id = ?)) [true, 6, 10]",
                where("WHERE NOT isOdd AND id < 6 OR id = 10"));
        assertEquals("WHERE ((is_odd = ?) AND ((id = ?) OR (id < ?))) ORDER BY id DESC [true, 15, 9]",
                where("Select id Where isOdd = true and (id = ?1 or id < ?2) Order by id Desc", 15L, 9L));
        assertEquals("WHERE NOT (((id = ?) OR (id = ?))) [1, 2]", where("WHERE NOT (id = 1 OR id = 2)"));
    }

    @Test
    void arithmeticHasTheUsualPrecedenceAndParenthesesGroup() {
        assertEquals("WHERE (((? * ?) + ?) = ?) [2, -3, 5, -1]", where("WHERE 2 * -3 + 5 = -1"));
        assertEquals("WHERE ((id - (? * ?)) = ?) [2, 3, 1]", where("WHERE id - 2 * 3 = 1"));
        assertEquals("WHERE (((id - ?) * ?) = ?) [2, 3, 1]", where("WHERE (id - 2) * 3 = 1"));
        assertEquals("WHERE (((id - ?) - ?) = ?) [2, 3, 1]", where("WHERE id - 2 - 3 = 1"), "left-associative");
        assertEquals("WHERE (-(id) < ?) [-5]", where("WHERE -id < -5"));
        assertEquals("WHERE ((id / ?) = ?) [2, 3]", where("WHERE id / 2 = 3"));
        assertEquals("WHERE ((id + ?) > ?) [1, 5]", where("WHERE (id + 1) > 5"), "a parenthesis may open an expression");
        assertEquals("WHERE ((id = ?) AND (num_type = ?)) [-2147483648, ONE]",
                where("WHERE id = -2147483648 AND numType = ONE"));
    }

    @Test
    void concatenationBindsLooserThanArithmetic() {
        JdqlQuery q = JdqlQuery.parse("WHERE name || 'x' || LOWER(name) = CONCAT(:a, name) AND LENGTH(name) + 1 = 3",
                Product.class);
        assertEquals("WHERE (((name || ? || LOWER(name)) = (? || name)) AND ((LENGTH(name) + ?) = ?)) [x, b, 1, 3]",
                where(q, Calls.named(Map.of("a", "b"))));
    }

    @Test
    void literalsOfEveryKind() {
        JdqlQuery q = JdqlQuery.parse("WHERE price = 1.5 OR price = 2e1 OR price = 3f OR price = 4L OR price = 1_000"
                + " OR name = 'it''s' OR name = ''", Product.class);
        CompiledSql sql = Calls.select(q, null).toSql(Dialect.POSTGRESQL);
        assertEquals(List.of(1.5d, 20.0d, 3.0d, 4.0d, 1000.0d, "it's", ""), sql.params(),
                "numbers meeting a Double column are bound as doubles");
        JdqlQuery e = JdqlQuery.parse("WHERE numType = " + NUMBER_PACKAGE + ".PRIME OR numType <> 'ONE'"
                + " OR isOdd = FALSE", NaturalNumber.class);
        assertEquals("WHERE ((num_type = ?) OR (num_type <> ?) OR (is_odd = ?)) [PRIME, ONE, false]", where(e, null));
        assertEquals(List.of(NaturalNumber.NumberType.PRIME, NaturalNumber.NumberType.ONE, false),
                Calls.select(e, null).toSql(Dialect.POSTGRESQL).params());
    }

    @Test
    void localDateTimeAndTimeAreBoundWhenEachCallIsBuilt() {
        JdqlQuery q = JdqlQuery.parse("WHERE introduced <= LOCAL DATE AND LOCAL DATETIME > LOCAL DATETIME"
                + " OR LOCAL TIME IS NULL", Product.class);
        List<Object> params = Calls.select(q, null).toSql(Dialect.POSTGRESQL).params();
        assertEquals(java.time.LocalDate.class, params.get(0).getClass());
        assertEquals(java.time.LocalDateTime.class, params.get(1).getClass());
        assertEquals(java.time.LocalTime.class, params.get(3).getClass());
        assertTrue(q.where(null) != q.where(null), "not built once: the clock moves");
        assertError("WHERE introduced < LOCAL DATETIME", 20,
                "cannot compare a value of type LocalDate with LOCAL DATETIME of type LocalDateTime");
    }

    @Test
    void likePatternsAreMatchedLiterallyOutsideTheirWildcards() {
        JdqlQuery q = JdqlQuery.parse("WHERE name LIKE 'a/b%' OR name NOT LIKE '!%_' ESCAPE '!' OR name LIKE ?1",
                Product.class);
        CompiledSql sql = Calls.select(q, Calls.positional("x_")).toSql(Dialect.POSTGRESQL);
        assertEquals(List.of("a//b%", "/%_", "x_"), sql.params());
        assertTrue(sql.sql().contains("\"product\".\"name\" NOT LIKE ? ESCAPE '/'"), sql.sql());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> q.where(Calls.positional(42)));
        assertTrue(e.getMessage().contains("the LIKE pattern the parameter ?1 must be a String"), e.getMessage());
    }

    @Test
    void inTakesLiteralsParametersAndCollections() {
        JdqlQuery q = JdqlQuery.parse("WHERE id IN (1, ?1, ?2) OR id NOT IN (?3)", NaturalNumber.class);
        assertEquals("WHERE (id IN (?, ?, ?, ?) OR id NOT IN (?)) [1, 2, 3, 4, 5]",
                where(q, Calls.positional(2L, List.of(3L, 4L), new long[] {5L})));
        assertEquals("WHERE (id IN (?, ?) OR (1 = 1)) [1, 2]", where(q, Calls.positional(2L, List.of(), List.of())),
                "an empty collection matches nothing, and NOT IN of it everything");
    }

    @Test
    void parametersAreTypedByTheColumnTheyMeet() {
        JdqlQuery q = JdqlQuery.parse("WHERE id = :id AND numBitsRequired = :bits AND numType = :type", NaturalNumber.class);
        CompiledSql sql = Calls.select(q, Calls.named(Map.of("id", 7, "bits", 3, "type", "PRIME")))
                .toSql(Dialect.POSTGRESQL);
        assertEquals(List.of(7L, (short) 3, NaturalNumber.NumberType.PRIME), sql.params());
        JdqlQuery c = JdqlQuery.parse("SELECT hexadecimal WHERE thisCharacter = ?1", AsciiCharacter.class);
        assertEquals(List.of("J"), Calls.select(c, Calls.positional('J')).toSql(Dialect.POSTGRESQL).params());
    }

    @Test
    void partsWithoutParametersAreBuiltOnce() {
        JdqlQuery q = JdqlQuery.parse("WHERE id > 3 AND isOdd = true", NaturalNumber.class);
        assertSame(q.where(null), q.where(null));
        JdqlQuery p = JdqlQuery.parse("WHERE id > ?1", NaturalNumber.class);
        Expr<Boolean> one = p.where(Calls.positional(1L));
        assertEquals("WHERE (id > ?) [2]", where(p, Calls.positional(2L)));
        assertEquals("WHERE (id > ?) [1]", where(JdqlQuery.parse("WHERE id > ?1", NaturalNumber.class),
                Calls.positional(1L)));
        assertTrue(one != p.where(Calls.positional(1L)));
    }

    // ---- errors -----------------------------------------------------------------------

    @Test
    void syntaxErrorsNameThePositionAndWhatWasExpected() {
        assertError("WHERE price = = 3", 15, "expected an expression, found '='");
        assertError("WHERE price 5", 13,
                "expected a comparison operator (= <> < <= > >=), IS, BETWEEN, LIKE or IN, found '5'");
        assertError("WHERE name = 'abc", 14, "the string starting here has no closing quote");
        assertError("WHERE price = 3 GARBAGE", 17, "expected AND, OR, ORDER BY or the end of the query, found 'GARBAGE'");
        assertError("WHERE price = 3 AND", 20, "expected an expression, found the end of the query");
        assertError("WHERE (price = 3", 17, "expected ')', found the end of the query");
        assertError("WHERE price != 3", 13, "'!=' is not JDQL: write '<>' for 'not equal'");
        assertError("WHERE name IS 'x'", 15, "expected NULL or NOT NULL after IS, found the string 'x'");
        assertError("WHERE name NOT 'x'", 16, "expected BETWEEN, LIKE or IN after NOT, found the string 'x'");
        assertError("WHERE price BETWEEN 1 OR 2", 23, "expected AND between the bounds of BETWEEN, found 'OR'");
        assertError("WHERE name LIKE name", 17, "expected a string or a parameter as the pattern of LIKE, found 'name'");
        assertError("WHERE name LIKE 'a' ESCAPE 'ab'", 28, "expected a string of one character after ESCAPE, found the string 'ab'");
        assertError("WHERE name IN 'a'", 15, "expected '(' after IN, found the string 'a'");
        assertError("WHERE name IN ('a' 'b')", 20, "expected ',' or ')' in the list of IN, found the string 'b'");
        assertError("SELECT name ORDER name", 19, "expected BY after ORDER, found 'name'");
        assertError("SELECT name name", 13, "expected ',', FROM, WHERE, ORDER BY or the end of the query, found 'name'");
        assertError("FROM", 5, "expected an entity name after FROM, found the end of the query");
        assertError("FROM a.Product", 7, "an entity name is a single identifier (the entity's name, not its class name)");
        assertError("DELETE Product", 8, "expected FROM after DELETE, found 'Product'");
        assertError("UPDATE Product name = 'x'", 16, "expected SET after the entity name of UPDATE, found 'name'");
        assertError("UPDATE Product SET name 'x'", 25, "expected '=' after the attribute name in SET, found the string 'x'");
        assertError("WHERE price = ?", 15, "expected a parameter number after '?'");
        assertError("WHERE price = ?0", 15, "positional parameters are numbered from ?1, found ?0");
        assertError("WHERE price = :", 15, "expected a parameter name after ':'");
        assertError("WHERE price = :a OR price = ?1", 29,
                "named and positional parameters cannot be mixed (parameter :a at position 15)");
        assertError("WHERE price = 3x", 16, "unexpected 'x' right after the number 3 (separate it with a space)");
        assertError("WHERE price = 1_", 15, "misplaced '_' in the number 1_ (underscores go between digits)");
        assertError("WHERE price = 1e", 16, "expected the digits of an exponent");
        assertError("WHERE name = 'a' | 'b'", 18, "expected '||' (concatenation), found a single '|'");
        assertError("WHERE price = #", 15, "unexpected character '#'");
        assertError("WHERE price IS NULL = 3", 21, "expected AND, OR, ORDER BY or the end of the query, found '='");
        assertError("WHERE name = NULL", 14, "NULL is allowed only in IS [NOT] NULL and as a value of SET");
        assertError("WHERE THIS = 1", 7,
                "THIS is allowed only as SELECT THIS, COUNT(THIS), ID(THIS) and before '.' in this.attribute");
        assertError("WHERE this.1 = 1", 12, "expected an attribute name after 'this.', found '1'");
        assertError("WHERE COUNT(THIS) = 1", 7, "COUNT(THIS) is allowed only as the SELECT list");
        assertError("SELECT COUNT(name)", 14, "expected THIS in COUNT(THIS), found 'name'");
        assertError("SELECT COUNT(THIS), name", 8, "COUNT(THIS) must be the only item of the SELECT list");
        assertError("WHERE ID(name) = 1", 10, "expected THIS in ID(THIS), found 'name'");
        assertError("WHERE FOO(name) = 1", 7, "unknown function 'FOO' (functions: ABS, LENGTH, LOWER, UPPER, LEFT, RIGHT,"
                + " ID(THIS), COUNT(THIS); from JPQL: CONCAT, SUBSTRING, TRIM, MOD, CEILING, FLOOR, ROUND, COALESCE,"
                + " NULLIF)");
        assertError("WHERE SUBSTRING(name) = 'a'", 7, "SUBSTRING takes two or three arguments, found 1");
        assertError("WHERE CONCAT(name) = 'a'", 7, "CONCAT takes at least two arguments, found 1");
        assertError("WHERE LEFT(name) = 'a'", 7, "LEFT takes two arguments, found 1");
        assertError("WHERE LOWER(name, name) = 'a'", 7, "LOWER takes one argument, found 2");
        assertError("WHERE LOCAL NOW = 1", 13, "expected DATE, DATETIME or TIME after LOCAL, found 'NOW'");
        assertError("WHERE price = 99999999999", 15,
                "the integer 99999999999 is too large for an int (write it with an L suffix for a long)");
    }

    @Test
    void resolutionErrorsNameThePositionAndTheProblem() {
        assertError("WHERE nme = 'x'", 7,
                "unknown attribute 'nme' of entity Product (attributes: productNum, name, price, introduced)");
        assertError("WHERE name = 5", 14, "cannot compare a value of type String with the number 5 of type Integer");
        assertError("WHERE price LIKE 'x%'", 7, "LIKE needs a string, but 'price' is of type Double");
        assertError("WHERE name * 2 = 1", 7, "'*' needs numbers, but 'name' is of type String");
        assertError("WHERE ABS(name) = 1", 11, "ABS needs numbers, but 'name' is of type String");
        assertError("WHERE LENGTH(price) = 1", 14, "LENGTH needs strings, but 'price' is of type Double");
        assertError("WHERE LEFT(name, 1.5) = 'a'", 18,
                "the length given to LEFT must be an integer, but the number 1.5 is of type Double");
        assertError("WHERE MOD(price, 2) = 1", 11, "the dividend of MOD must be an integer, but 'price' is of type Double");
        assertError("WHERE ROUND(price, 1.5) = 1", 20,
                "the number of places given to ROUND must be an integer, but the number 1.5 is of type Double");
        assertError("WHERE COALESCE(price, 'none') = 1", 23,
                "cannot compare a value of type Double with the string 'none' of type String");
        assertError("WHERE price || 'a' = 'b'", 7, "'||' needs strings, but 'price' is of type Double");
        assertError("WHERE name AND price = 1", 7,
                "'name' is of type String, not boolean: expected a comparison operator (= <> < <= > >=), IS, BETWEEN,"
                        + " LIKE or IN after it");
        assertError("WHERE name.first = 'x'", 7,
                "'name.first': paths into embedded or related entities are not supported; name an attribute of Product");
        assertError("WHERE name = java.time.DayOfWeek.FUNDAY", 14,
                "'FUNDAY' is not a constant of java.time.DayOfWeek (constants: MONDAY, TUESDAY, WEDNESDAY, THURSDAY,"
                        + " FRIDAY, SATURDAY, SUNDAY)");
        assertError("WHERE name = java.time.LocalDate.MIN", 14, "'java.time.LocalDate.MIN': java.time.LocalDate is not an enum");
        assertError("WHERE name = no.such.Type.X", 14, "'no' is no attribute of Product and 'no.such.Type' no class on the"
                + " class path, so 'no.such.Type.X' is neither an attribute nor an enum constant (attributes: productNum,"
                + " name, price, introduced)");
        assertError("FROM Nothing", 6, "unknown entity 'Nothing' (entities of this repository: Product)");
        assertError("WHERE name LIKE 'ab!' ESCAPE '!'", 17, "the LIKE pattern ends with its escape character '!'");
        assertError("UPDATE Product SET price = 'x'", 28, "cannot assign a value of type String to the attribute price (Double)");
        assertError("UPDATE Product SET name = NULL", 27,
                "the attribute name of Product cannot be set to NULL (its column is NOT NULL)");
        assertError("UPDATE Product SET nom = 'x'", 20,
                "unknown attribute 'nom' of entity Product (attributes: productNum, name, price, introduced)");
        assertError("SELECT name ORDER BY LENGTH(:x)", 22, "parameters and LOCAL DATE/TIME are not allowed in ORDER BY");
        assertError("SELECT :x", 8, "parameters and LOCAL DATE/TIME are not allowed in the SELECT list");
        JdqlException noEntity = assertThrows(JdqlException.class, () -> JdqlQuery.parse("WHERE id = 1", null));
        assertEquals("JDQL query \"WHERE id = 1\": the query has no FROM clause and there is no primary entity to query"
                + " (write FROM and the entity name)", noEntity.getMessage());
        assertEquals(0, noEntity.position());
        JdqlException numberType = assertThrows(JdqlException.class,
                () -> JdqlQuery.parse("WHERE numType = TWO", NaturalNumber.class));
        assertEquals(17, numberType.position());
    }
}
