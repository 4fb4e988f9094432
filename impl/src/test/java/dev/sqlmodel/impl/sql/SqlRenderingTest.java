package dev.sqlmodel.impl.sql;

import static dev.sqlmodel.Sql.delete;
import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;
import static dev.sqlmodel.Sql.text;
import static dev.sqlmodel.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.CompiledSql;
import dev.sqlmodel.Dialect;
import dev.sqlmodel.Expr;
import dev.sqlmodel.LockOption;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.model.Team_;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL each dialect renders for a sample of statements (each is also run in the database tests). */
class SqlRenderingTest {

    private static String sql(dev.sqlmodel.Query<?> q, Dialect d) {
        return q.toSql(d).sql();
    }

    @Test
    void selectWithWhereOrderLimitOffsetRendersPerDialect() {
        var q = select(Hero.class).where(Hero_.age.ge(35), Hero_.age.lt(40)).orderBy(Hero_.name.asc()).limit(10).offset(20);
        String cols = "\"hero\".\"id\", \"hero\".\"name\", \"hero\".\"secret_name\", \"hero\".\"age\", \"hero\".\"team_id\"";
        assertEquals("SELECT " + cols + " FROM \"hero\" WHERE ((\"hero\".\"age\" >= ?) AND (\"hero\".\"age\" < ?))"
                + " ORDER BY \"hero\".\"name\" LIMIT ? OFFSET ?", sql(q, Dialect.POSTGRESQL));
        assertEquals("SELECT " + cols + " FROM \"hero\" WHERE ((\"hero\".\"age\" >= ?) AND (\"hero\".\"age\" < ?))"
                + " ORDER BY \"hero\".\"name\" LIMIT ? OFFSET ?", sql(q, Dialect.SQLITE));
        assertEquals("SELECT `hero`.`id`, `hero`.`name`, `hero`.`secret_name`, `hero`.`age`, `hero`.`team_id`"
                + " FROM `hero` WHERE ((`hero`.`age` >= ?) AND (`hero`.`age` < ?)) ORDER BY `hero`.`name` LIMIT ? OFFSET ?",
                sql(q, Dialect.MYSQL));
        assertEquals(List.of(35, 40, 10L, 20L), q.toSql(Dialect.POSTGRESQL).params());
    }

    @Test
    void averageIsComputedInDoublePrecisionOnEveryDialect() {
        var q = select(Expr.avg(Hero_.age));
        assertEquals("SELECT AVG(CAST(\"hero\".\"age\" AS DOUBLE PRECISION)) FROM \"hero\"", sql(q, Dialect.POSTGRESQL));
        assertEquals("SELECT AVG(CAST(`hero`.`age` AS DOUBLE)) FROM `hero`", sql(q, Dialect.MYSQL));
        assertEquals("SELECT AVG(CAST(\"hero\".\"age\" AS REAL)) FROM \"hero\"", sql(q, Dialect.SQLITE));
    }

    @Test
    void offsetWithoutLimitUsesEachDialectsSpelling() {
        var q = select(Hero_.name).offset(5);
        assertTrue(sql(q, Dialect.SQLITE).endsWith("LIMIT ? OFFSET ?"));
        assertEquals(List.of(-1L, 5L), q.toSql(Dialect.SQLITE).params());
        assertTrue(sql(q, Dialect.MYSQL).endsWith("LIMIT 18446744073709551615 OFFSET ?"));
        assertTrue(sql(q, Dialect.POSTGRESQL).endsWith("FROM \"hero\" OFFSET ?"));
    }

    @Test
    void joinInfersOnFromTheSingleForeignKey() {
        var q = select(Hero.class, Team.class).join(Team.class);
        assertTrue(sql(q, Dialect.POSTGRESQL).endsWith(
                " FROM \"hero\" JOIN \"team\" ON \"hero\".\"team_id\" = \"team\".\"id\""), sql(q, Dialect.POSTGRESQL));
        var left = select(Team.class).leftJoin(Hero.class);
        assertTrue(sql(left, Dialect.SQLITE).endsWith(
                " FROM \"team\" LEFT OUTER JOIN \"hero\" ON \"hero\".\"team_id\" = \"team\".\"id\""));
    }

    @Test
    void joinWithoutForeignKeyIsAClearError() {
        var q = select(Hero.class).join(dev.sqlmodel.impl.model.Item.class);
        MappingException e = assertThrows(MappingException.class, () -> q.toSql(Dialect.POSTGRESQL));
        assertTrue(e.getMessage().contains("Item") && e.getMessage().contains("no foreign key"), e.getMessage());
    }

