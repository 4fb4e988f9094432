package dev.sqlmodel.benchmarks.model;

import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;
import java.util.List;

/** The teams as a Jakarta Data repository. */
@Repository
public interface TeamRepository extends DataRepository<Team, Long> {
    /** (g) Every team, by id. */
    @Find
    @OrderBy("id")
    List<Team> all();
}
