package dev.sqlmodel.impl.jpa;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.Session;
import dev.sqlmodel.StaleObjectException;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Classes mapped with Jakarta Persistence annotations: created, written and read back on every database. */
class PersistenceEntitiesTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Numeral.class, Glyph.class, Crate.class, Point.class, Article.class, Member.class,
            Sidekick.class, Badge.class};
    }

    @DbTest
    void numbersWithAssignedKeysAndEnumsRoundTrip(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            for (long n = 1; n <= 12; n++) {
                Numeral number = new Numeral();
                number.setId(n);
                number.setOdd(n % 2 == 1);
                number.setNumBitsRequired((short) (64 - Long.numberOfLeadingZeros(n)));
                number.setKind(n == 1 ? Numeral.Kind.ONE : isPrime(n) ? Numeral.Kind.PRIME : Numeral.Kind.COMPOSITE);
                number.setFloorOfSquareRoot((long) Math.floor(Math.sqrt(n)));
                s.insert(number);
            }
            Numeral eleven = s.get(Numeral.class, 11L).orElseThrow();
            assertEquals(11L, eleven.getId(), "the key is the application's, not generated");
            assertTrue(eleven.isOdd());
            assertEquals((short) 4, eleven.getNumBitsRequired());
            assertEquals(Numeral.Kind.PRIME, eleven.getKind());
            assertEquals(3L, eleven.getFloorOfSquareRoot());
            assertEquals(List.of(4L, 6L, 8L, 9L, 10L, 12L), ids(s.exec(select(Numeral.class)).all()).stream()
                    .filter(id -> s.get(Numeral.class, id).orElseThrow().getKind() == Numeral.Kind.COMPOSITE).toList());
        }
        assertEquals("1", readText(engine, "SELECT kind FROM numeral WHERE id = 7"),
                "an enum without @Enumerated is stored by ordinal");
    }

    @DbTest
    void charactersIncludingSpaceRoundTrip(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            for (int c = 1; c < 128; c++) {
                Glyph g = new Glyph();
                g.setId(c);
                g.setNumericValue(c);
                g.setHexadecimal(Integer.toHexString(c));
                g.setThisCharacter((char) c);
                g.setControl(Character.isISOControl((char) c));
                s.insert(g);
            }
            for (int c : new int[] {1, 9, 32, 65, 97, 126, 127}) {
                Glyph g = s.get(Glyph.class, (long) c).orElseThrow();
                assertEquals((char) c, g.getThisCharacter(), "character " + c);
                assertEquals(c, g.getNumericValue());
                assertEquals(Integer.toHexString(c), g.getHexadecimal());
                assertEquals(Character.isISOControl((char) c), g.isControl());
            }
        }
    }

    @DbTest
    void publicFieldsWithTextAndUuidKeysRoundTrip(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            s.insert(Crate.of("C-1", 10, 20, 30));
            Crate crate = s.get(Crate.class, "C-1").orElseThrow();
            assertEquals(List.of(10, 20, 30), List.of(crate.length, crate.width, crate.height));

            Point origin = s.insert(Point.of("origin", 1.5, -2.25f));
            Point read = s.get(Point.class, origin.id).orElseThrow();
            assertEquals(origin.id, read.id);
            assertEquals(1.5, read.x);
            assertEquals(-2.25f, read.y);

            s.insert(new Member(7, "Ada", "Lovelace", 36));
            Member ada = s.get(Member.class, 7L).orElseThrow();
            assertEquals(List.of("Ada", "Lovelace", 36), List.of(ada.firstName, ada.lastName, ada.age));
        }
        assertEquals("36", readText(engine, "SELECT age FROM member WHERE firstname = 'Ada'"),
                "columns are the field names lower-cased");
    }

    @DbTest
    void versionsCountUpAndTransientFieldsStayOut(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            Article apple = s.insert(Article.of("apple", 1.19, "TEST-12", Article.Department.GROCERY));
            long first = apple.getVersionNum();
            Article read = s.get(Article.class, "TEST-12").orElseThrow();
            assertEquals(first, read.getVersionNum());
            assertEquals("apple", read.getName());
            assertEquals(1.19, read.getPrice());
            assertNull(read.getSurgePrice(), "a @Transient field is not stored");
            assertEquals(Set.of(Article.Department.GROCERY), read.getDepartments());

            read.setPrice(1.29);
            s.update(read);
            assertEquals(first + 1, read.getVersionNum());
            Article again = s.get(Article.class, "TEST-12").orElseThrow();
            assertEquals(first + 1, again.getVersionNum());
            assertEquals(1.29, again.getPrice());

            apple.setPrice(0.99);
            assertThrows(StaleObjectException.class, () -> s.update(apple), "the old version is stale");

            Article nameless = Article.of(null, 1.0, "TEST-13");
            assertThrows(RuntimeException.class, () -> s.insert(nameless), "@Basic(optional = false) is NOT NULL");
            s.insert(Article.of("rhubarb", null, "TEST-14"));
            assertNull(s.get(Article.class, "TEST-14").orElseThrow().getPrice());
        }
        List<String> columns = columnNames(engine, "article");
        assertEquals(List.of("articlenum", "departments", "name", "price", "versionnum"),
                columns.stream().sorted().toList());
    }

    @DbTest
    void elementCollectionsKeepTheirValuesInOneColumn(Db db) {
        Engine engine = fresh(db);
        Session session = session(db);
        Article socks = Article.of("socks", 5.99, "TEST-87", Article.Department.CLOTHING, Article.Department.GARDEN);
        Article none = Article.of("nothing", 0.0, "TEST-88");
        session.add(socks);
        session.add(none);
        session.commit();
        assertEquals(Set.of(), session.get(Article.class, "TEST-88").orElseThrow().getDepartments());

        Session second = session(db);
        Article read = second.get(Article.class, "TEST-87").orElseThrow();
        read.getDepartments().add(Article.Department.TOOLS);
        second.commit();
        try (StatelessSession s = engine.stateless()) {
            assertEquals(Set.of(Article.Department.CLOTHING, Article.Department.GARDEN, Article.Department.TOOLS),
                    s.get(Article.class, "TEST-87").orElseThrow().getDepartments(),
                    "a change made inside the set is flushed");
        }
        String stored = readText(engine, "SELECT departments FROM article WHERE articlenum = 'TEST-87'");
        assertEquals("[\"CLOTHING\",\"GARDEN\",\"TOOLS\"]", stored.replace("\"GARDEN\",\"CLOTHING\"",
                "\"CLOTHING\",\"GARDEN\""));
    }

    @DbTest
    void columnOptionsAndGeneratedKeys(Db db) {
        Engine engine = fresh(db);
        Session session = session(db);
        Sidekick robin = new Sidekick();
        robin.name = "Robin";
        robin.alias = "Boy Wonder";
        robin.fee = new BigDecimal("1234.50");
        robin.rank = Sidekick.Rank.VETERAN;
        robin.code = "R-1";
        robin.badge = "B1";
        robin.scratch = "not stored";
        robin.note = "not stored either";
        session.add(robin);
        session.commit();
        assertTrue(robin.id != null && robin.id > 0, "IDENTITY keys are generated");

        try (StatelessSession s = engine.stateless()) {
            Sidekick read = s.get(Sidekick.class, robin.id).orElseThrow();
            assertEquals("Robin", read.name);
            assertEquals("Boy Wonder", read.alias);
            assertEquals(0, new BigDecimal("1234.50").compareTo(read.fee));
            assertEquals(Sidekick.Rank.VETERAN, read.rank);
            assertEquals("R-1", read.code);
            assertNull(read.scratch);
            assertNull(read.note);
            assertEquals(robin.version, read.version);

            Sidekick copy = new Sidekick();
            copy.name = "Robin II";
            copy.alias = "Boy Wonder";
            assertThrows(IntegrityException.class, () -> s.insert(copy), "uniqueConstraints make alias unique");
            Sidekick sameBadge = new Sidekick();
            sameBadge.name = "Robin III";
            sameBadge.badge = "B1";
            assertThrows(IntegrityException.class, () -> s.insert(sameBadge), "@Column(unique = true)");
            Sidekick longName = new Sidekick();
            longName.name = "x".repeat(41);
            assertThrows(RuntimeException.class, () -> s.insert(longName), "@Column(length = 40) is validated");
        }
        assertEquals("VETERAN", readText(engine, "SELECT rank FROM sidekicks"));
        assertEquals("Robin", readText(engine, "SELECT sidekick_name FROM sidekicks"));
    }

    @DbTest
    void recordEntitiesRoundTrip(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            s.insert(new Badge(3, "gold", 50));
            assertEquals(new Badge(3, "gold", 50), s.get(Badge.class, 3L).orElseThrow());
            assertFalse(s.get(Badge.class, 4L).isPresent());
        }
    }

    private static boolean isPrime(long n) {
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return n > 1;
    }

    private static List<Long> ids(List<Numeral> numbers) {
        return numbers.stream().map(Numeral::getId).sorted().toList();
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

    private static List<String> columnNames(Engine engine, String table) {
        try (StatelessSession s = engine.stateless()) {
            Connection c = s.connection();
            List<String> names = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    names.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new AssertionError(table, e);
        }
    }
}
