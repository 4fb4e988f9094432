package dev.sqlmodel.data;

import jakarta.data.Sort;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Save;
import java.util.List;

/** A generic repository interface of the application's own, bound to an entity by the interfaces extending it. */
public interface Keyed<T, K> extends CrudRepository<T, K> {

    List<T> findByIdIn(List<K> ids, Sort<T> sort);

    long countByIdNotNull();

    @Save
    <S extends T> S[] store(S[] entities);

    @Delete
    long discard(List<? extends T> entities);
}
