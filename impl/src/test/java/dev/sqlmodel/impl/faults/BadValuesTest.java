package dev.sqlmodel.impl.faults;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Expr;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.model.Specimen;
import dev.sqlmodel.impl.model.Specimen_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Values a database cannot store fail before anything is sent, with an error naming the model
 * and field, and nothing of the flush is written; the session keeps its pending work so the
 * application can fix the value and flush again. Also: the literal text matches
 * ({@code contains}, {@code startsWith}, {@code endsWith}) are exact and case-sensitive on every
 * database, whatever LIKE does there by default.
 */
class BadValuesTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Specimen.class};
    }

    private static Specimen specimen(String text) {
        Specimen s = new Specimen();
        s.text = text;
        return s;
    }

    private long rows(Db db) {
        try (Session s = engine(db).session()) {
            return s.exec(select(Expr.count()).from(Specimen.class)).one();
        }
    }

    /** Adds a good model and a bad one in one flush: the flush fails and writes neither; fixing the bad one lets it through. */
    private <X extends RuntimeException> X failsWholeFlush(Db db, Class<X> type, Consumer<Specimen> bad,
            Consumer<Specimen> fix) {
        fresh(db);
        X e;
        try (Session s = engine(db).session()) {
            Specimen good = s.add(specimen("fine"));
            Specimen wrong = specimen("wrong");
            bad.accept(wrong);
            s.add(wrong);
            e = assertThrows(type, s::commit);
            assertEquals(0, rows(db), "nothing of the flush is written");
            fix.accept(wrong);
            s.commit();
            assertTrue(good.id != null && wrong.id != null);
        }
        assertEquals(2, rows(db));
        return e;
    }

    @DbTest
    void aStringOverMaxLengthNamesModelAndField(Db db) {
        ConstraintViolationException e = failsWholeFlush(db, ConstraintViolationException.class,
                s -> s.label = "x".repeat(25), s -> s.label = "x".repeat(24));
        assertTrue(e.getMessage().contains("Specimen.label"), e.getMessage());
    }

    @DbTest
    void aDecimalWiderThanItsPrecisionNamesModelAndField(Db db) {
        ConstraintViolationException e = failsWholeFlush(db, ConstraintViolationException.class,
                s -> s.amount = new BigDecimal("100000000000.0000"), s -> s.amount = new BigDecimal("99999999999.9999"));
        assertTrue(e.getMessage().contains("Specimen.amount"), e.getMessage());
        assertTrue(e.getMessage().contains("100000000000.0000"), e.getMessage());
    }

    @DbTest
    void aDecimalWithMorePlacesThanItsScaleNamesModelAndField(Db db) {
        ConstraintViolationException e = failsWholeFlush(db, ConstraintViolationException.class,
                s -> s.amount = new BigDecimal("1.23456"), s -> s.amount = new BigDecimal("1.2346"));
        assertTrue(e.getMessage().contains("Specimen.amount"), e.getMessage());
    }

    @DbTest
    void nulInTextIsRefusedOnPostgresqlAndStoredElsewhere(Db db) {
        String withNul = "before\0after";
        if (db == Db.POSTGRESQL) {
            SqlModelException e = failsWholeFlush(db, SqlModelException.class, s -> s.text = withNul,
                    s -> s.text = "before after");
            assertTrue(e.getMessage().startsWith("Specimen.text: PostgreSQL cannot store the NUL character"), e.getMessage());
            assertTrue(e.getMessage().contains("index 6"), e.getMessage());
        } else {
            fresh(db);
            long id = store(db, withNul);
            try (Session s = engine(db).session()) {
                assertEquals(withNul, s.get(Specimen.class, id).orElseThrow().text);
            }
        }
    }

    @DbTest
    void statelessWritesRefuseUnstorableValuesLikeAFlush(Db db) {
        fresh(db);
        String withNul = "before\0after";
        try (dev.sqlmodel.StatelessSession st = engine(db).stateless()) {
            if (db == Db.POSTGRESQL) {
                SqlModelException e = assertThrows(SqlModelException.class,
                        () -> st.insertAll(List.of(specimen("fine"), specimen(withNul))));
                assertTrue(e.getMessage().startsWith("Specimen.text: PostgreSQL cannot store the NUL character"),
                        e.getMessage());
                assertEquals(0, rows(db), "nothing of insertAll is written");
            } else {
                st.insert(specimen(withNul));
                assertEquals(1, rows(db));
            }
        }
    }

    private long store(Db db, String text) {
        try (Session s = engine(db).session()) {
            Specimen sp = s.add(specimen(text));
            s.commit();
            return sp.id;
        }
    }

    @DbTest
    void decimalsBeyondFifteenSignificantDigitsAreRefusedOnSqliteOnly(Db db) {
        BigDecimal eighteen = new BigDecimal("12345678.9012345678");
        if (db == Db.SQLITE) {
            SqlModelException e = failsWholeFlush(db, SqlModelException.class, s -> s.wide = eighteen,
                    s -> s.wide = new BigDecimal("12345678.9012345"));
            assertTrue(e.getMessage().startsWith("Specimen.wide: SQLite cannot store 12345678.9012345678 exactly"),
                    e.getMessage());
        } else {
            fresh(db);
            Specimen sp = specimen("wide");
            sp.wide = eighteen;
            long id = store(db, sp);
            try (Session s = engine(db).session()) {
                assertEquals(new BigDecimal("12345678.9012345678"), s.get(Specimen.class, id).orElseThrow().wide.stripTrailingZeros());
            }
        }
        // Whole numbers up to 64 bits are exact everywhere, SQLite included.
        Specimen whole = specimen("whole");
        whole.wide = new BigDecimal("9223372036854775807");
        long id = store(db, whole);
        Specimen scaled = specimen("whole, with a scale");
        scaled.wide = new BigDecimal("1234567890123456789.0000000000");
        long scaledId = store(db, scaled);
        try (Session s = engine(db).session()) {
            assertEquals(0, new BigDecimal("9223372036854775807").compareTo(s.get(Specimen.class, id).orElseThrow().wide));
            assertEquals(new BigDecimal("1234567890123456789.0000000000"), s.get(Specimen.class, scaledId).orElseThrow().wide);
        }
    }

    private long store(Db db, Specimen sp) {
        try (Session s = engine(db).session()) {
            s.add(sp);
            s.commit();
            return sp.id;
        }
    }

    // ---- literal text matches ---------------------------------------------------------------------

    @DbTest
    void containsStartsWithAndEndsWithMatchExactlyWhatJavaMatches(Db db) {
        fresh(db);
        List<String> texts = List.of("Apple", "apple", "APPLE pie", "\uD83D\uDE00 grin", "\uD83D\uDE01 beam", "a%b", "axb",
                "a_b", "a/b", "a\\b", "caf\u00e9", "cafe\u0301", "it's", "-- not a comment", "/* nor this */", "x*y",
                "x?y", "[ab]", "stra\u00dfe", "STRASSE", "trailing ");
        try (Session s = engine(db).session()) {
            for (String t : texts) {
                s.add(specimen(t));
            }
            s.commit();
        }
        List<String> needles = List.of("a", "A", "pp", "\uD83D\uDE00", "\uD83D\uDE01", "%", "_", "a%b", "a_b", "/", "\\",
                "a\\b", "\u00e9", "e\u0301", "'", "--", "/*", "*", "?", "[", "[ab]", "\u00df", "ss", "SS", " ", "", "e ");
        try (Session s = engine(db).session()) {
            for (String n : needles) {
                check(s, db, texts, n, "contains", Specimen_.text::contains, t -> t.contains(n));
                check(s, db, texts, n, "startsWith", Specimen_.text::startsWith, t -> t.startsWith(n));
                check(s, db, texts, n, "endsWith", Specimen_.text::endsWith, t -> t.endsWith(n));
            }
            // Ignoring case still tells characters apart (MariaDB's general_ci collation would not).
            for (String n : List.of("apple", "PIE", "\uD83D\uDE00", "\uD83D\uDE01", "A_B", "%")) {
                String lower = n.toLowerCase(java.util.Locale.ROOT);
                check(s, db, texts, n, "icontains", Specimen_.text::icontains,
                        t -> t.toLowerCase(java.util.Locale.ROOT).contains(lower));
            }
        }
    }

    private static void check(Session s, Db db, List<String> texts, String needle, String op,
            Function<String, Expr<Boolean>> sql, java.util.function.Predicate<String> java) {
        List<String> found = s.exec(select(Specimen_.text).where(sql.apply(needle)).orderBy(Specimen_.id.asc())).all();
        List<String> expected = texts.stream().filter(java).toList();
        assertEquals(expected, found, () -> db + " " + op + "(" + ValueRoundTripProperties.escape(needle) + ")");
    }
}
