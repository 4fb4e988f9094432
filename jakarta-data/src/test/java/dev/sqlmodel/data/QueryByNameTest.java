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
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Query by method name, @Find, special parameters and result types over the numbers 1 to 100. */
class QueryByNameTest extends DatabaseTest {

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

    private static List<Long> expected(Predicate<Natural> filter, Comparator<Natural> order) {
        return LongStream.rangeClosed(1, 100).mapToObj(Natural::of).filter(filter).sorted(order).map(n -> n.id)
                .toList();
    }

    private static List<Long> ids(Stream<Natural> s) {
        return s.map(n -> n.id).toList();
    }

    private static List<Long> ids(Iterable<Natural> s) {
        List<Long> out = new ArrayList<>();
        s.forEach(n -> out.add(n.id));
        return out;
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }

    @DbTest
    void countAndExistsByName(Db db) {
        Naturals numbers = numbers(db);
        assertEquals(100L, numbers.countAll());
        assertEquals(50, numbers.countByOddTrue());
        assertEquals(0L, numbers.countByBitsNull());
        assertEquals(4L, numbers.countByIdBetween(87, 90));
        assertTrue(numbers.existsById(73));
        assertFalse(numbers.existsById(-1));
        assertTrue(numbers.existsByIdGreaterThan(99L));
        assertFalse(numbers.existsByIdGreaterThan(100L));
    }

    @DbTest
    void builtInFindByIdIsOneGetAndFindAllStreams(Db db) {
        Naturals numbers = numbers(db);
        assertEquals(60L, numbers.findById(60L).orElseThrow().id);
        assertTrue(numbers.findById(0L).isEmpty());
        assertThrows(NullPointerException.class, () -> numbers.findById(null));
        try (Stream<Natural> all = numbers.findAll()) {
            assertEquals(100, all.count());
        }
        Page<Natural> page2 = numbers.findAll(PageRequest.ofPage(2).size(12),
                Order.by(Sort.asc("sqrt"), Sort.desc("id")));
        assertEquals(List.of(11L, 10L, 9L, 24L, 23L, 22L, 21L, 20L, 19L, 18L, 17L, 16L), ids(page2.content()));
        assertEquals(100L, page2.totalElements());
        assertEquals(9L, page2.totalPages());
    }

    @DbTest
    void trueFalseBetweenAndOrWithAndBindingTighter(Db db) {
        Naturals numbers = numbers(db);
        assertEquals(List.of(9L, 7L, 5L, 3L, 1L), ids(numbers.findByOddTrueAndIdLessThanEqualOrderByIdDesc(10)));
        assertEquals(List.of(50L, 52L, 54L, 56L, 58L, 60L), sorted(ids(numbers.findByOddFalseAndIdBetween(50, 60))));
        assertEquals(List.of(1L, 4L, 5L, 6L, 7L, 8L), sorted(ids(numbers.findByKindOrSqrt(Kind.ONE, 2))));
        // (kind = PRIME AND id < 10) OR (sqrt = 3 AND odd = false)
        assertEquals(List.of(2L, 3L, 5L, 7L, 10L, 12L, 14L),
                sorted(ids(numbers.findByKindAndIdLessThanOrSqrtAndOddFalse(Kind.PRIME, 10, 3))));
    }

    @DbTest
    void inNotInAndNotWithLimitAndOrder(Db db) {
        Naturals numbers = numbers(db);
        assertEquals(List.of(1L, 4L, 6L, 8L, 9L, 10L, 12L, 14L, 15L),
                ids(numbers.findByKindInOrderByIdAsc(Set.of(Kind.COMPOSITE, Kind.ONE), Limit.of(9))));
        assertEquals(List.of(1L, 3L, 5L),
                ids(numbers.findByIdNotIn(List.of(2L, 4L), Limit.of(3), Sort.asc("id"))));
        Natural[] notComposite = numbers.findByKindNot(Kind.COMPOSITE, Limit.of(8), Order.by(Sort.asc("id")));
        assertEquals(List.of(1L, 2L, 3L, 5L, 7L, 11L, 13L, 17L), ids(Arrays.asList(notComposite)));
        assertEquals(List.of(1L, 2L, 3L, 98L, 99L, 100L),
                sorted(ids(numbers.findByIdNotBetween(4, 97, Sort.asc("id")))));
    }

