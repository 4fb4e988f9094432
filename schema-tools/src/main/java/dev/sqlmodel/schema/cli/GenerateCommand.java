package dev.sqlmodel.schema.cli;

import dev.sqlmodel.Engine;
import dev.sqlmodel.schema.Destructive;
import dev.sqlmodel.schema.MigrationWriter;
import dev.sqlmodel.schema.SchemaChange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sqlmodel generate}: writes the diff as the next migration file. */
@Command(name = "generate", description = "Write the changes the models need as the next V<n>__<message>.sql file.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions db;

    @Mixin
    ModelOptions models;

    @Option(names = "--dir", defaultValue = "migrations", description = "migrations folder (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = {"-m", "--message"}, defaultValue = "schema update", description = "the migration's description")
    String message;

    @Option(names = "--allow-destructive", description = "also write drops and narrowing type changes")
    boolean allowDestructive;

    @Option(names = "--table", description = "the migration history table to ignore (default sqlmodel_migrations)")
    String table;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Class<?>> classes = models.load();
        try (Engine engine = db.engine()) {
            List<SchemaChange> changes = DiffCommand.changes(engine, classes, table);
            long destructive = changes.stream().filter(SchemaChange::isDestructive).count();
            long written = allowDestructive ? changes.size() : changes.size() - destructive;
            PrintWriter out = spec.commandLine().getOut();
            Path file = null;
            if (written > 0) {
                file = MigrationWriter.to(dir).write(message, changes, engine.dialect(),
                        allowDestructive ? Destructive.ALLOW : Destructive.SKIP);
            }
            long leftOut = changes.size() - written;
            if (db.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", file == null ? null : file.toString());
                m.put("changes", written);
                m.put("leftOut", leftOut);
                out.println(Json.write(m));
            } else if (file == null) {
                out.println("No changes to write" + (leftOut > 0 ? ": " + leftOut
                        + " destructive change(s) left out (use --allow-destructive)" : ": the database matches the models."));
            } else {
                out.println("Wrote " + file + " (" + written + " change(s)"
                        + (leftOut > 0 ? ", " + leftOut + " destructive left out; use --allow-destructive" : "") + ")");
            }
        }
        return 0;
    }
}
