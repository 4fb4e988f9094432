package dev.sqlmodel.schema.cli;

import dev.sqlmodel.Engine;
import dev.sqlmodel.schema.MigrationRunner;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The migrations folder and history table shared by {@code migrate}, {@code status} and {@code baseline}. */
final class MigrationOptions {
    @Option(names = "--dir", defaultValue = "migrations", description = "migrations folder (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--table", defaultValue = "sqlmodel_migrations", description = "history table (default: ${DEFAULT-VALUE})")
    String table;

    /** A runner over the folder and table on {@code engine}. */
    MigrationRunner runner(Engine engine) {
        return MigrationRunner.of(engine, dir).table(table);
    }
}