    @Test
    void fullJoinOnMySqlNamesFeatureAndDialect() {
        var q = select(Hero.class).fullJoin(Team.class);
        SqlModelException e = assertThrows(SqlModelException.class, () -> q.toSql(Dialect.MYSQL));
        assertTrue(e.getMessage().contains("FULL OUTER JOIN") && e.getMessage().contains("MYSQL"), e.getMessage());
    }

    @Test
    void ilikeIsNativeOnPostgresAndLoweredElsewhere() {
        var q = select(Hero.class).where(Hero_.name.ilike("dead%"));
        assertTrue(sql(q, Dialect.POSTGRESQL).contains("(\"hero\".\"name\" ILIKE ?)"));
        assertTrue(sql(q, Dialect.MYSQL).contains("LOWER(`hero`.`name`) LIKE LOWER(?)"));
        assertTrue(sql(q, Dialect.SQLITE).contains("LOWER(\"hero\".\"name\") LIKE LOWER(?)"));
    }

    @Test
    void containsEscapesWildcardsAndAddsEscapeClause() {
        CompiledSql c = select(Hero.class).where(Hero_.name.contains("50%_off/")).toSql(Dialect.POSTGRESQL);
        assertTrue(c.sql().contains("LIKE ? ESCAPE '/')"), c.sql());
        assertEquals(List.of("%50/%/_off//%"), c.params());
    }

    @Test
    void caseInsensitiveContainsPutsEscapeAfterThePattern() {
        var q = select(Hero.class).where(Hero_.name.icontains("50%"));
        assertTrue(sql(q, Dialect.SQLITE).endsWith("(LOWER(\"hero\".\"name\") LIKE LOWER(?) ESCAPE '/')"), sql(q, Dialect.SQLITE));
        assertTrue(sql(q, Dialect.MYSQL).endsWith("(LOWER(`hero`.`name`) LIKE CAST(LOWER(?) AS BINARY) ESCAPE '/')"),
                sql(q, Dialect.MYSQL));
        assertTrue(sql(q, Dialect.POSTGRESQL).endsWith("(\"hero\".\"name\" ILIKE ? ESCAPE '/')"), sql(q, Dialect.POSTGRESQL));
    }

    @Test
    void decimalDivisionAndRemainderAreExactOnSqliteAndPostgres() {
        var div = select(Hero_.age.div(2.5));
        assertEquals("SELECT (CAST(\"hero\".\"age\" AS REAL) / ?) FROM \"hero\"", sql(div, Dialect.SQLITE));
        assertEquals("SELECT (\"hero\".\"age\" / ?) FROM \"hero\"", sql(div, Dialect.POSTGRESQL));
        var mod = select(Hero_.age.mod(2.5));
        assertEquals("SELECT MOD(\"hero\".\"age\", ?) FROM \"hero\"", sql(mod, Dialect.SQLITE));
        assertEquals("SELECT (CAST(\"hero\".\"age\" AS NUMERIC) % CAST(? AS NUMERIC)) FROM \"hero\"",
                sql(mod, Dialect.POSTGRESQL));
        assertEquals("SELECT (`hero`.`age` % ?) FROM `hero`", sql(mod, Dialect.MYSQL));
        assertEquals("SELECT (\"hero\".\"age\" % ?) FROM \"hero\"", sql(select(Hero_.age.mod(2)), Dialect.POSTGRESQL));
    }

    @Test
    void nullsOrderingOfAUnionOnMySqlNamesTheResultColumn() {
        var q = select(Hero_.age).where(Hero_.id.lt(3L)).union(select(Hero_.age).where(Hero_.id.gt(5L)))
                .orderBy(Hero_.age.desc().nullsFirst());
        assertTrue(sql(q, Dialect.MYSQL).endsWith(" ORDER BY (`age` IS NULL) DESC, 1 DESC"), sql(q, Dialect.MYSQL));
        var unnamed = select(Hero_.age.plus(1)).union(select(Hero_.age)).orderBy(Hero_.age.plus(1).asc().nullsLast());
        SqlModelException e = assertThrows(SqlModelException.class, () -> unnamed.toSql(Dialect.MYSQL));
        assertTrue(e.getMessage().contains("NULLS FIRST/LAST") && e.getMessage().contains("MYSQL"), e.getMessage());
        assertTrue(sql(unnamed, Dialect.POSTGRESQL).endsWith(" ORDER BY 1 NULLS LAST"));
    }

