package dev.sqlmodel.impl.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.FieldInfo;
import dev.sqlmodel.Key;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.ModelInfo;
import dev.sqlmodel.RelationshipInfo;
import dev.sqlmodel.SqlModel;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Link;
import dev.sqlmodel.impl.model.Note;
import dev.sqlmodel.impl.model.Powers;
import dev.sqlmodel.impl.rel.Team;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping rules of API.md section 1, and models that break them (checked without the processor). */
class ModelRegistryTest {

    /** A base without @Table contributing columns (SQLModel's HeroBase). */
    public static class HeroBase {
        public String name;
        @jakarta.validation.constraints.NotNull public String secretName;
    }

    /** A model inheriting its columns. */
    @dev.sqlmodel.Table
    public static class HeroTeamLinkedHero extends HeroBase {
        @dev.sqlmodel.Field(primaryKey = true) public Long id;
        public int power;
        public transient String scratch;
        public static String constant = "x";
        @dev.sqlmodel.Field(skip = true) public String skipped;
    }

    @Test
    void namesAreSnakeCaseAndTablesLowerCased() {
        ModelInfo<Hero> info = SqlModel.info(Hero.class);
        assertEquals("hero", info.tableName());
        assertEquals(List.of("id", "name", "secret_name", "age", "team_id"), info.columnNames());
        assertEquals("heroteamlinkedhero", SqlModel.info(HeroTeamLinkedHero.class).tableName());
        assertEquals("html_page", Naming.snakeCase("HTMLPage"));
        assertEquals("version2_id", Naming.snakeCase("version2Id"));
    }

    @Test
    void superclassFieldsComeFirstAndNonColumnsAreLeftOut() {
        ModelInfo<HeroTeamLinkedHero> info = SqlModel.info(HeroTeamLinkedHero.class);
        assertEquals(List.of("name", "secret_name", "id", "power"), info.columnNames());
    }

    @Test
    void nullabilityFollowsTheRule() {
        Map<String, Boolean> nullable = new java.util.HashMap<>();
        for (FieldInfo f : SqlModel.info(HeroTeamLinkedHero.class).fields()) {
            nullable.put(f.name(), f.nullable());
        }
        assertEquals(Map.of("name", true, "secretName", false, "id", false, "power", false), nullable);
        FieldInfo name = SqlModel.info(Hero.class).fields().get(1);
        assertFalse(name.nullable()); // @NotBlank
    }

    @Test
    void sqlTypesPerDialect() {
        ModelInfo<Powers> p = SqlModel.info(Powers.class);
        FieldInfo text = field(p, "text");
        assertEquals("TEXT", text.sqlType(Dialect.POSTGRESQL));
        assertEquals("VARCHAR(255)", text.sqlType(Dialect.MYSQL));
        assertEquals("VARCHAR(20)", field(p, "shortText").sqlType(Dialect.SQLITE));
        assertEquals("DECIMAL(10,2)", field(p, "price").sqlType(Dialect.MYSQL));
        assertEquals("UUID", field(p, "uuid").sqlType(Dialect.POSTGRESQL));
        assertEquals("CHAR(36)", field(p, "uuid").sqlType(Dialect.MYSQL));
        assertEquals("TIMESTAMP WITH TIME ZONE", field(p, "instant").sqlType(Dialect.POSTGRESQL));
        assertEquals("BYTEA", field(p, "bytes").sqlType(Dialect.POSTGRESQL));
        assertEquals("BIGINT", field(p, "longValue").sqlType(Dialect.POSTGRESQL));
    }

    @Test
    void keysRecordsAndRelationships() {
        ModelInfo<Link> link = SqlModel.info(Link.class);
        Link l = new Link(1L, 2L, true);
        assertEquals(Key.of(1L, 2L), link.primaryKeyValue(l));
        assertFalse(link.primaryKey().get(0).autoIncrement()); // composite keys are never generated
        ModelInfo<Note> note = SqlModel.info(Note.class);
        Note n = note.fromRow(Map.of("id", 4L, "body", "hi", "stars", 3));
        assertEquals(new Note(4L, "hi", 3), n);
        assertEquals(Map.of("id", 4L, "body", "hi", "stars", 3), note.toRow(n));
        assertTrue(note.isNew(new Note(null, "x", 1)));
        List<RelationshipInfo> rels = SqlModel.info(Team.class).relationships();
        assertEquals(RelationshipInfo.Kind.ONE_TO_MANY, rels.get(0).kind());
        assertEquals(RelationshipInfo.Kind.MANY_TO_MANY, rels.get(1).kind());
        assertEquals("team", rels.get(0).backPopulates());
        assertNull(rels.get(0).linkModel());
    }

    /** The processor turns these into compile errors; compiled without it they fail on first use. */
    @Test
    void invalidModelsFailOnFirstUseNamingClassAndField(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String imports = "package bad; import dev.sqlmodel.*; import java.util.List; ";
        Map<String, String> sources = Map.of(
                "NoKey", imports + "@Table public class NoKey { public String name; }",
                "BadType", imports + "@Table public class BadType { @Field(primaryKey = true) public Long id;"
                        + " public List<String> tags; }",
                "BadForeignKey", imports + "@Table public class BadForeignKey { @Field(primaryKey = true) public Long id;"
                        + " @Field(foreignKey = \"team\") public Long teamId; }",
                "BadRelationship", imports + "@Table public class BadRelationship { @Field(primaryKey = true)"
                        + " public Long id; @Relationship public Long team; }",
                "NoConstructor", imports + "@Table public class NoConstructor { @Field(primaryKey = true) public Long id;"
                        + " public NoConstructor(Long id) { this.id = id; } }");
        List<java.nio.file.Path> files = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            java.nio.file.Path f = dir.resolve(e.getKey() + ".java");
            java.nio.file.Files.writeString(f, e.getValue());
            files.add(f);
        }
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        List<String> args = new java.util.ArrayList<>(List.of("-proc:none", "-d", dir.toString(), "-cp",
                System.getProperty("java.class.path")));
        files.forEach(f -> args.add(f.toString()));
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])));
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            assertMapping(loader.loadClass("bad.NoKey"), "bad.NoKey", "primaryKey");
            assertMapping(loader.loadClass("bad.BadType"), "bad.BadType.tags", "unsupported field type");
            assertMapping(loader.loadClass("bad.BadForeignKey"), "bad.BadForeignKey.teamId", "table.column");
            assertMapping(loader.loadClass("bad.BadRelationship"), "bad.BadRelationship.team", "Related");
            assertMapping(loader.loadClass("bad.NoConstructor"), "bad.NoConstructor", "no-argument constructor");
        }
        assertMapping(String.class, "java.lang.String", "@Table");
    }

    private static void assertMapping(Class<?> type, String names, String says) {
        MappingException e = assertThrows(MappingException.class, () -> SqlModel.info(type));
        assertTrue(e.getMessage().contains(names) && e.getMessage().contains(says), e.getMessage());
    }

    private static FieldInfo field(ModelInfo<?> info, String name) {
        return info.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
