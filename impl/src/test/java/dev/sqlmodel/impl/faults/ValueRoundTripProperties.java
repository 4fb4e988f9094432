package dev.sqlmodel.impl.faults;

import static dev.sqlmodel.Sql.delete;
import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Session;
import dev.sqlmodel.impl.model.Specimen;
import dev.sqlmodel.impl.model.Specimen_;
import dev.sqlmodel.impl.testing.Db;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated models round-trip unchanged on every database, and {@code contains},
 * {@code startsWith} and {@code endsWith} find exactly the rows Java's String methods find.
 *
 * <p>Each try generates {@value #BATCH} models (strings from the whole Unicode range plus the
 * characters SQL and LIKE treat specially, integers at their type bounds, decimals at their
 * declared scale, timestamps at microsecond precision, UUIDs, byte arrays) and stores them on
 * SQLite, PostgreSQL and MariaDB in one session each; {@value #TRIES} tries make 1,000 models
 * per database. Every model is read back in a fresh session and compared field by field.
 * NUL is left out of the strings: PostgreSQL cannot store it, which {@link BadValuesTest} covers.
 */
class ValueRoundTripProperties {
    static final int BATCH = 200;
    static final int TRIES = 5;

    private static final Map<Db, Engine> ENGINES = new EnumMap<>(Db.class);

    /** The portable range of DATETIME/TIMESTAMP columns (MySQL's DATETIME is the narrowest). */
    private static final long FIRST_SECOND = LocalDateTime.of(1000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private static synchronized Engine engine(Db db) {
        return ENGINES.computeIfAbsent(db, d -> {
            String url = d.prepare(Db.isolationName(ValueRoundTripProperties.class));
            Engine e = d.engine(url, null, Specimen.class);
            e.createAll();
            return e;
        });
    }

    @AfterContainer
    static void dropDatabases() {
        for (Map.Entry<Db, Engine> e : ENGINES.entrySet()) {
            e.getValue().close();
            e.getKey().drop(Db.isolationName(ValueRoundTripProperties.class));
        }
        ENGINES.clear();
    }

    // ---- the property --------------------------------------------------------------------------

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void generatedModelsRoundTripAndTextMatchesAgreeWithJava(@ForAll("batches") List<Data> batch,
            @ForAll("needles") List<String> needles) {
        List<String> allNeedles = new ArrayList<>(needles);
        allNeedles.addAll(substringsOf(batch));
        for (Db db : Db.values()) {

            Engine engine = engine(db);
            Map<Long, Data> stored = store(engine, batch);
            try (Session s = engine.session()) {
                List<Specimen> back = s.exec(select(Specimen.class)).all();
                assertEquals(batch.size(), back.size(), db + ": every row is there");
                for (Specimen read : back) {
                    stored.get(read.id).assertSameAs(read, db);
                }
                for (String needle : allNeedles) {
                    matches(s, db, stored, needle, "contains", Specimen_.text::contains, String::contains);
                    matches(s, db, stored, needle, "startsWith", Specimen_.text::startsWith, String::startsWith);
                    matches(s, db, stored, needle, "endsWith", Specimen_.text::endsWith, String::endsWith);
                }
            }
        }
    }

    /** Replaces the table's rows with {@code batch}, in one session; returns each row's data by id. */
    private static Map<Long, Data> store(Engine engine, List<Data> batch) {
        Map<Long, Data> byId = new HashMap<>();
        try (Session s = engine.session()) {
            s.execute(delete(Specimen.class));
            List<Specimen> models = new ArrayList<>(batch.size());
            for (Data d : batch) {
                models.add(d.toModel());
            }
            s.addAll(models);
            s.commit();
            for (int i = 0; i < models.size(); i++) {
                byId.put(models.get(i).id, batch.get(i));
            }
        }
        return byId;
    }

    private static void matches(Session s, Db db, Map<Long, Data> stored, String needle, String op,
            java.util.function.Function<String, Expr<Boolean>> sql, BiPredicate<String, String> java) {
        Set<Long> found = new TreeSet<>(s.exec(select(Specimen_.id).where(sql.apply(needle))).all());
        Set<Long> expected = new TreeSet<>();
        stored.forEach((id, d) -> {
            if (d.text != null && java.test(d.text, needle)) {
                expected.add(id);
            }
        });
        assertEquals(expected, found, () -> db + ": " + op + "(" + escape(needle) + ")");
    }

    /** Pieces of some generated texts, so that most needles match something. */
    private static List<String> substringsOf(List<Data> batch) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < batch.size(); i += 17) {
            String t = batch.get(i).text;
            if (t == null || t.isEmpty()) {
                continue;
            }
            int[] cps = t.codePoints().toArray();
            int from = i % cps.length;
            int to = Math.min(cps.length, from + 1 + i % 4);
            pieces.add(new String(cps, from, to - from));
            pieces.add(new String(cps, 0, Math.min(cps.length, 2))); // a prefix
            pieces.add(new String(cps, Math.max(0, cps.length - 2), Math.min(cps.length, 2))); // a suffix
        }
        return pieces;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(String.format("\\u{%X}", cp));
            }
        });
        return sb.append('"').toString();
    }

    // ---- generators ----------------------------------------------------------------------------

    /** Pieces of text: any code point, plain ASCII, and what SQL, LIKE and GLOB treat specially. */
    static Arbitrary<String> tokens() {
        Arbitrary<String> anyCodePoint = Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .map(Character::toString);
        Arbitrary<String> ascii = Arbitraries.chars().range(' ', '~').map(String::valueOf);
        Arbitrary<String> special = Arbitraries.of("%", "_", "/", "\\", "'", "\"", "`", "--", "/*", "*/", ";", "[",
                "]", "*", "?", "\u0301", "e\u0301", "\u00e9", "\u0308", "😀", "👍🏽", "𝄞", "\uFEFF", "\uFFFF", " ",
                "\t", "\n", "\r", "A", "a", "ß", "ǅ", "İ", "\u200d");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anyCodePoint),
                net.jqwik.api.Tuple.of(3, ascii),
                net.jqwik.api.Tuple.of(3, special));
    }

    /** Strings of up to {@code maxTokens} tokens and at most {@code maxChars} UTF-16 units. */
    static Arbitrary<String> strings(int maxTokens, int maxChars) {
        return tokens().list().ofMaxSize(maxTokens).map(parts -> {
            StringBuilder sb = new StringBuilder();
            for (String p : parts) {
                if (sb.length() + p.length() > maxChars) {
                    break;
                }
                sb.append(p);
            }
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<List<String>> needles() {
        return strings(3, 12).list().ofSize(8);
    }

    @Provide
    Arbitrary<List<Data>> batches() {
        return data().list().ofSize(BATCH);
    }

    static Arbitrary<Data> data() {
        Arbitrary<Data> firstHalf = Combinators.combine(
                strings(40, 120).injectNull(0.05),
                strings(12, 24).injectNull(0.05),
                bounded(Arbitraries.integers(), Integer.MIN_VALUE, Integer.MAX_VALUE),
                bounded(Arbitraries.longs(), Long.MIN_VALUE, Long.MAX_VALUE),
                bounded(Arbitraries.shorts(), Short.MIN_VALUE, Short.MAX_VALUE),
                bounded(Arbitraries.bytes(), Byte.MIN_VALUE, Byte.MAX_VALUE),
                bounded(Arbitraries.integers(), Integer.MIN_VALUE, Integer.MAX_VALUE).injectNull(0.2),
                Arbitraries.of(true, false))
                .as((text, label, whole, big, small, tiny, maybe, flag) -> new Data(text, label, whole, big, small, tiny,
                        maybe, flag, null, null, null, null, null, null, null, null, null));
        Arbitrary<Long> seconds = bounded(Arbitraries.longs().between(FIRST_SECOND, LAST_SECOND), FIRST_SECOND, LAST_SECOND);
        Arbitrary<Integer> micros = bounded(Arbitraries.integers().between(0, 999_999), 0, 999_999);
        Arbitrary<Data> secondHalf = Combinators.combine(
                bounded(Arbitraries.longs().between(-999_999_999_999_999L, 999_999_999_999_999L),
                        -999_999_999_999_999L, 999_999_999_999_999L)
                        .map(unscaled -> BigDecimal.valueOf(unscaled, 4)).injectNull(0.05),
                Combinators.combine(seconds, micros).as((s, u) -> LocalDateTime.ofEpochSecond(s, u * 1000, ZoneOffset.UTC)),
                Combinators.combine(seconds, micros).as((s, u) -> Instant.ofEpochSecond(s, u * 1000L)).injectNull(0.05),
                Combinators.combine(seconds, micros, Arbitraries.integers().between(-14 * 60, 14 * 60))
                        .as((s, u, m) -> Instant.ofEpochSecond(s, u * 1000L).atOffset(ZoneOffset.ofTotalSeconds(m * 60))),
                seconds.map(s -> LocalDate.ofEpochDay(Math.floorDiv(s, 86_400))),
                bounded(Arbitraries.longs().between(0, 86_399_999_999L), 0L, 86_399_999_999L)
                        .map(u -> LocalTime.ofNanoOfDay(u * 1000)),
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).injectNull(0.05))
                .as((amount, at, instant, offset, day, time, uuid, bytes) -> new Data(null, null, 0, 0, (short) 0, (byte) 0,
                        null, false, amount, at, instant, offset, day, time, uuid, bytes, null));
        return Combinators.combine(firstHalf, secondHalf, Arbitraries.of(Specimen.Mood.class).injectNull(0.1))
                .as((a, b, mood) -> new Data(a.text, a.label, a.whole, a.big, a.small, a.tiny, a.maybe, a.flag,
                        b.amount, b.at, b.instant, b.offset, b.day, b.time, b.uuid, b.bytes, mood));
    }

    /** {@code values}, with the bounds given a fair share of their own. */
    static <T> Arbitrary<T> bounded(Arbitrary<T> values, T low, T high) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, values), net.jqwik.api.Tuple.of(1, Arbitraries.of(low, high)));
    }

    // ---- the generated values --------------------------------------------------------------------

    /** The values of one model, kept apart from the model, which the session changes (its id). */
    record Data(String text, String label, int whole, long big, short small, byte tiny, Integer maybe, boolean flag,
            BigDecimal amount, LocalDateTime at, Instant instant, OffsetDateTime offset, LocalDate day, LocalTime time,
            UUID uuid, byte[] bytes, Specimen.Mood mood) {

        Specimen toModel() {
            Specimen s = new Specimen();
            s.text = text;
            s.label = label;
            s.whole = whole;
            s.big = big;
            s.small = small;
            s.tiny = tiny;
            s.maybe = maybe;
            s.flag = flag;
            s.amount = amount;
            s.at = at;
            s.instant = instant;
            s.offset = offset;
            s.day = day;
            s.time = time;
            s.uuid = uuid;
            s.bytes = bytes == null ? null : bytes.clone();
            s.mood = mood;
            return s;
        }

        void assertSameAs(Specimen read, Db db) {
            String where = db + " row " + read.id + ": ";
            assertEquals(text, read.text, () -> where + "text " + (text == null ? null : escape(text)));
            assertEquals(label, read.label, () -> where + "label " + (label == null ? null : escape(label)));
            assertEquals(whole, read.whole, where + "whole");
            assertEquals(big, read.big, where + "big");
            assertEquals(small, read.small, where + "small");
            assertEquals(tiny, read.tiny, where + "tiny");
            assertEquals(maybe, read.maybe, where + "maybe");
            assertEquals(flag, read.flag, where + "flag");
            assertEquals(amount, read.amount, where + "amount (value and scale)");
            assertEquals(at, read.at, where + "at");
            assertEquals(instant, read.instant, where + "instant");
            assertTrue(offset.isEqual(read.offset), () -> where + "offset " + offset + " came back as " + read.offset);
            assertEquals(day, read.day, where + "day");
            assertEquals(time, read.time, where + "time");
            assertEquals(uuid, read.uuid, where + "uuid");
            assertArrayEquals(bytes, read.bytes, where + "bytes");
            assertEquals(mood, read.mood, where + "mood");
        }

        @Override
        public String toString() {
            return "Data[text=" + (text == null ? null : escape(text)) + ", label=" + (label == null ? null : escape(label))
                    + ", whole=" + whole + ", big=" + big + ", small=" + small + ", tiny=" + tiny + ", maybe=" + maybe
                    + ", amount=" + amount + ", at=" + at + ", instant=" + instant + ", offset=" + offset + ", day=" + day
                    + ", time=" + time + ", uuid=" + uuid + ", bytes=" + (bytes == null ? null : bytes.length) + ", mood="
                    + mood + "]";
        }
    }

}
