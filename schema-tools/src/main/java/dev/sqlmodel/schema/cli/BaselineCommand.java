package dev.sqlmodel.schema.cli;

import dev.sqlmodel.Engine;
import dev.sqlmodel.schema.MigrationRunner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sqlmodel baseline}: marks migrations as applied for a database that already has their schema. */
@Command(name = "baseline", description = "Mark the migrations up to --version (default: all) as applied without running them.")
final class BaselineCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions db;

    @Mixin
    MigrationOptions migrations;

    @Option(names = "--version", description = "the last version to mark as applied")
    String version;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Engine engine = db.engine()) {
            MigrationRunner runner = migrations.runner(engine).progress(out::println);
            List<String> done = version == null ? runner.baseline() : runner.baseline(version);
            out.println(db.json ? Json.write(java.util.Map.of("baselined", done))
                    : "Baselined " + done.size() + " migration(s)");
        }
        return 0;
    }
}
