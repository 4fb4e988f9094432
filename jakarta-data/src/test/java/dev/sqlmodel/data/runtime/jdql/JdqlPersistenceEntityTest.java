package dev.sqlmodel.data.runtime.jdql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Select;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.jpa.Glyph;
import dev.sqlmodel.impl.jpa.Numeral;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** JDQL on Jakarta Persistence entities: private fields, a {@code char} attribute, entity names. */
class JdqlPersistenceEntityTest extends DatabaseTest {
    private static final List<Class<?>> ENTITIES = List.of(Glyph.class, Numeral.class, GadgetEntity.class);

    @Override
    protected Class<?>[] models() {
        return ENTITIES.toArray(new Class<?>[0]);
    }

    private Engine populated(Db db) {
        Engine e = fresh(db);
        try (StatelessSession s = e.stateless()) {
            List<Glyph> glyphs = new ArrayList<>();
            for (int c = 1; c < 128; c++) {
                Glyph g = new Glyph();
                g.setId(c);
                g.setNumericValue(c);
                g.setHexadecimal(Integer.toHexString(c));
                g.setThisCharacter((char) c);
                g.setControl(Character.isISOControl((char) c));
                glyphs.add(g);
            }
            s.insertAll(glyphs);
            List<Numeral> numerals = new ArrayList<>();
            for (long n = 1; n <= 20; n++) {
                NaturalNumber x = NaturalNumber.of(n);
                Numeral m = new Numeral();
                m.setId(n);
                m.setOdd(x.isOdd);
                m.setNumBitsRequired(x.numBitsRequired);
                m.setKind(Numeral.Kind.valueOf(x.numType.name()));
                m.setFloorOfSquareRoot(x.floorOfSquareRoot);
                numerals.add(m);
            }
            s.insertAll(numerals);
            s.insertAll(List.of(GadgetEntity.of("g1", "lamp", 3), GadgetEntity.of("g2", "fan", 0),
                    GadgetEntity.of("g3", "radio", null)));
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Engine e, Class<?> primary, String query, Object... positional) {
        Select<?> s = Calls.select(JdqlQuery.parse(query, primary, ENTITIES), Calls.positional(positional));
        try (StatelessSession session = e.stateless()) {
            return (List<T>) session.exec(s).all();
        }
    }

    @DbTest
    void charAttributesCompareWithCharacterParametersAndOneLetterStrings(Db db) {
        Engine e = populated(db);
        String hex = "SELECT hexadecimal WHERE hexadecimal IS NOT NULL AND thisCharacter = ?1 ORDER BY id";
        // Strings compare by the database's collation: MariaDB's default one ignores case.
        assertEquals(db == Db.MARIADB ? List.of("4a", "6a") : List.of("4a"), list(e, Glyph.class, hex, 'J'));
        List<Character> abcdfo = list(e, Glyph.class, "select thisCharacter where hexadecimal like '4_'"
                + " and hexadecimal not like '%0' and thisCharacter not in ('E', 'G') and id not between 72 and 78"
                + " order by id asc");
        assertEquals("ABCDFO", abcdfo.stream().map(String::valueOf).collect(Collectors.joining()));
        assertEquals(List.of('z', 'y'), list(e, Glyph.class, "SELECT thisCharacter WHERE id IN (121, 122) ORDER BY id DESC"));
    }

    @DbTest
    void enumLiteralOfAPersistenceEntity(Db db) {
        Engine e = populated(db);
        List<Numeral> two = list(e, Numeral.class,
                "WHERE isOdd = false AND kind = dev.sqlmodel.impl.jpa.Numeral.Kind.PRIME");
        assertEquals(1, two.size());
        assertEquals(2L, two.get(0).getId());
        assertEquals(List.of(16L, 18L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 4L, 6L), list(e, Numeral.class,
                "SELECT id WHERE numBitsRequired = ?1 OR kind = ?2 AND id < ?3 ORDER BY numBitsRequired DESC, id",
                (short) 4, Numeral.Kind.COMPOSITE, 20L));
    }

    @DbTest
    void theEntityNameOfFromUpdateAndDelete(Db db) {
        Engine e = populated(db);
        JdqlQuery q = JdqlQuery.parse("FROM Gadget WHERE stock > 0", null, ENTITIES);
        assertSame(GadgetEntity.class, q.entity());
        assertEquals(List.of("lamp"), list(e, null, "SELECT label FROM Gadget WHERE stock > 0"));
        try (StatelessSession s = e.stateless()) {
            assertEquals(2L, s.execute(JdqlQuery.parse("UPDATE Gadget SET stock = stock + 1 WHERE stock IS NOT NULL",
                    null, ENTITIES).statement(null)));
            assertEquals(1L, s.execute(JdqlQuery.parse("DELETE FROM Gadget WHERE stock IS NULL", null, ENTITIES)
                    .statement(null)));
        }
        assertEquals(List.of(4, 1), list(e, null, "SELECT stock FROM Gadget ORDER BY code"));
        JdqlException wrong = assertThrows(JdqlException.class,
                () -> JdqlQuery.parse("FROM GadgetEntity", null, ENTITIES));
        assertEquals("JDQL query \"FROM GadgetEntity\" at position 6: unknown entity 'GadgetEntity' (entities of this"
                + " repository: Glyph, Numeral, Gadget)", wrong.getMessage());
    }
}