    @DbTest
    void limitIsOneBasedRangeAndSortsApplyInParameterOrder(Db db) {
        Naturals numbers = numbers(db);
        assertEquals(List.of(63L, 62L, 61L, 60L, 80L, 79L, 78L, 77L, 76L, 75L),
                ids(numbers.findByIdGreaterThanEqual(60, Limit.of(10), Order.by(Sort.asc("sqrt"), Sort.desc("id")))));
        assertEquals(List.of(45L, 46L, 47L, 48L, 49L),
                ids(numbers.findByIdGreaterThanEqual(40, Limit.range(6, 10), Order.by(Sort.asc("id")))));
        assertEquals(List.of(1L, 3L, 2L, 7L, 6L, 5L, 4L, 14L, 13L, 12L, 11L, 10L, 9L, 8L),
                ids(Arrays.asList(numbers.findByIdLessThan(15, Sort.asc("bits"), Sort.desc("id")))));
        assertEquals(List.of(2L, 3L, 1L, 8L, 4L, 5L, 6L, 7L, 9L, 10L, 11L, 12L),
                ids(numbers.findByIdLessThanEqual(12, Sort.asc("sqrt"), Sort.desc("bits"), Sort.asc("id"))));
        assertEquals(List.of(5L, 7L, 4L, 6L), numbers.oddFirst((short) 3));
        assertEquals(List.of(3L, 2L, 1L),
                ids(Arrays.asList(numbers.findByIdLessThan(4, Sort.desc("id(this)"), Sort.asc("sqrt")))));
        try (Stream<Natural> all = numbers.findAll(Sort.desc("id"), Limit.of(3))) {
            assertEquals(List.of(100L, 99L, 98L), ids(all));
        }
    }

    @DbTest
    void staticOrderByComesBeforeDynamicSorts(Db db) {
        Naturals numbers = numbers(db);
        assertEquals(expected(n -> n.id >= 5 && n.id <= 24,
                        Comparator.<Natural, Long>comparing(n -> -n.sqrt).thenComparing(n -> n.id)),
                ids(numbers.findByIdBetweenOrderBySqrtDescIdAsc(5, 24)));
        assertEquals(expected(n -> n.id >= 5 && n.id <= 24,
                        Comparator.<Natural, String>comparing(n -> n.kind.name()).thenComparing(n -> -n.sqrt)
                                .thenComparing(n -> n.id)),
                ids(numbers.findByIdBetweenOrderByKindAsc(5, 24, Order.by(Sort.desc("sqrt"), Sort.asc("id")))));
        // @OrderBy annotations, in declaration order
        assertEquals(List.of(9L, 10L, 11L, 12L, 13L, 14L, 15L), ids(numbers.withRoot(3)));
        assertEquals(List.of(16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L), ids(numbers.withRoot(4)));
        assertEquals(List.of(32L, 33L, 34L, 35L, 25L, 26L, 27L, 28L, 29L, 30L, 31L), ids(numbers.withRoot(5)));
    }

    @DbTest
    void firstAndSingleResults(Db db) {
        Naturals numbers = numbers(db);
        Natural[] first3 = numbers.findFirst3ByIdGreaterThanEqualAndOddTrue(40, Sort.desc("id"));
        assertEquals(List.of(99L, 97L, 95L), ids(Arrays.asList(first3)));
        assertEquals(99L, numbers.findFirstByOddTrueOrderByIdDesc().orElseThrow().id);
        assertEquals(1L, numbers.findByKind(Kind.ONE).id);
        assertEquals(2L, numbers.findByOddFalseAndKind(Kind.PRIME).orElseThrow().id);
        assertTrue(numbers.findByOddFalseAndKind(Kind.ONE).isEmpty());
        NonUniqueResultException several = assertThrows(NonUniqueResultException.class,
                () -> numbers.findByKind(Kind.PRIME));
        assertTrue(several.getMessage().contains("Naturals.findByKind"), several.getMessage());
        assertThrows(NonUniqueResultException.class, () -> numbers.findByOddFalseAndKind(Kind.COMPOSITE));
        Naturals empty = Repos.of(Naturals.class, engine(db));
        assertEquals(67L, empty.number(67).id);
        EmptyResultException none = assertThrows(EmptyResultException.class, () -> numbers.number(500));
        assertTrue(none.getMessage().contains("500"), none.getMessage());
    }

