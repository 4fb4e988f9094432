package dev.sqlmodel.data;

import jakarta.data.repository.Insert;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;

/** A repository of no primary entity: JDQL names the entity in FROM, UPDATE and DELETE. */
@Repository
public interface Shelf {

    @Insert
    Box[] addAll(Box... boxes);

    @Query("DELETE FROM Box")
    long removeAll();

    @Query("UPDATE Box SET width = width + ?1, height = height * ?2")
    long resizeAll(int widthIncrement, int heightFactor);

    @Query("UPDATE Box SET width = :width WHERE code = :code")
    boolean setWidth(String code, int width);

    @Query("FROM Box WHERE code = ?1")
    Optional<Box> withCode(String code);

    @Query("UPDATE Box SET width = ?2 WHERE code = ?1")
    long changeWidth(String code, Integer width);

    @Query("WHERE width > ?1 ORDER BY code")
    List<Box> widerThan(int width);
}
