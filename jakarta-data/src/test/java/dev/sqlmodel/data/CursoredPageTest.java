package dev.sqlmodel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.data.Natural.Kind;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.page.PageRequest.Cursor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.LongStream;

/** Keyset pagination: CursoredPage forward and backward, cursors from results and from the application. */
class CursoredPageTest extends DatabaseTest {

    private final Set<Db> filled = EnumSet.noneOf(Db.class);

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Natural.class};
    }

    private Naturals numbers(Db db) {
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
        return Repos.of(Naturals.class, engine);
    }

    private static List<Long> ids(CursoredPage<Natural> page) {
        return page.stream().map(n -> n.id).toList();
    }

    @DbTest
    void firstPageThenNextPagesFollowStaticThenDynamicSort(Db db) {
        Naturals numbers = numbers(db);
        Order<Natural> order = Order.by(Sort.asc("id"));
        CursoredPage<Natural> page = numbers.findBySqrtNotAndIdLessThanOrderByBitsDesc(4, 33, PageRequest.ofSize(8),
                order);
        assertEquals(List.of(32L, 25L, 26L, 27L, 28L, 29L, 30L, 31L), ids(page));
        assertFalse(page.hasPrevious());
        assertTrue(page.hasNext());
        assertEquals(23L, page.totalElements());
        assertEquals(3L, page.totalPages());
        page = numbers.findBySqrtNotAndIdLessThanOrderByBitsDesc(4, 33, page.nextPageRequest(), order);
        assertEquals(List.of(8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L), ids(page));
        assertEquals(2L, page.pageRequest().page());
        page = numbers.findBySqrtNotAndIdLessThanOrderByBitsDesc(4, 33, page.nextPageRequest(), order);
        assertEquals(List.of(4L, 5L, 6L, 7L, 2L, 3L, 1L), ids(page));
        assertFalse(page.hasNext());
        assertTrue(page.hasPrevious());
        page = numbers.findBySqrtNotAndIdLessThanOrderByBitsDesc(4, 33, page.previousPageRequest(), order);
        assertEquals(List.of(8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L), ids(page));
    }

    @DbTest
    void cursorFromTheApplicationThenPreviousAndNext(Db db) {
        Naturals numbers = numbers(db);
        Order<Natural> order = Order.by(Sort.asc("sqrt"), Sort.desc("id"));
        // the 20th result is 26: 5 bits, square root 5
        PageRequest middle = PageRequest.afterCursor(Cursor.forKey((short) 5, 5L, 26L), 4, 7, true);
        CursoredPage<Natural> page = numbers.findBySqrtNotAndIdLessThanOrderByBitsDesc(6, 50, middle, order);
        assertEquals(List.of(25L, 8L, 15L, 14L, 13L, 12L, 11L), ids(page));
        assertTrue(page.hasPrevious());
        assertEquals(Cursor.forKey((short) 5, 5L, 25L), page.cursor(0));
        CursoredPage<Natural> previous = numbers.findBySqrtNotAndIdLessThanOrderByBitsDesc(6, 50,
                page.previousPageRequest(), order);
        assertEquals(List.of(16L, 31L, 30L, 29L, 28L, 27L, 26L), ids(previous));
        assertEquals(3L, previous.pageRequest().page());
        CursoredPage<Natural> next = numbers.findBySqrtNotAndIdLessThanOrderByBitsDesc(6, 50, page.nextPageRequest(),
                order);
        assertEquals(List.of(10L, 9L, 7L, 6L, 5L, 4L, 3L), ids(next));
        assertEquals(5L, next.pageRequest().page());
    }

    @DbTest
    void cursorWithoutTotalsOverADynamicSortOnly(Db db) {
        Naturals numbers = numbers(db);
        PageRequest middle = PageRequest.afterCursor(Cursor.forKey(6L, 46L), 4, 9, false);
        Order<Natural> order = Order.by(Sort.desc("sqrt"), Sort.asc("id"));
        CursoredPage<Natural> slice = numbers.findByKindAndBitsLessThan(Kind.COMPOSITE, (short) 7, order, middle);
        assertEquals(List.of(48L, 25L, 26L, 27L, 28L, 30L, 32L, 33L, 34L), ids(slice));
        assertFalse(slice.hasTotals());
        CursoredPage<Natural> previous = numbers.findByKindAndBitsLessThan(Kind.COMPOSITE, (short) 7, order,
                slice.previousPageRequest());
        assertEquals(List.of(63L, 36L, 38L, 39L, 40L, 42L, 44L, 45L, 46L), ids(previous));
        CursoredPage<Natural> next = numbers.findByKindAndBitsLessThan(Kind.COMPOSITE, (short) 7, order,
                slice.nextPageRequest());
        assertEquals(List.of(35L, 16L, 18L, 20L, 21L, 22L, 24L, 9L, 10L), ids(next));
    }

    @DbTest
    void slicesWithoutTotalUntilTheEnd(Db db) {
        Naturals numbers = numbers(db);
        CursoredPage<Natural> slice = numbers.findBySqrtOrderByIdAsc(7, PageRequest.ofSize(6).withoutTotal());
        assertEquals(List.of(49L, 50L, 51L, 52L, 53L, 54L), ids(slice));
        slice = numbers.findBySqrtOrderByIdAsc(7, slice.nextPageRequest());
        assertEquals(List.of(55L, 56L, 57L, 58L, 59L, 60L), ids(slice));
        slice = numbers.findBySqrtOrderByIdAsc(7, slice.nextPageRequest());
        assertEquals(List.of(61L, 62L, 63L), ids(slice));
        assertFalse(slice.hasNext());
        assertThrows(NoSuchElementException.class, slice::nextPageRequest);
    }

    @DbTest
    void emptyPagesHaveNeitherNextNorPrevious(Db db) {
        Naturals numbers = numbers(db);
        CursoredPage<Natural> page = numbers.findBySqrtNotAndIdLessThanOrderByBitsDesc(1, 4, PageRequest.ofPage(1),
                Order.by());
        assertFalse(page.hasContent());
        assertFalse(page.hasNext());
        assertFalse(page.hasPrevious());
        assertThrows(NoSuchElementException.class, page::nextPageRequest);
        assertThrows(NoSuchElementException.class, page::previousPageRequest);
        CursoredPage<Natural> after = numbers.findBySqrtOrderByIdAsc(3,
                PageRequest.ofSize(33).afterCursor(Cursor.forKey(30L)).withoutTotal());
        assertFalse(after.hasContent());
    }

    @DbTest
    void theKeyBreaksTiesSoEveryRowIsOnExactlyOnePageBothWays(Db db) {
        Naturals numbers = numbers(db);
        List<Long> expected = LongStream.rangeClosed(1, 100).mapToObj(Natural::of).filter(n -> n.odd)
                .sorted(Comparator.<Natural, Long>comparing(n -> n.sqrt).thenComparing(n -> n.id)).map(n -> n.id)
                .toList();
        List<List<Long>> forward = new ArrayList<>();
        CursoredPage<Natural> page = numbers.findByOddTrue(PageRequest.ofSize(7), Sort.asc("sqrt"));
        assertEquals(50L, page.totalElements());
        forward.add(ids(page));
        while (page.hasNext()) {
            page = numbers.findByOddTrue(page.nextPageRequest(), Sort.asc("sqrt"));
            forward.add(ids(page));
        }
        assertEquals(expected, forward.stream().flatMap(List::stream).toList());
        assertEquals(8, forward.size());
        // the cursor holds the sort key and the appended id
        assertEquals(2, page.cursor(0).size());
        List<List<Long>> backward = new ArrayList<>();
        backward.add(ids(page));
        while (page.hasPrevious()) {
            page = numbers.findByOddTrue(page.previousPageRequest(), Sort.asc("sqrt"));
            if (page.hasContent()) {
                backward.add(ids(page));
            }
        }
        Collections.reverse(backward);
        assertEquals(forward, backward);
    }

    @DbTest
    void aCursorOfTheWrongSizeIsRefused(Db db) {
        Naturals numbers = numbers(db);
        PageRequest bad = PageRequest.ofSize(5).afterCursor(Cursor.forKey(1L, 2L, 3L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> numbers.findBySqrtOrderByIdAsc(3, bad));
        assertTrue(e.getMessage().contains("3 values"), e.getMessage());
    }
}
