package dev.sqlmodel.it.data;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;

/** The application's repository of gadgets; sqlmodel-processor generates its bean class {@code Gadgets_}. */
@Repository
public interface Gadgets extends CrudRepository<Gadget, Long> {
    List<Gadget> findByPowerGreaterThanOrderByNameAsc(int power);

    @Query("WHERE power < ?1 ORDER BY name")
    List<Gadget> weakerThan(int power);
}
