package dev.sqlmodel.impl.jpa;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Column;
import dev.sqlmodel.Dialect;
import dev.sqlmodel.FieldInfo;
import dev.sqlmodel.ModelInfo;
import dev.sqlmodel.Sql;
import dev.sqlmodel.SqlModel;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.jpa.Ranked.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An enum constant meeting a column kept by ordinal is sent as its ordinal; DDL gives such a column an integer type. */
class OrdinalParametersTest {
    private static final Column<Ranked, Long> ID = Column.of(Ranked.class, "id", Long.class);
    private static final Column<Ranked, Kind> KIND = Column.of(Ranked.class, "kind", Kind.class);
    private static final Column<Ranked, Kind> NAMED = Column.of(Ranked.class, "named", Kind.class);

    @Test
    void comparisonsBindTheOrdinalOfAnOrdinalColumnAndTheNameOfANamedOne() {
        for (Dialect d : Dialect.values()) {
            assertEquals(List.of(1), select(Ranked.class).where(KIND.eq(Kind.PRIME)).toSql(d).params());
            assertEquals(List.of(Kind.PRIME), select(Ranked.class).where(NAMED.eq(Kind.PRIME)).toSql(d).params(),
                    "a column kept by name binds the constant, which its codec sends by name");
            assertEquals(List.of(0, 2), select(Ranked.class).where(KIND.in(Kind.ONE, Kind.COMPOSITE)).toSql(d).params());
            assertEquals(List.of(1, 2), select(Ranked.class).where(KIND.between(Kind.PRIME, Kind.COMPOSITE))
                    .toSql(d).params());
            assertEquals(List.of(2, 0), Sql.update(Ranked.class).set(KIND, Kind.COMPOSITE).where(KIND.eq(Kind.ONE))
                    .toSql(d).params());
            assertEquals(List.of(5L, 1, 1, Kind.PRIME), Sql.insert(Ranked.class).values(Ranked.of(5, Kind.PRIME))
                    .toSql(d).params());
        }
    }

    @Test
    void aConstantOfAnotherEnumIsRefusedNamingTheColumn() {
        Column<Ranked, Thread.State> wrong = Column.of(Ranked.class, "kind", Thread.State.class);
        SqlModelException e = assertThrows(SqlModelException.class,
                () -> select(Ranked.class).where(wrong.eq(Thread.State.NEW)).toSql(Dialect.POSTGRESQL));
        assertTrue(e.getMessage().contains("dev.sqlmodel.impl.jpa.Ranked.kind"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.Thread$State"), e.getMessage());
    }

    @Test
    void ordinalColumnsAreSmallIntegersAndNamedOnesText() {
        ModelInfo<Ranked> info = SqlModel.info(Ranked.class);
        for (Dialect d : Dialect.values()) {
            assertEquals("SMALLINT", field(info, "kind").sqlType(d), d.toString());
            assertEquals("SMALLINT", field(info, "level").sqlType(d), d.toString());
            assertTrue(field(info, "named").sqlType(d).startsWith("VARCHAR"), d.toString());
            assertTrue(SqlModel.info(Labelled.class).fields().get(1).sqlType(d).startsWith("VARCHAR"), d.toString());
        }
    }

    @Test
    void aRowHoldingTheOrdinalBuildsTheModel() {
        Ranked r = SqlModel.info(Ranked.class).fromRow(Map.of("id", 3L, "kind", 1, "level", 2L, "named", "ONE"));
        assertEquals(List.of(Kind.PRIME, Kind.COMPOSITE, Kind.ONE), List.of(r.kind, r.level, r.named));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SqlModel.info(Ranked.class).fromRow(Map.of("id", 3L, "kind", 3)));
        assertTrue(e.getMessage().contains("dev.sqlmodel.impl.jpa.Ranked.kind"), e.getMessage());
    }

    private static FieldInfo field(ModelInfo<?> info, String name) {
        return info.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
