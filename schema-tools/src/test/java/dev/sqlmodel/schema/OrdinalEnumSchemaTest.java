package dev.sqlmodel.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;

/** An entity's enum kept by ordinal is an integer column in the schema the tools compare. */
class OrdinalEnumSchemaTest extends SchemaTestBase {
    /**
     * Compiled here without the annotation processor, so that it stays out of this module's models
     * index: the command-line tests run the tool on that index without jakarta.persistence-api.
     */
    private static final String SOURCE = "package ordinal;\n"
            + "import jakarta.persistence.*;\n"
            + "@Entity public class MigRanked {\n"
            + "    public enum Kind { ONE, PRIME, COMPOSITE }\n"
            + "    @Id public long id;\n"
            + "    public Kind kind;\n"
            + "    @Enumerated(EnumType.STRING) public Kind named;\n"
            + "}\n";
    private static Class<?> ranked;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {ranked()};
    }

    private static synchronized Class<?> ranked() {
        if (ranked == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "ordinal-entity"));
                Path source = Files.writeString(Files.createDirectories(dir.resolve("ordinal")).resolve("MigRanked.java"),
                        SOURCE);
                int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d",
                        dir.toString(), "-cp", System.getProperty("java.class.path"), source.toString());
                assertEquals(0, code, "compiling " + source);
                @SuppressWarnings("resource") // kept open for the classes it loads, for the whole run
                URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                        OrdinalEnumSchemaTest.class.getClassLoader());
                ranked = loader.loadClass("ordinal.MigRanked");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return ranked;
    }

    @DbTest
    void anOrdinalEnumIsASmallIntegerColumnAndCreateAllLeavesNoDiff(Db db) {
        wipe(db);
        Engine engine = engine(db);
        engine.createAll();
        DatabaseSchema live = SchemaInspector.inspect(engine);
        TableSchema ranked = live.table("migranked").orElseThrow();
        assertEquals("SMALLINT", ranked.column("kind").orElseThrow().type());
        assertTrue(ranked.column("named").orElseThrow().type().startsWith("VARCHAR"),
                ranked.column("named").orElseThrow().type());
        assertEquals(List.of(), SchemaDiffDatabaseTest.describe(
                SchemaDiff.between(live, SchemaInspector.fromModels(engine.dialect(), models()))));
    }

    @DbTest
    void aColumnThatKeptNamesIsChangedToAnInteger(Db db) {
        wipe(db);
        // the table as createAll() wrote it while every enum was kept by name
        exec(db, "CREATE TABLE migranked (id " + (db == Db.SQLITE ? "INTEGER" : "BIGINT")
                + " NOT NULL PRIMARY KEY, kind VARCHAR(32), named VARCHAR(32))");
        Engine engine = engine(db);
        List<SchemaChange> changes = SchemaDiff.between(SchemaInspector.inspect(engine),
                SchemaInspector.fromModels(engine.dialect(), models()));
        List<AlterColumn> altered = changes.stream().filter(AlterColumn.class::isInstance).map(AlterColumn.class::cast)
                .toList();
        assertEquals(List.of("kind"), altered.stream().map(AlterColumn::column).toList(),
                SchemaDiffDatabaseTest.describe(changes).toString());
        assertEquals("VARCHAR(32)", altered.get(0).from().type());
        assertEquals("SMALLINT", altered.get(0).to().type());
        assertFalse(changes.stream().anyMatch(c -> c instanceof AlterColumn a && a.column().equals("named")));
    }
}
