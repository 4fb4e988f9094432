package dev.sqlmodel.schema.cli;

import dev.sqlmodel.Engine;
import dev.sqlmodel.schema.DatabaseSchema;
import dev.sqlmodel.schema.SchemaInspector;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sqlmodel inspect}: prints the live schema. */
@Command(name = "inspect", description = "Print the tables, columns, keys and indexes of the database.")
final class InspectCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Engine engine = db.engine()) {
            DatabaseSchema schema = SchemaInspector.inspect(engine);
            var out = spec.commandLine().getOut();
            out.println(db.json ? Json.write(SchemaText.json(schema)) : SchemaText.text(schema).stripTrailing());
        }
        return 0;
    }
}
