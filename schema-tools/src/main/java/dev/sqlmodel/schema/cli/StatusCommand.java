package dev.sqlmodel.schema.cli;

import dev.sqlmodel.Engine;
import dev.sqlmodel.schema.MigrationStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sqlmodel status}: lists each migration as applied, pending, failed or changed. */
@Command(name = "status", description = "List the migrations: APPLIED, PENDING, FAILED or CHANGED.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions db;

    @Mixin
    MigrationOptions migrations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Engine engine = db.engine()) {
            List<MigrationStatus> status = migrations.runner(engine).status();
            if (db.json) {
                List<Object> list = new ArrayList<>();
                for (MigrationStatus s : status) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("version", s.version());
                    m.put("description", s.description());
                    m.put("state", s.state().name());
                    m.put("appliedAt", s.appliedAt() == null ? null : s.appliedAt().toString());
                    m.put("checksum", s.checksum());
                    list.add(m);
                }
                out.println(Json.write(list));
            } else if (status.isEmpty()) {
                out.println("No migrations in " + migrations.dir);
            } else {
                out.println(String.format("%-8s %-8s %-24s %s", "VERSION", "STATE", "APPLIED AT", "DESCRIPTION"));
                for (MigrationStatus s : status) {
                    out.println(String.format("%-8s %-8s %-24s %s", s.version(), s.state(),
                            s.appliedAt() == null ? "-" : s.appliedAt().toString(), s.description()));
                }
            }
        }
        return 0;
    }
}
