package dev.sqlmodel.data;

import dev.sqlmodel.data.Natural.Kind;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.By;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Queries by method name and by parameters over the numbers 1 to 100. */
@Repository
public interface Naturals extends BasicRepository<Natural, Long>, IdQueries {

    long countAll();

    int countByOddTrue();

    long countByBitsNull();

    boolean existsByIdGreaterThan(Long id);

    List<Natural> findByOddTrueAndIdLessThanEqualOrderByIdDesc(long max);

    List<Natural> findByOddFalseAndIdBetween(long min, long max);

    Stream<Natural> findByKindOrSqrt(Kind kind, long sqrt);

    List<Natural> findByKindAndIdLessThanOrSqrtAndOddFalse(Kind kind, long max, long sqrt);

    Stream<Natural> findByKindInOrderByIdAsc(Set<Kind> kinds, Limit limit);

    List<Natural> findByIdNotIn(List<Long> ids, Limit limit, Sort<Natural> sort);

    Natural[] findByKindNot(Kind kind, Limit limit, Order<Natural> order);

    List<Natural> findByIdGreaterThanEqual(long min, Limit limit, Order<Natural> order);

    Natural[] findByIdLessThan(long max, Sort<Natural> first, Sort<Natural> second);

    List<Natural> findByIdLessThanEqual(long max, Sort<?>... sorts);

    List<Natural> findByIdNotBetween(long min, long max, Sort<Natural> sort);

    Stream<Natural> findByIdBetweenOrderBySqrtDescIdAsc(long min, long max);

    Stream<Natural> findByIdBetweenOrderByKindAsc(long min, long max, Order<Natural> order);

    Page<Natural> findByIdLessThanOrderBySqrtDesc(long max, PageRequest page, Order<Natural> order);

    Page<Natural> findByKindAndSqrtLessThanEqual(Kind kind, long max, PageRequest page, Sort<Natural> sort);

    CursoredPage<Natural> findBySqrtOrderByIdAsc(long sqrt, PageRequest page);

    CursoredPage<Natural> findBySqrtNotAndIdLessThanOrderByBitsDesc(long sqrt, long max, PageRequest page,
            Order<Natural> order);

    CursoredPage<Natural> findByKindAndBitsLessThan(Kind kind, short bits, Order<Natural> order, PageRequest page);

    CursoredPage<Natural> findByOddTrue(PageRequest page, Sort<Natural> sort);

    Natural findByKind(Kind kind);

    Optional<Natural> findByOddFalseAndKind(Kind kind);

    Natural[] findFirst3ByIdGreaterThanEqualAndOddTrue(long min, Sort<Natural> sort);

    Optional<Natural> findFirstByOddTrueOrderByIdDesc();

    Stream<Natural> findAll(Sort<Natural> sort, Limit limit);

    @Find
    Page<Natural> findMatching(long sqrt, Short bits, Kind kind, PageRequest page, Sort<?>... sorts);

    @Find
    Optional<Natural> findNumber(long id);

    @Find
    Natural number(@By("id") long value);

    @Find
    List<Natural> findOdd(boolean odd, Kind kind, Limit limit, Order<Natural> sorts);

    @Find
    @OrderBy(value = "bits", descending = true)
    @OrderBy("id")
    List<Natural> withRoot(@By("sqrt") long root);

    @Find
    Stream<Natural> everything(Sort<Natural> sort);

    /** Numbers with this many bits, odd ones first. */
    default List<Long> oddFirst(short bits) {
        return findByIdLessThanEqual(1000, Sort.desc("odd"), Sort.asc("id")).stream()
                .filter(n -> n.bits == bits).map(n -> n.id).toList();
    }
}
