package dev.sqlmodel.schema.cli;

import dev.sqlmodel.Engine;
import dev.sqlmodel.schema.DatabaseSchema;
import dev.sqlmodel.schema.MigrationWriter;
import dev.sqlmodel.schema.SchemaChange;
import dev.sqlmodel.schema.SchemaDiff;
import dev.sqlmodel.schema.SchemaInspector;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sqlmodel diff}: prints the changes that bring the database in step with the models. */
@Command(name = "diff", description = "Print the changes that bring the database in step with the models.")
final class DiffCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions db;

    @Mixin
    ModelOptions models;

    @Option(names = "--table", description = "the migration history table to ignore (default sqlmodel_migrations)")
    String table;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Class<?>> classes = models.load();
        try (Engine engine = db.engine()) {
            List<SchemaChange> changes = changes(engine, classes, table);
            PrintWriter out = spec.commandLine().getOut();
            if (db.json) {
                List<Object> list = new ArrayList<>();
                for (SchemaChange c : changes) {
                    list.add(SchemaText.json(c, engine.dialect()));
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("changes", list);
                out.println(Json.write(m));
            } else if (changes.isEmpty()) {
                out.println("No changes: the database matches the " + classes.size() + " model(s).");
            } else {
                out.println(changes.size() + " change(s):");
                for (SchemaChange c : changes) {
                    out.println("  " + (c.isDestructive() ? "! " : "+ ") + MigrationWriter.describe(c)
                            + (c.isDestructive() ? "  (destructive)" : ""));
                    for (String s : c.sql(engine.dialect())) {
                        out.println("      " + s + ";");
                    }
                }
            }
        }
        return 0;
    }

    /** The changes from {@code engine}'s database to {@code classes}, ignoring the history table. */
    static List<SchemaChange> changes(Engine engine, List<Class<?>> classes, String historyTable) {
        DatabaseSchema live = SchemaInspector.inspect(engine);
        DatabaseSchema want = SchemaInspector.fromModels(engine.dialect(), classes.toArray(Class<?>[]::new));
        return historyTable == null ? SchemaDiff.between(live, want)
                : SchemaDiff.between(live, want, java.util.Set.of(historyTable));
    }
}