    @Test
    void limitedInSubqueryIsWrappedOnMySql() {
        var q = select(Hero_.name).where(Hero_.age.in(select(Hero_.age).limit(2)));
        assertTrue(sql(q, Dialect.MYSQL).endsWith("WHERE `hero`.`age` IN (SELECT * FROM (SELECT `hero`.`age` FROM `hero` LIMIT ?)"
                + " AS `in_subquery`)"), sql(q, Dialect.MYSQL));
        assertTrue(sql(q, Dialect.POSTGRESQL).endsWith("IN (SELECT \"hero\".\"age\" FROM \"hero\" LIMIT ?)"));
    }

    @Test
    void distinctFromUsesNullSafeEqualityOnMySql() {
        var q = select(Hero.class).where(Hero_.age.isDistinctFrom(3));
        assertTrue(sql(q, Dialect.MYSQL).contains("(NOT (`hero`.`age` <=> ?))"));
        assertTrue(sql(q, Dialect.POSTGRESQL).contains("IS DISTINCT FROM"));
    }

    @Test
    void concatAndIntegerDivisionDifferOnMySql() {
        assertTrue(sql(select(Hero_.name.concat(Hero_.secretName)), Dialect.MYSQL).startsWith("SELECT CONCAT("));
        assertTrue(sql(select(Hero_.name.concat(Hero_.secretName)), Dialect.POSTGRESQL).contains(" || "));
        assertTrue(sql(select(Hero_.age.div(2)), Dialect.MYSQL).contains(" DIV "));
        assertTrue(sql(select(Hero_.age.div(2)), Dialect.POSTGRESQL).contains(" / "));
    }

    @Test
    void roundCastsToNumericOnPostgres() {
        assertTrue(sql(select(Hero_.age.round(1)), Dialect.POSTGRESQL).contains("ROUND(CAST(\"hero\".\"age\" AS NUMERIC), ?)"));
    }

    @Test
    void forUpdateOptions() {
        var q = select(Hero.class).forUpdate(LockOption.SKIP_LOCKED);
        assertTrue(sql(q, Dialect.POSTGRESQL).endsWith(" FOR UPDATE SKIP LOCKED"));
        assertTrue(sql(select(Hero.class).forUpdate(LockOption.NOWAIT), Dialect.MYSQL).endsWith(" FOR UPDATE NOWAIT"));
        assertTrue(sql(q, Dialect.SQLITE).endsWith("FROM \"hero\""));
    }

    @Test
    void emptyInMatchesNothingAndEmptyNotInEverything() {
        assertTrue(sql(select(Hero.class).where(Hero_.id.in(List.of())), Dialect.POSTGRESQL).endsWith("WHERE (1 = 0)"));
        assertTrue(sql(select(Hero.class).where(Hero_.id.notIn(List.of())), Dialect.POSTGRESQL).endsWith("WHERE (1 = 1)"));
        assertTrue(sql(select(Hero.class).where(Expr.and(List.of())), Dialect.SQLITE).endsWith("WHERE (1 = 1)"));
        assertTrue(sql(select(Hero.class).where(Expr.or(List.of())), Dialect.SQLITE).endsWith("WHERE (1 = 0)"));
    }

    @Test
    void nullValueInEqRendersIsNull() {
        String nothing = null;
        assertTrue(sql(select(Hero.class).where(Hero_.name.eq(nothing)), Dialect.SQLITE).endsWith("(\"hero\".\"name\" IS NULL)"));
        assertTrue(sql(select(Hero.class).where(Hero_.name.ne(nothing)), Dialect.SQLITE).endsWith("(\"hero\".\"name\" IS NOT NULL)"));
    }

