package dev.sqlmodel.data;

import dev.sqlmodel.data.Natural.Kind;
import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Param;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** JDQL queries over the numbers 1 to 100, with special parameters applied on top. */
@Repository
public interface NumberQueries extends DataRepository<Natural, Long> {

    @Query("SELECT id WHERE id >= :inclusiveMin ORDER BY id ASC")
    List<Long> withIdEqualOrAbove(long inclusiveMin, Limit limit);

    @Query("SELECT id WHERE odd = true AND id BETWEEN 21 AND ?1 ORDER BY id ASC")
    Page<Long> oddsFrom21To(long max, PageRequest pageRequest);

    @Query("WHERE odd = false AND kind = dev.sqlmodel.data.Natural.Kind.PRIME")
    Optional<Natural> two();

    @Query(" ")
    Stream<Natural> all(Limit limit, Sort<?>... sorts);

    @Query("ORDER BY id DESC")
    Stream<Natural> reversed(Limit limit);

    @Query("SELECT COUNT(THIS) WHERE id <= 97 AND id >= 74")
    long twentyFour();

    @Query("Select id Where odd = true and (id = :id or id < :exclusiveMax) Order by id Desc")
    List<Long> oddAndEqualToOrBelow(long id, long exclusiveMax);

    @Query("WHERE bits = :bits OR kind = :type AND id < :xmax")
    CursoredPage<Natural> withBitCountOrOfTypeAndBelow(@Param("bits") short bitsRequired, @Param("type") Kind kind,
            @Param("xmax") long exclusiveMax, Sort<Natural> sort1, Sort<Natural> sort2, PageRequest pageRequest);

    @Query("SELECT sqrt WHERE id < 10 ORDER BY id")
    long[] roots();

    @Query("SELECT sqrt WHERE id < ?1 ORDER BY id DESC")
    Long[] rootsBelow(long max);

    @Query("SELECT bits WHERE id = ?1")
    Optional<Short> bitsOf(long id);

    @Query("WHERE id = ?1")
    Natural exactly(long id);

    @Query("WHERE sqrt = ?1")
    Page<Natural> withRoot(long root, PageRequest page, Sort<Natural> sort);
}