    @DbTest
    void findByParameterNamesAndBy(Db db) {
        Naturals numbers = numbers(db);
        Natural n = numbers.findNumber(67).orElseThrow();
        assertEquals(8L, n.sqrt);
        assertEquals(Short.valueOf((short) 7), n.bits);
        assertEquals(Kind.PRIME, n.kind);
        assertTrue(n.odd);
        assertTrue(numbers.findNumber(-40).isEmpty());
        assertEquals(List.of(9L, 15L, 21L, 33L, 35L, 25L, 27L, 39L, 45L, 49L),
                ids(numbers.findOdd(true, Kind.COMPOSITE, Limit.of(10),
                        Order.by(Sort.asc("sqrt"), Sort.desc("bits"), Sort.asc("id")))));
        assertEquals(List.of(2L), ids(numbers.findOdd(false, Kind.PRIME, Limit.of(9), Order.by())));
        Page<Natural> page1 = numbers.findMatching(9, (short) 7, Kind.COMPOSITE, PageRequest.ofSize(7),
                Sort.desc("id"));
        assertEquals(List.of(99L, 98L, 96L, 95L, 94L, 93L, 92L), ids(page1.content()));
        assertTrue(page1.hasNext());
        Page<Natural> page2 = numbers.findMatching(9, (short) 7, Kind.COMPOSITE, page1.nextPageRequest(),
                Sort.desc("id"));
        assertEquals(List.of(91L, 90L, 88L, 87L, 86L, 85L, 84L), ids(page2.content()));
        Page<Natural> page3 = numbers.findMatching(9, (short) 7, Kind.COMPOSITE, page2.nextPageRequest(),
                Sort.desc("id"));
        assertEquals(List.of(82L, 81L), ids(page3.content()));
        assertFalse(page3.hasNext());
        assertEquals(16L, page3.totalElements());
        try (Stream<Natural> all = numbers.everything(Sort.desc("id"))) {
            assertEquals(100L, all.findFirst().orElseThrow().id);
        }
    }

    @DbTest
    void sortByAnUnknownAttributeNamesIt(Db db) {
        Naturals numbers = numbers(db);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> numbers.findByIdLessThan(10, Sort.asc("nope"), Sort.asc("id")));
        assertTrue(e.getMessage().contains("\"nope\"") && e.getMessage().contains("Natural")
                && e.getMessage().contains("sqrt"), e.getMessage());
    }

    @DbTest
    void pagesWithAndWithoutTotals(Db db) {
        Naturals numbers = numbers(db);
        Page<Natural> first = numbers.findByIdLessThanOrderBySqrtDesc(25, PageRequest.ofSize(8),
                Order.by(Sort.desc("id")));
        assertEquals(List.of(24L, 23L, 22L, 21L, 20L, 19L, 18L, 17L), ids(first.content()));
        assertEquals(24L, first.totalElements());
        assertEquals(3L, first.totalPages());
        assertTrue(first.hasNext());
        assertFalse(first.hasPrevious());
        Page<Natural> third = numbers.findByIdLessThanOrderBySqrtDesc(25, PageRequest.ofPage(3).size(8),
                Order.by(Sort.desc("id")));
        assertEquals(List.of(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L), ids(third.content()));
        assertFalse(third.hasNext());
        assertEquals(2L, third.previousPageRequest().page());
        Page<Natural> beyond = numbers.findByIdLessThanOrderBySqrtDesc(25, PageRequest.ofPage(6).size(8),
                Order.by(Sort.desc("id")));
        assertFalse(beyond.hasContent());
        assertEquals(24L, beyond.totalElements());

        // without totals: one row more is read to know whether there is a next page
        Page<Natural> slice = numbers.findByKindAndSqrtLessThanEqual(Kind.PRIME, 8, PageRequest.ofPage(3).size(5)
                .withoutTotal(), Sort.desc("id"));
        assertEquals(List.of(37L, 31L, 29L, 23L, 19L), ids(slice.content()));
        assertFalse(slice.hasTotals());
        assertThrows(IllegalStateException.class, slice::totalElements);
        assertTrue(slice.hasNext());
        Page<Natural> last = numbers.findByKindAndSqrtLessThanEqual(Kind.PRIME, 8, PageRequest.ofPage(5).size(5)
                .withoutTotal(), Sort.desc("id"));
        assertEquals(List.of(3L, 2L), ids(last.content()));
        assertFalse(last.hasNext());
        Page<Natural> nothing = numbers.findByKindAndSqrtLessThanEqual(Kind.COMPOSITE, 1, PageRequest.ofSize(5),
                Sort.desc("id"));
        assertFalse(nothing.hasContent());
        assertEquals(0L, nothing.totalElements());
        assertEquals(0L, nothing.totalPages());
    }

    @DbTest
    void streamsReadToTheEndOrClosedGiveTheirConnectionBack(Db db) {
        Naturals numbers = numbers(db);
        for (int i = 0; i < 30; i++) {
            assertEquals(100, numbers.findAll().count());
            assertEquals(3, numbers.findByKindOrSqrt(Kind.ONE, 1).toList().size());
        }
        try (Stream<Natural> partly = numbers.findAll()) {
            assertTrue(partly.findFirst().isPresent());
        }
        assertEquals(0, engine(db).stats().active(), engine(db).stats().toString());
    }
}
