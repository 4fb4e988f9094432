package dev.sqlmodel.impl.session;

import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sqlmodel.Session;
import dev.sqlmodel.impl.model.Wide;
import dev.sqlmodel.impl.model.Wide_;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.List;

/**
 * Rows of a model too wide for a composed binder (more than 64 columns) are written column by
 * column, by the flush and by an INSERT statement, with the same values as narrow models.
 */
class WideModelTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Wide.class};
    }

    private static void assertRow(String label, int base, Wide w) {
        assertEquals(label, w.label);
        for (int i = 0; i < 70; i++) {
            assertEquals(i % 3 == 0 ? null : base + i, w.get(i), label + " c" + i);
        }
    }

    private List<Wide> all(Db db) {
        try (Session s = engine(db).session()) {
            return s.exec(select(Wide.class).orderBy(Wide_.id.asc())).all();
        }
    }

    @DbTest
    void flushWritesEveryColumnOfManyRows(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            s.addAll(List.of(new Wide("a", 100), new Wide("b", 200), new Wide("c", 300)));
            s.commit();
        }
        List<Wide> rows = all(db);
        assertEquals(3, rows.size());
        assertRow("a", 100, rows.get(0));
        assertRow("b", 200, rows.get(1));
        assertRow("c", 300, rows.get(2));
        assertNotNull(rows.get(0).id);
    }

    @DbTest
    void insertStatementAndUpdateOfOneColumn(Db db) {
        fresh(db);
        try (Session s = engine(db).session()) {
            Wide a = new Wide("a", 10);
            a.id = 1L;
            Wide b = new Wide("b", 20);
            b.id = 2L;
            assertEquals(2, s.execute(insert(Wide.class).values(a, b)));
            s.commit();
        }
        try (Session s = engine(db).session()) {
            Wide b = s.get(Wide.class, 2L).orElseThrow();
            b.c69 = -1;
            b.c00 = 7;
            s.commit();
        }
        List<Wide> rows = all(db);
        assertRow("a", 10, rows.get(0));
        Wide b = rows.get(1);
        assertEquals(-1, b.c69);
        assertEquals(7, b.c00);
        b.c69 = null; // 69 is a multiple of 3
        b.c00 = null;
        assertRow("b", 20, b);
    }
}
