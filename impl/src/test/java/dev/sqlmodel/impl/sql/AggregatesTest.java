package dev.sqlmodel.impl.sql;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Expr;
import dev.sqlmodel.Row;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Hero_;
import dev.sqlmodel.impl.model.Powers;
import dev.sqlmodel.impl.model.Powers_;
import dev.sqlmodel.impl.model.Sample;
import dev.sqlmodel.impl.model.Sample_;
import dev.sqlmodel.impl.model.Team;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Aggregates give the same Java value, of the same type, on every database: {@code avg} a
 * double computed in double precision, {@code sum}/{@code min}/{@code max} the column's type
 * (decimals with the column's scale).
 */
class AggregatesTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Team.class, Hero.class, Sample.class, Powers.class};
    }

    @DbTest
    void averageOfIntegersIsTheSameDoubleOnEveryDatabase(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            s.addAll(java.util.List.of(new Hero("Rusty-Man", "Tommy Sharp", 48), new Hero("Dr. Weird", "Steve Weird", 36),
                    new Hero("Tarantula", "Natalia Roman-on", 32), new Hero("Deadpond", "Dive Wilson", null)));
            s.commit();
        }
        Session s = session(db);
        // MySQL and MariaDB average integers as a 4-decimal DECIMAL (38.6667) unless told otherwise.
        assertEquals(Double.valueOf(116.0 / 3), s.exec(select(Expr.avg(Hero_.age))).one());
        Row r = s.exec(select(Expr.count(Hero_.age), Expr.avg(Hero_.age), Expr.sum(Hero_.age))).one();
        assertEquals(Double.valueOf(116.0 / 3), r.get(1, Object.class));
        assertEquals(Integer.valueOf(116), r.get(2, Object.class));
        assertNull(s.exec(select(Expr.avg(Hero_.age)).where(Hero_.age.gt(100))).one());
    }

    @DbTest
    void sumPastTheColumnTypesRangeIsAnErrorOnEveryDatabase(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            s.addAll(java.util.List.of(new Hero("Old", "One", 2_000_000_000), new Hero("Older", "Two", 2_000_000_000)));
            s.commit();
        }
        Session s = session(db);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.exec(select(Expr.sum(Hero_.age))).one());
        assertTrue(e.getMessage().contains("4000000000") && e.getMessage().contains("Integer"), e.getMessage());
        String bigint = db == Db.MARIADB ? "SIGNED" : "BIGINT";
        assertEquals(Long.valueOf(4_000_000_000L), s.exec(select(Expr.sum(Hero_.age.cast(bigint, Long.class)))).one());
    }

    @DbTest
    void averageOfDecimalsAndDoublesIsTheSameDoubleOnEveryDatabase(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            s.add(new Sample("a", 1, 0.5, new BigDecimal("0.25")));
            s.add(new Sample("b", 2, 1.0, new BigDecimal("0.50")));
            s.add(new Sample("c", 4, 2.25, new BigDecimal("7.00")));
            s.commit();
        }
        Session s = session(db);
        // DECIMAL averages come back with four more places on MySQL (2.583333) and as NUMERIC
        // with sixteen on PostgreSQL: both are averaged as doubles instead.
        assertEquals(Double.valueOf(7.75 / 3), s.exec(select(Expr.avg(Sample_.amount))).one());
        assertEquals(Double.valueOf(1.25), s.exec(select(Expr.avg(Sample_.ratio))).one());
        assertEquals(Double.valueOf(7.0 / 3), s.exec(select(Expr.avg(Sample_.whole))).one());
    }

    @DbTest
    void sumMinAndMaxOfDecimalsKeepTheColumnScale(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            s.add(new Sample("a", 1, 0.1, new BigDecimal("0.10")));
            s.add(new Sample("b", 2, 0.2, new BigDecimal("0.20")));
            s.add(new Sample("c", 3, 7.0, new BigDecimal("7.00")));
            s.commit();
        }
        Session s = session(db);
        // SQLite keeps decimals as binary numbers: 0.10 + 0.20 would read back as 0.30000000000000004.
        assertEquals(new BigDecimal("7.30"), s.exec(select(Expr.sum(Sample_.amount))).one());
        assertEquals(new BigDecimal("0.30"),
                s.exec(select(Expr.sum(Sample_.amount)).where(Sample_.label.in("a", "b"))).one());
        assertEquals(new BigDecimal("7.00"), s.exec(select(Expr.max(Sample_.amount))).one());
        assertEquals(new BigDecimal("0.10"), s.exec(select(Expr.min(Sample_.amount))).one());
        Row r = s.exec(select(Expr.sum(Sample_.amount), Expr.max(Sample_.amount))).one();
        assertEquals(new BigDecimal("7.30"), r.get(0, Object.class));
        assertEquals(new BigDecimal("7.00"), r.get(1, Object.class));
        assertEquals(Integer.valueOf(6), s.exec(select(Expr.sum(Sample_.whole))).one());
    }

    @DbTest
    void minAndMaxOfEveryComparableTypeAreTheColumnType(Db db) {
        fresh(db);
        UUID low = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        UUID high = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        try (Session s = engine(db).session()) {
            s.add(powers(true, low, LocalDate.of(2024, 2, 29), 5, Duration.ofSeconds(3), Powers.Level.HIGH));
            s.add(powers(false, high, LocalDate.of(2023, 1, 1), -7, Duration.ofMillis(1500), Powers.Level.LOW));
            s.commit();
        }
        Session s = session(db);
        assertEquals(Boolean.TRUE, s.exec(select(Expr.max(Powers_.flag))).one());
        assertEquals(Boolean.FALSE, s.exec(select(Expr.min(Powers_.flag))).one());
        assertEquals(Boolean.TRUE, s.exec(select(Expr.max(Powers_.boxedFlag))).one());
        assertEquals(high, s.exec(select(Expr.max(Powers_.uuid))).one());
        assertEquals(low, s.exec(select(Expr.min(Powers_.uuid))).one());
        assertEquals(LocalDate.of(2024, 2, 29), s.exec(select(Expr.max(Powers_.day))).one());
        assertEquals(LocalDateTime.of(2023, 1, 1, 10, 0), s.exec(select(Expr.min(Powers_.stamp))).one());
        assertEquals(OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 0, ZoneOffset.UTC),
                s.exec(select(Expr.max(Powers_.offsetStamp))).one());
        assertEquals(Duration.ofSeconds(3), s.exec(select(Expr.max(Powers_.duration))).one());
        assertEquals(Integer.valueOf(-7), s.exec(select(Expr.min(Powers_.intValue))).one());
        assertEquals(Long.valueOf(-2), s.exec(select(Expr.sum(Powers_.longValue))).one());
        assertEquals(Short.valueOf((short) -2), s.exec(select(Expr.sum(Powers_.shortValue))).one());
        assertEquals(Double.valueOf(-1.5), s.exec(select(Expr.sum(Powers_.doubleValue))).one());
        assertEquals(Float.valueOf(-1.5f), s.exec(select(Expr.sum(Powers_.floatValue))).one());
        // Enums are stored by name, so they compare by name, not by declaration order.
        assertEquals(Powers.Level.LOW, s.exec(select(Expr.max(Powers_.level))).one());
        Row r = s.exec(select(Expr.max(Powers_.flag), Expr.min(Powers_.uuid))).one();
        assertEquals(Boolean.TRUE, r.get(0, Object.class));
        assertEquals(low, r.get(1, Object.class));
    }

    private static Powers powers(boolean flag, UUID uuid, LocalDate day, int n, Duration duration, Powers.Level level) {
        Powers p = new Powers();
        p.flag = flag;
        p.boxedFlag = flag;
        p.uuid = uuid;
        p.day = day;
        p.stamp = day.atTime(10, 0);
        p.offsetStamp = day.atTime(10, 0).atOffset(ZoneOffset.UTC);
        p.intValue = n;
        p.longValue = n;
        p.shortValue = (short) n;
        p.doubleValue = n > 0 ? 1.0 : -2.5;
        p.floatValue = (float) p.doubleValue;
        p.duration = duration;
        p.level = level;
        return p;
    }
}
