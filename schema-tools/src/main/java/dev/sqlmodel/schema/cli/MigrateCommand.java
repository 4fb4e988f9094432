package dev.sqlmodel.schema.cli;

import dev.sqlmodel.Engine;
import dev.sqlmodel.schema.MigrationReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sqlmodel migrate}: applies the pending migrations, printing a line per migration. */
@Command(name = "migrate", description = "Apply the pending migrations of the folder, in version order.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions db;

    @Mixin
    MigrationOptions migrations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // With --json, standard output carries only the JSON document: progress goes to standard error.
        PrintWriter progress = db.json ? spec.commandLine().getErr() : out;
        try (Engine engine = db.engine()) {
            MigrationReport report = migrations.runner(engine)
                    .progress(line -> {
                        progress.println(line);
                        progress.flush();
                    }).migrate();
            if (db.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("applied", report.applied());
                m.put("elapsedMs", report.elapsed().toMillis());
                out.println(Json.write(m));
            } else {
                out.println("Applied " + report.applied().size() + " migration(s) in " + report.elapsed().toMillis()
                        + " ms");
            }
        }
        return 0;
    }
}
