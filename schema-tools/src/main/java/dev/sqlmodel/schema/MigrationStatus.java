package dev.sqlmodel.schema;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one migration.
 *
 * @param version the version number ({@code "3"} for {@code V3__add_age.sql})
 * @param description the file's description, underscores read as spaces
 * @param state applied, pending, failed or changed since it was applied
 * @param appliedAt when it was applied (or failed), null when pending
 * @param checksum the checksum recorded when applied, else the file's current one
 */
public record MigrationStatus(String version, String description, State state, Instant appliedAt, String checksum) {

    /** Validates the required parts. */
    public MigrationStatus {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
    }

    /** The state of a migration. */
    public enum State {
        /** Applied successfully, and the file is unchanged. */
        APPLIED,
        /** Not applied yet. */
        PENDING,
        /** Its last run failed. */
        FAILED,
        /** Applied, but the file was edited since (the runner refuses to run). */
        CHANGED
    }
}
