package dev.sqlmodel.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.data.Natural.Kind;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import jakarta.data.Limit;
import jakarta.data.Sort;
import dev.sqlmodel.IntegrityException;
import jakarta.data.exceptions.DataException;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** @Query methods: JDQL with named and positional parameters, projections, and Limit, Sort, pages on top. */
class JdqlRepositoryTest extends DatabaseTest {

    private final Set<Db> filled = EnumSet.noneOf(Db.class);

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Natural.class, Box.class};
    }

    private NumberQueries numbers(Db db) {
        Engine engine = engine(db);
        if (filled.add(db)) {
            engine.dropAll();
            engine.createAll();
            List<Natural> all = new ArrayList<>();
            for (long n = 1; n <= 100; n++) {
                all.add(Natural.of(n));
            }
            Repos.of(Naturals.class, engine).saveAll(all);
        }
        return Repos.of(NumberQueries.class, engine);
    }

    private static List<Long> ids(Stream<Natural> s) {
        try (s) {
            return s.map(n -> n.id).toList();
        }
    }

    @DbTest
    void projectionsWithNamedAndPositionalParameters(Db db) {
        NumberQueries q = numbers(db);
        assertEquals(List.of(68L, 69L, 70L, 71L, 72L), q.withIdEqualOrAbove(68, Limit.of(5)));
        assertEquals(List.of(15L, 7L, 5L, 3L, 1L), q.oddAndEqualToOrBelow(15, 9));
        assertEquals(24L, q.twentyFour());
        assertArrayEquals(new long[] {1, 1, 1, 2, 2, 2, 2, 2, 3}, q.roots());
        assertArrayEquals(new Long[] {2L, 2L, 2L, 2L, 2L, 1L, 1L, 1L}, q.rootsBelow(9));
        assertEquals(Short.valueOf((short) 7), q.bitsOf(100).orElseThrow());
        assertTrue(q.bitsOf(101).isEmpty());
        assertEquals(2L, q.two().orElseThrow().id);
        assertEquals(42L, q.exactly(42).id);
        assertThrows(EmptyResultException.class, () -> q.exactly(420));
    }

    @DbTest
    void limitAndSortOnTopOfQueriesWithoutClauses(Db db) {
        NumberQueries q = numbers(db);
        assertEquals(List.of(97L, 98L, 99L, 100L), ids(q.all(Limit.range(97, 102), Sort.asc("id"))));
        assertEquals(List.of(100L, 99L, 98L), ids(q.all(Limit.of(3), Sort.desc("sqrt"), Sort.desc("id"))));
        assertEquals(List.of(95L, 94L, 93L, 92L, 91L, 90L), ids(q.reversed(Limit.range(6, 11))));
    }

    @DbTest
    void pagesOfProjectionsAndOfEntities(Db db) {
        NumberQueries q = numbers(db);
        Page<Long> page1 = q.oddsFrom21To(40, PageRequest.ofSize(5));
        assertEquals(10L, page1.totalElements());
        assertEquals(2L, page1.totalPages());
        assertEquals(List.of(21L, 23L, 25L, 27L, 29L), page1.content());
        Page<Long> page2 = q.oddsFrom21To(40, page1.nextPageRequest());
        assertEquals(List.of(31L, 33L, 35L, 37L, 39L), page2.content());
        assertFalse(page2.hasNext());
        Page<Natural> roots = q.withRoot(5, PageRequest.ofPage(2).size(4), Sort.desc("id"));
        assertEquals(List.of(31L, 30L, 29L, 28L), roots.stream().map(n -> n.id).toList());
        assertEquals(11L, roots.totalElements());
    }

    @DbTest
    void cursoredPageOverAQueryWithOrKeepsItsPrecedence(Db db) {
        NumberQueries q = numbers(db);
        CursoredPage<Natural> page1 = q.withBitCountOrOfTypeAndBelow((short) 4, Kind.COMPOSITE, 20,
                Sort.desc("bits"), Sort.asc("id"), PageRequest.ofSize(4));
        assertEquals(List.of(16L, 18L, 8L, 9L), page1.stream().map(n -> n.id).toList());
        assertTrue(page1.hasTotals());
        assertEquals(12L, page1.totalElements());
        assertEquals(3L, page1.totalPages());
        CursoredPage<Natural> page2 = q.withBitCountOrOfTypeAndBelow((short) 4, Kind.COMPOSITE, 20,
                Sort.desc("bits"), Sort.asc("id"), page1.nextPageRequest());
        assertEquals(List.of(10L, 11L, 12L, 13L), page2.stream().map(n -> n.id).toList());
        CursoredPage<Natural> page3 = q.withBitCountOrOfTypeAndBelow((short) 4, Kind.COMPOSITE, 20,
                Sort.desc("bits"), Sort.asc("id"), page2.nextPageRequest());
        assertEquals(List.of(14L, 15L, 4L, 6L), page3.stream().map(n -> n.id).toList());
        assertFalse(page3.hasNext());
        CursoredPage<Natural> back = q.withBitCountOrOfTypeAndBelow((short) 4, Kind.COMPOSITE, 20,
                Sort.desc("bits"), Sort.asc("id"), page3.previousPageRequest());
        assertEquals(List.of(10L, 11L, 12L, 13L), back.stream().map(n -> n.id).toList());
    }

    @DbTest
    void updateAndDeleteQueriesOfARepositoryWithoutPrimaryEntity(Db db) {
        numbers(db);
        Shelf shelf = Repos.of(Shelf.class, engine(db));
        shelf.removeAll();
        shelf.addAll(Box.of("A", 125, 44), Box.of("B", 173, 52), Box.of("C", 229, 60));
        assertEquals(3L, shelf.resizeAll(12, 2));
        Box a = shelf.withCode("A").orElseThrow();
        assertEquals(137, a.width);
        assertEquals(88, a.height);
        assertTrue(shelf.setWidth("B", 1));
        assertFalse(shelf.setWidth("Z", 1));
        assertEquals(1, shelf.withCode("B").orElseThrow().width);
        // without FROM, the query reads the entity the method returns
        assertEquals(List.of("A", "C"), shelf.widerThan(100).stream().map(b -> b.code).toList());
        // a NOT NULL violation is no duplicate key: a plain DataException with ours as the cause
        DataException e = assertThrows(DataException.class, () -> shelf.changeWidth("A", null));
        assertEquals(DataException.class, e.getClass());
        assertTrue(e.getCause() instanceof IntegrityException, String.valueOf(e.getCause()));
        assertEquals(3L, shelf.removeAll());
        assertEquals(0L, shelf.resizeAll(2, 1));
    }
}
