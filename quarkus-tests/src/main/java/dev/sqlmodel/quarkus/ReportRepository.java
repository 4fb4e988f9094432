package dev.sqlmodel.quarkus;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Insert;
import jakarta.data.repository.Repository;
import java.util.List;

/**
 * The reports of {@code @Database("reports")} as a Jakarta Data repository: {@code dataStore}
 * names the database, so the generated bean injects {@code @Database("reports") Engine}.
 */
@Repository(dataStore = "reports")
public interface ReportRepository extends BasicRepository<Report, Long> {
    /** The reports whose title starts with {@code prefix}, by id. */
    List<Report> findByTitleStartsWithOrderByIdAsc(String prefix);

    /** Stores a new report. */
    @Insert
    Report add(Report report);
}
