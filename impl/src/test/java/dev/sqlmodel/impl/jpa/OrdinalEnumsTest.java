package dev.sqlmodel.impl.jpa;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Column;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Session;
import dev.sqlmodel.Sql;
import dev.sqlmodel.SqlModel;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.jpa.Ranked.Kind;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An entity's enum without {@code @Enumerated(STRING)} is kept by ordinal, as Jakarta Persistence keeps it:
 * an integer column that sorts in declaration order, written, read and compared through one codec.
 */
class OrdinalEnumsTest extends DatabaseTest {
    private static final Column<Ranked, Long> ID = Column.of(Ranked.class, "id", Long.class);
    private static final Column<Ranked, Kind> KIND = Column.of(Ranked.class, "kind", Kind.class);
    private static final Column<Ranked, Kind> LEVEL = Column.of(Ranked.class, "level", Kind.class);
    private static final Column<Ranked, Kind> NAMED = Column.of(Ranked.class, "named", Kind.class);

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Ranked.class, Tally.class, Labelled.class};
    }

    /** The numbers 1 to 9, inserted out of order. */
    private static void insertNumbers(StatelessSession s) {
        for (long n : new long[] {9, 4, 2, 7, 1, 6, 3, 8, 5}) {
            s.insert(Ranked.of(n, n == 1 ? Kind.ONE : n == 2 || n == 3 || n == 5 || n == 7 ? Kind.PRIME : Kind.COMPOSITE));
        }
    }

    @DbTest
    void enumsAreStoredAsOrdinalsInIntegerColumnsAndReadBack(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            s.insert(Ranked.of(7, Kind.PRIME));
            s.insert(Ranked.of(4, Kind.COMPOSITE));
            s.insert(Ranked.of(10, null));
            Ranked seven = s.get(Ranked.class, 7L).orElseThrow();
            assertEquals(List.of(Kind.PRIME, Kind.PRIME, Kind.PRIME), List.of(seven.kind, seven.level, seven.named));
            Ranked none = s.get(Ranked.class, 10L).orElseThrow();
            assertEquals(null, none.kind, "NULL stays null");
            s.insert(new Tally(1, Kind.COMPOSITE));
            assertEquals(new Tally(1, Kind.COMPOSITE), s.get(Tally.class, 1L).orElseThrow(), "a record entity");
        }
        assertEquals("1", readText(engine, "SELECT kind FROM ranked WHERE id = 7"), "no @Enumerated: the ordinal");
        assertEquals("2", readText(engine, "SELECT level FROM ranked WHERE id = 4"), "@Enumerated(ORDINAL)");
        assertEquals("PRIME", readText(engine, "SELECT named FROM ranked WHERE id = 7"), "@Enumerated(STRING)");
        assertEquals("2", readText(engine, "SELECT kind FROM tally WHERE id = 1"));
        for (String column : List.of("kind", "level")) {
            String type = columnType(engine, "ranked", column);
            assertTrue(type.contains("INT"), column + " is an integer column, not " + type);
        }
        assertTrue(columnType(engine, "ranked", "named").contains("CHAR"), "named is text");
    }

    @DbTest
    void sessionFlushesWriteOrdinalsAndUpdatesChangeThem(Db db) {
        Engine engine = fresh(db);
        Session session = session(db);
        session.add(Ranked.of(12, Kind.COMPOSITE));
        session.commit();
        Session second = session(db);
        Ranked twelve = second.get(Ranked.class, 12L).orElseThrow();
        assertEquals(Kind.COMPOSITE, twelve.kind);
        twelve.kind = Kind.ONE;
        twelve.named = Kind.ONE;
        second.commit();
        assertEquals("0", readText(engine, "SELECT kind FROM ranked WHERE id = 12"));
        assertEquals("ONE", readText(engine, "SELECT named FROM ranked WHERE id = 12"));
        try (StatelessSession s = engine.stateless()) {
            assertEquals(Kind.ONE, s.get(Ranked.class, 12L).orElseThrow().kind);
        }
    }

    @DbTest
    void orderingAnOrdinalColumnGivesDeclarationOrder(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            insertNumbers(s);
            List<Ranked> byKind = s.exec(select(Ranked.class).orderBy(KIND.asc(), ID.asc())).all();
            assertEquals(List.of(1L, 2L, 3L, 5L, 7L, 4L, 6L, 8L, 9L), byKind.stream().map(r -> r.id).toList(),
                    "ONE, then PRIME before COMPOSITE as declared");
            assertEquals(List.of(4L, 6L, 8L, 9L, 1L, 2L, 3L, 5L, 7L),
                    s.exec(select(Ranked.class).orderBy(NAMED.asc(), ID.asc())).all().stream().map(r -> r.id)
                            .toList(), "by name: COMPOSITE, ONE, PRIME");
            assertEquals(List.of(9L, 8L, 6L, 4L),
                    s.exec(select(Ranked.class).orderBy(LEVEL.desc(), ID.desc())).all().stream().map(r -> r.id)
                            .limit(4).toList());
            assertEquals(Kind.ONE, s.exec(select(Expr.min(KIND))).one());
            assertEquals(Kind.COMPOSITE, s.exec(select(Expr.max(KIND))).one());
            assertEquals(List.of(Kind.ONE, Kind.PRIME, Kind.COMPOSITE),
                    s.exec(select(KIND).where(ID.in(1L, 2L, 4L)).orderBy(KIND.asc())).all(), "a selected column");
            List<KindOf> dtos = s.exec(select(Ranked.class).where(ID.in(1L, 4L)).orderBy(ID.asc()).into(KindOf.class))
                    .all();
            assertEquals(List.of(new KindOf(1, Kind.ONE), new KindOf(4, Kind.COMPOSITE)), dtos, "a record DTO");
        }
    }

    @DbTest
    void enumValuesInConditionsAndUpdatesAreComparedAsOrdinals(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            insertNumbers(s);
            assertEquals(List.of(2L, 3L, 5L, 7L), idsWhere(s, KIND.eq(Kind.PRIME)));
            assertEquals(List.of(2L, 3L, 5L, 7L), idsWhere(s, LEVEL.eq(Kind.PRIME)));
            assertEquals(List.of(2L, 3L, 5L, 7L), idsWhere(s, NAMED.eq(Kind.PRIME)));
            assertEquals(List.of(1L, 4L, 6L, 8L, 9L), idsWhere(s, KIND.in(Kind.ONE, Kind.COMPOSITE)));
            assertEquals(List.of(2L, 3L, 5L, 7L), idsWhere(s, KIND.notIn(List.of(Kind.ONE, Kind.COMPOSITE))));
            assertEquals(List.of(4L, 6L, 8L, 9L), idsWhere(s, KIND.gt(Kind.PRIME)), "after PRIME in declaration order");
            assertEquals(List.of(1L, 4L, 6L, 8L, 9L), idsWhere(s, KIND.ne(Kind.PRIME)));
            assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), idsWhere(s, KIND.between(Kind.PRIME, Kind.COMPOSITE)));
            assertEquals(List.of(1L), idsWhere(s, KIND.isNotDistinctFrom(Kind.ONE)));

            assertEquals(4L, s.execute(Sql.update(Ranked.class).set(KIND, Kind.ONE).where(KIND.eq(Kind.PRIME))));
            assertEquals(List.of(1L, 2L, 3L, 5L, 7L), idsWhere(s, KIND.eq(Kind.ONE)));
            assertEquals(4L, s.execute(Sql.delete(Ranked.class).where(LEVEL.eq(Kind.COMPOSITE))));
            assertEquals(List.of(1L, 2L, 3L, 5L, 7L), idsWhere(s, KIND.isNotNull()));
            assertEquals(1L, s.execute(Sql.insert(Ranked.class).values(Ranked.of(11, Kind.PRIME))));
            assertEquals(List.of(11L), idsWhere(s, KIND.eq(Kind.PRIME)));
        }
        assertEquals("0", readText(engine, "SELECT kind FROM ranked WHERE id = 2"), "the update wrote the ordinal");
        assertEquals("1", readText(engine, "SELECT kind FROM ranked WHERE id = 11"), "the insert wrote the ordinal");
    }

    @DbTest
    void statelessInsertAllAndUpsertWriteOrdinals(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            s.insertAll(List.of(Ranked.of(1, Kind.ONE), Ranked.of(2, Kind.PRIME), Ranked.of(4, Kind.COMPOSITE)));
            s.upsert(Ranked.of(4, Kind.PRIME));
            s.upsert(Ranked.of(9, Kind.COMPOSITE));
            assertEquals(List.of(2L, 4L), idsWhere(s, KIND.eq(Kind.PRIME)));
            Ranked four = s.get(Ranked.class, 4L).orElseThrow();
            four.kind = Kind.ONE;
            s.update(four);
            assertEquals(Kind.ONE, s.get(Ranked.class, 4L).orElseThrow().kind);
            s.delete(four);
        }
        assertEquals("2", readText(engine, "SELECT kind FROM ranked WHERE id = 9"));
        assertEquals("1", readText(engine, "SELECT level FROM ranked WHERE id = 2"));
        assertEquals("0", readText(engine, "SELECT COUNT(*) FROM ranked WHERE id = 4"));
    }

    @DbTest
    void anOrdinalWithNoConstantIsAClearError(Db db) {
        Engine engine = fresh(db);
        execute(engine, "INSERT INTO ranked (id, kind, level, named) VALUES (5, 7, 1, 'PRIME')");
        try (StatelessSession s = engine.stateless()) {
            SqlModelException e = assertThrows(SqlModelException.class, () -> s.get(Ranked.class, 5L));
            assertTrue(e.getMessage().contains("dev.sqlmodel.impl.jpa.Ranked.kind"), e.getMessage());
            assertTrue(e.getMessage().contains("stored value 7"), e.getMessage());
            assertTrue(e.getMessage().contains(Kind.class.getName()), e.getMessage());
            assertThrows(SqlModelException.class, () -> s.exec(select(KIND).where(ID.eq(5L))).one());
        }
    }

    @DbTest
    void tableModelsAndJsonKeepConstantNames(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            s.insert(Labelled.of(1, Kind.PRIME));
            s.insert(Labelled.of(2, Kind.COMPOSITE));
            Column<Labelled, Kind> kind = Column.of(Labelled.class, "kind", Kind.class);
            assertEquals(List.of(2L, 1L), s.exec(select(Labelled.class).orderBy(kind.asc())).all().stream()
                    .map(l -> l.id).toList(), "a @Table model's enum sorts by name");
            assertEquals(1L, s.exec(select(Labelled.class).where(kind.eq(Kind.PRIME))).one().id);
        }
        assertEquals("PRIME", readText(engine, "SELECT kind FROM labelled WHERE id = 1"));
        assertTrue(columnType(engine, "labelled", "kind").contains("CHAR"));

        String json = SqlModel.toJson(Ranked.of(3, Kind.PRIME));
        assertTrue(json.contains("\"kind\":\"PRIME\""), json);
        assertEquals(Kind.PRIME, SqlModel.fromJson(Ranked.class, json).kind);
        assertEquals(Kind.COMPOSITE, SqlModel.toMap(Ranked.of(4, Kind.COMPOSITE)).get("kind"));
    }

    /** A projection of a number's key and kind. */
    public record KindOf(long id, Kind kind) {
    }

    private static List<Long> idsWhere(StatelessSession s, Expr<Boolean> condition) {
        return s.exec(select(ID).where(condition).orderBy(ID.asc())).all();
    }

    private static String readText(Engine engine, String sql) {
        try (StatelessSession s = engine.stateless(); var st = s.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static void execute(Engine engine, String sql) {
        try (StatelessSession s = engine.stateless(); var st = s.connection().createStatement()) {
            st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static String columnType(Engine engine, String table, String column) {
        try (StatelessSession s = engine.stateless()) {
            DatabaseMetaData md = s.connection().getMetaData();
            List<String> types = new ArrayList<>();
            for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = md.getColumns(null, null, t, null)) {
                    while (rs.next()) {
                        if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                            types.add(rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
            assertTrue(!types.isEmpty(), table + "." + column + " not found");
            return types.get(0);
        } catch (SQLException e) {
            throw new AssertionError(table, e);
        }
    }
}