    @Test
    void upsertRendersOnConflictOrOnDuplicateKey() {
        Hero h = new Hero("Deadpond", "Dive Wilson", 30);
        var up = insert(Hero.class).values(h).onConflict(Hero_.name).doUpdate(Hero_.age, Hero_.secretName);
        assertTrue(up.toSql(Dialect.POSTGRESQL).sql().endsWith(
                "ON CONFLICT (\"name\") DO UPDATE SET \"age\" = excluded.\"age\", \"secret_name\" = excluded.\"secret_name\""));
        assertTrue(up.toSql(Dialect.MYSQL).sql().endsWith(
                "ON DUPLICATE KEY UPDATE `age` = VALUES(`age`), `secret_name` = VALUES(`secret_name`)"));
        var nothing = insert(Hero.class).values(h).onConflict(Hero_.name).doNothing();
        assertTrue(nothing.toSql(Dialect.SQLITE).sql().endsWith("ON CONFLICT (\"name\") DO NOTHING"));
        assertTrue(nothing.toSql(Dialect.MYSQL).sql().endsWith("ON DUPLICATE KEY UPDATE `id` = `id`"));
    }

    @Test
    void insertOmitsUnsetGeneratedKeyAndReturns() {
        CompiledSql c = insert(Hero.class).values(new Hero("A", "a", 1), new Hero("B", "b", 2))
                .returning(Hero_.id).toSql(Dialect.POSTGRESQL);
        assertEquals("INSERT INTO \"hero\" (\"name\", \"secret_name\", \"age\", \"team_id\") VALUES (?, ?, ?, ?), (?, ?, ?, ?)"
                + " RETURNING \"id\"", c.sql());
        assertThrows(SqlModelException.class, () -> insert(Hero.class).values(new Hero()).returning(Hero_.id).toSql(Dialect.MYSQL));
    }

    @Test
    void updateSetsUnqualifiedColumnsAndQualifiesConditions() {
        var u = update(Hero.class).set(Hero_.age, 41).set(Hero_.name, Hero_.name.upper()).where(Hero_.id.eq(3L));
        assertEquals("UPDATE \"hero\" SET \"age\" = ?, \"name\" = UPPER(\"hero\".\"name\") WHERE (\"hero\".\"id\" = ?)",
                u.toSql(Dialect.POSTGRESQL).sql());
        assertEquals("DELETE FROM `hero` WHERE (`hero`.`age` IS NULL)", delete(Hero.class).where(Hero_.age.isNull())
                .toSql(Dialect.MYSQL).sql());
    }

    @Test
    void textTurnsNamedParametersIntoPlaceholdersOutsideLiteralsAndCasts() {
        CompiledSql c = text("SELECT ':skip', \"a:b\", x::text FROM hero WHERE age > :age -- :no\n AND name = :name")
                .bind("age", 30).bind("name", "x").toSql(Dialect.POSTGRESQL);
        assertEquals("SELECT ':skip', \"a:b\", x::text FROM hero WHERE age > ? -- :no\n AND name = ?", c.sql());
        assertEquals(List.of(30, "x"), c.params());
        assertThrows(SqlModelException.class, () -> text("SELECT :a").toSql(Dialect.SQLITE));
        assertThrows(SqlModelException.class, () -> text("SELECT 1").bind("a", 1).toSql(Dialect.SQLITE));
    }

    @Test
    void unionOrdersByOrdinal() {
        var q = select(Hero_.name).where(Hero_.age.lt(20)).union(select(Hero_.name).where(Hero_.age.gt(60)))
                .orderBy(Hero_.name.desc());
        assertTrue(sql(q, Dialect.POSTGRESQL).endsWith(" UNION SELECT \"hero\".\"name\" FROM \"hero\" WHERE (\"hero\".\"age\" > ?)"
                + " ORDER BY 1 DESC"), sql(q, Dialect.POSTGRESQL));
    }

    @Test
    void nullsOrderingIsEmulatedOnMySql() {
        var q = select(Hero.class).orderBy(Hero_.age.asc().nullsLast());
        assertTrue(sql(q, Dialect.POSTGRESQL).endsWith("ORDER BY \"hero\".\"age\" NULLS LAST"));
        assertTrue(sql(q, Dialect.MYSQL).endsWith("ORDER BY (`hero`.`age` IS NULL) ASC, `hero`.`age`"));
    }

    @Test
    void identifiersAreQuotedAgainstInjection() {
        assertEquals("SELECT \"we\"\"ird\" FROM \"hero\"", sql(select(Expr.col("we\"ird")).from(Hero.class), Dialect.SQLITE));
        assertEquals("SELECT `we``ird` FROM `hero`", sql(select(Expr.col("we`ird")).from(Hero.class), Dialect.MYSQL));
        assertThrows(SqlModelException.class,
                () -> select(Expr.func("x); drop table hero; --", Long.class)).from(Hero.class).toSql(Dialect.SQLITE));
    }
}
