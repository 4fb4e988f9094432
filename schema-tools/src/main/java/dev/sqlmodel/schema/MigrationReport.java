package dev.sqlmodel.schema;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link MigrationRunner#migrate()} did.
 *
 * @param applied the versions applied by this run, in order ({@code "1"}, {@code "2"})
 * @param elapsed how long the run took
 */
public record MigrationReport(List<String> applied, Duration elapsed) {

    /** Validates and copies the version list. */
    public MigrationReport {
        applied = List.copyOf(applied);
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
