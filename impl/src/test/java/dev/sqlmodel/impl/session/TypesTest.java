package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Expr;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.model.Powers;
import dev.sqlmodel.impl.model.Powers_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Every supported Java type, written and read back unchanged, and bound as a query parameter. */
class TypesTest extends DatabaseTest {
    private static final UUID UUID_VALUE = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static final LocalDate DAY = LocalDate.of(2024, 2, 29);
    private static final LocalTime TIME = LocalTime.of(13, 14, 15, 123_456_000);
    private static final LocalDateTime STAMP = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 654_321_000);
    private static final OffsetDateTime OFFSET_STAMP = OffsetDateTime.of(2024, 3, 1, 1, 30, 0, 250_000_000,
            ZoneOffset.ofHours(2));
    private static final Instant INSTANT = Instant.parse("1999-12-31T23:59:59.999999Z");
    private static final Duration DURATION = Duration.ofSeconds(90_061, 123_456_789);

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Powers.class};
    }

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static Powers full() {
        Powers p = new Powers();
        p.text = "Grüße, 世界 \u2603 'quoted' \"double\" \\ back";
        p.shortText = "twenty characters!!!";
        p.intValue = Integer.MIN_VALUE;
        p.boxedInt = Integer.MAX_VALUE;
        p.longValue = Long.MAX_VALUE;
        p.shortValue = Short.MIN_VALUE;
        p.byteValue = Byte.MIN_VALUE;
        p.flag = true;
        p.boxedFlag = false;
        p.doubleValue = Math.PI;
        p.floatValue = 3.14159f;
        p.price = new BigDecimal("12.30");
        p.day = DAY;
        p.time = TIME;
        p.stamp = STAMP;
        p.offsetStamp = OFFSET_STAMP;
        p.instant = INSTANT;
        p.uuid = UUID_VALUE;
        p.bytes = allBytes();
        p.level = Powers.Level.HIGH;
        p.duration = DURATION;
        p.withDefault = "given";
        return p;
    }

    private long store(Db db, Powers p) {
        try (Session s = engine(db).session()) {
            s.add(p);
            s.commit();
            return p.id;
        }
    }

    private Powers load(Db db, long id) {
        try (Session s = engine(db).session()) {
            return s.get(Powers.class, id).orElseThrow();
        }
    }

    @DbTest
    void everyTypeRoundTrips(Db db) {
        fresh(db);
        long id = store(db, full());
        Powers p = load(db, id);
        assertEquals(id, p.id);
        assertEquals("Grüße, 世界 \u2603 'quoted' \"double\" \\ back", p.text);
        assertEquals("twenty characters!!!", p.shortText);
        assertEquals(Integer.MIN_VALUE, p.intValue);
        assertEquals(Integer.MAX_VALUE, p.boxedInt);
        assertEquals(Long.MAX_VALUE, p.longValue);
        assertEquals(Short.MIN_VALUE, p.shortValue);
        assertEquals(Byte.MIN_VALUE, p.byteValue);
        assertTrue(p.flag);
        assertEquals(Boolean.FALSE, p.boxedFlag);
        assertEquals(Math.PI, p.doubleValue);
        assertEquals(3.14159f, p.floatValue);
        assertEquals(new BigDecimal("12.30"), p.price); // equals() compares the scale too
        assertEquals(DAY, p.day);
        assertEquals(TIME, p.time);
        assertEquals(STAMP, p.stamp);
        assertEquals(OFFSET_STAMP.toInstant(), p.offsetStamp.toInstant());
        assertEquals(ZoneOffset.UTC, p.offsetStamp.getOffset());
        assertEquals(OffsetDateTime.of(2024, 2, 29, 23, 30, 0, 250_000_000, ZoneOffset.UTC), p.offsetStamp);
        assertEquals(INSTANT, p.instant);
        assertEquals(UUID_VALUE, p.uuid);
        assertArrayEquals(allBytes(), p.bytes);
        assertEquals(Powers.Level.HIGH, p.level);
        assertEquals(DURATION, p.duration);
        assertEquals("given", p.withDefault);
    }

    @DbTest
    void readValuesAreNotDirty(Db db) {
        fresh(db);
        long id = store(db, full());
        try (TrackedEngine tracked = TrackedEngine.over(engine(db), models());
                Session s = tracked.engine().session()) {
            Powers p = s.get(Powers.class, id).orElseThrow();
            tracked.reset();
            s.commit();
            assertEquals(List.of(), tracked.executed()); // every value read back compares equal
            p.bytes[255] = 0; // changing an array in place is a change
            s.commit();
            assertEquals(1, tracked.executed("UPDATE").size());
        }
        assertEquals(0, load(db, id).bytes[255]);
    }

    @DbTest
    void nullsRoundTripAndTheSqlDefaultFillsTheLeftOutColumn(Db db) {
        fresh(db);
        Powers empty = new Powers();
        long id;
        try (Session s = engine(db).session()) {
            s.add(empty);
            s.flush();
            assertEquals("fresh", empty.withDefault); // read back from the database
            s.commit();
            id = empty.id;
        }
        Powers p = load(db, id);
        assertNull(p.text);
        assertNull(p.shortText);
        assertEquals(0, p.intValue);
        assertNull(p.boxedInt);
        assertEquals(0L, p.longValue);
        assertEquals(0, p.shortValue);
        assertEquals(0, p.byteValue);
        assertFalse(p.flag);
        assertNull(p.boxedFlag);
        assertEquals(0.0, p.doubleValue);
        assertEquals(0.0f, p.floatValue);
        assertNull(p.price);
        assertNull(p.day);
        assertNull(p.time);
        assertNull(p.stamp);
        assertNull(p.offsetStamp);
        assertNull(p.instant);
        assertNull(p.uuid);
        assertNull(p.bytes);
        assertNull(p.level);
        assertNull(p.duration);
        assertEquals("fresh", p.withDefault);
    }

    @DbTest
    void rowsLeavingDifferentColumnsToTheDatabaseInOneFlush(Db db) {
        fresh(db);
        List<Powers> all = new java.util.ArrayList<>();
        try (Session s = engine(db).session()) {
            for (int i = 0; i < 6; i++) {
                Powers p = new Powers();
                p.intValue = i;
                p.withDefault = i % 2 == 0 ? null : "given " + i;
                all.add(s.add(p));
            }
            s.commit();
        }
        for (int i = 0; i < all.size(); i++) {
            Powers p = all.get(i);
            assertEquals(i % 2 == 0 ? "fresh" : "given " + i, p.withDefault);
            Powers stored = load(db, p.id);
            assertEquals(i, stored.intValue);
            assertEquals(p.withDefault, stored.withDefault);
        }
    }

    @DbTest
    void valuesSetToNullByAnUpdateAreStoredAsNull(Db db) {
        fresh(db);
        long id = store(db, full());
        try (Session s = engine(db).session()) {
            Powers p = s.get(Powers.class, id).orElseThrow();
            p.text = null;
            p.boxedInt = null;
            p.boxedFlag = null;
            p.price = null;
            p.day = null;
            p.time = null;
            p.stamp = null;
            p.offsetStamp = null;
            p.instant = null;
            p.uuid = null;
            p.bytes = null;
            p.level = null;
            p.duration = null;
            p.withDefault = null;
            s.commit();
        }
        Powers p = load(db, id);
        assertNull(p.text);
        assertNull(p.boxedInt);
        assertNull(p.boxedFlag);
        assertNull(p.price);
        assertNull(p.day);
        assertNull(p.time);
        assertNull(p.stamp);
        assertNull(p.offsetStamp);
        assertNull(p.instant);
        assertNull(p.uuid);
        assertNull(p.bytes);
        assertNull(p.level);
        assertNull(p.duration);
        assertNull(p.withDefault);
        assertEquals("twenty characters!!!", p.shortText);
    }

    @DbTest
    void valuesBindAsQueryParameters(Db db) {
        fresh(db);
        long id = store(db, full());
        Powers other = new Powers();
        other.uuid = UUID.randomUUID();
        other.day = DAY.plusDays(1);
        other.instant = INSTANT.plusNanos(1_000);
        other.price = new BigDecimal("12.31");
        store(db, other);
        Session s = session(db);
        Powers p = s.get(Powers.class, id).orElseThrow();
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.uuid.eq(UUID_VALUE))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.day.eq(DAY))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.instant.eq(INSTANT))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.time.eq(TIME))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.stamp.eq(STAMP))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.offsetStamp.eq(OFFSET_STAMP))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.price.eq(new BigDecimal("12.30")))).all());
        assertEquals(new BigDecimal("12.30"), s.exec(select(Powers_.price).where(Powers_.id.eq(p.id))).one());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.level.eq(Powers.Level.HIGH))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.duration.eq(DURATION))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.boxedFlag.eq(false))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.instant.lt(INSTANT.plusNanos(1_000)))).all());
        assertEquals(List.of(p), s.exec(select(Powers.class).where(Powers_.day.between(DAY.minusDays(1), DAY))).all());
        assertEquals(2L, s.exec(select(Expr.count()).from(Powers.class)
                .where(Powers_.uuid.in(UUID_VALUE, other.uuid))).one());
        UUID read = s.exec(select(Powers_.uuid).where(Powers_.id.eq(id))).one();
        assertEquals(UUID_VALUE, read);
        Instant instant = s.exec(select(Powers_.instant).where(Powers_.day.eq(DAY))).one();
        assertEquals(INSTANT, instant);
        assertNotNull(s.exec(select(Powers_.bytes).where(Powers_.id.eq(id))).one());
    }
}
