package dev.sqlmodel.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.sqlmodel.processor.ProcessorHarness.compile;
import static dev.sqlmodel.processor.ProcessorHarness.generatedSource;
import static dev.sqlmodel.processor.ProcessorHarness.indexLines;
import static dev.sqlmodel.processor.ProcessorHarness.loader;
import static dev.sqlmodel.processor.ProcessorHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sqlmodel.Column;
import jakarta.data.metamodel.Attribute;
import jakarta.data.metamodel.SortableAttribute;
import jakarta.data.metamodel.StaticMetamodel;
import jakarta.data.metamodel.TextAttribute;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Models written with Jakarta Persistence annotations, and the Jakarta Data static metamodel of every model. */
class PersistenceModelsTest {

    /** An entity in the shape of the Jakarta Data TCK's: private fields, an assigned key, a char. */
    private static JavaFileObject hero(String... extra) {
        String[] head = {
            "package com.acme;",
            "import jakarta.persistence.*;",
            "@Entity public class Hero {",
            "    public enum Rank { LOW, HIGH }",
            "    @Id private long id;",
            "    private String name;",
            "    private char grade;",
            "    private Rank rank;",
            "    private Double power;",
            "    private byte[] photo;",
            "    @Transient private String note;",
            "    private transient String scratch;",
            "    @Version private long version;"};
        String[] lines = Arrays.copyOf(head, head.length + extra.length + 1);
        System.arraycopy(extra, 0, lines, head.length, extra.length);
        lines[lines.length - 1] = "}";
        return source("com.acme.Hero", lines);
    }

    @Test
    void anEntityIsCheckedIndexedAndGetsItsMetamodel() throws Exception {
        Compilation c = compile(hero());
        assertThat(c).succeeded();
        assertEquals(List.of("com.acme.Hero"), indexLines(c));
        String metamodel = generatedSource(c, "com.acme.Hero_");
        assertTrue(metamodel.contains("public static final String TABLE = \"hero\";"), metamodel);
        assertTrue(metamodel.contains("Column<com.acme.Hero, java.lang.Character> grade"), metamodel);
        assertFalse(metamodel.contains("note") || metamodel.contains("scratch"), "transient fields are no columns");
        Column<?, ?> grade = (Column<?, ?>) loader(c).loadClass("com.acme.Hero_").getField("grade").get(null);
        assertEquals(Character.class, grade.javaType());
    }

    @Test
    void theTableIsTheEntityNameOrTheTableAnnotationsName() {
        Compilation named = compile(source("com.acme.Hero",
                "package com.acme;",
                "@jakarta.persistence.Entity(name = \"Champion\") public class Hero {",
                "    @jakarta.persistence.Id public long id;",
                "}"));
        assertThat(named).succeeded();
        assertTrue(generatedSource(named, "com.acme.Hero_").contains("TABLE = \"champion\""));
        Compilation table = compile(source("com.acme.Hero",
                "package com.acme;",
                "import jakarta.persistence.*;",
                "@Entity @Table(name = \"Heroes\", schema = \"league\") public class Hero {",
                "    @Id public long id;",
                "}"));
        assertThat(table).succeeded();
        assertTrue(generatedSource(table, "com.acme.Hero_").contains("TABLE = \"Heroes\""));
    }

    @Test
    void theStaticMetamodelNamesEveryAttribute() throws Exception {
        Compilation c = compile(hero());
        assertThat(c).succeeded();
        ClassLoader loader = loader(c);
        Class<?> type = loader.loadClass("com.acme._Hero");
        assertEquals(loader.loadClass("com.acme.Hero"), type.getAnnotation(StaticMetamodel.class).value());
        assertEquals("id", type.getField("ID").get(null));
        assertEquals("name", type.getField("NAME").get(null));
        assertEquals("version", type.getField("VERSION").get(null));
        assertTextAttribute(type, "name");
        assertTextAttribute(type, "grade");
        for (String sortable : List.of("id", "rank", "power", "version")) {
            Object attribute = type.getField(sortable).get(null);
            assertTrue(attribute instanceof SortableAttribute<?> && !(attribute instanceof TextAttribute<?>), sortable);
            assertEquals(sortable, ((Attribute<?>) attribute).name());
        }
        Object photo = type.getField("photo").get(null);
        assertFalse(photo instanceof SortableAttribute<?>, "bytes have no order");
        assertEquals("photo", ((Attribute<?>) photo).name());
        assertTrue(Arrays.stream(type.getFields()).noneMatch(f -> f.getName().equalsIgnoreCase("note")));
    }

    private static void assertTextAttribute(Class<?> type, String field) throws Exception {
        Object attribute = type.getField(field).get(null);
        assertTrue(attribute instanceof TextAttribute<?>, field);
        assertEquals(field, ((TextAttribute<?>) attribute).name());
        assertEquals(field, ((TextAttribute<?>) attribute).ascIgnoreCase().property());
    }

    @Test
    void sqlModelTablesAndNestedModelsGetOneToo() throws Exception {
        Compilation c = compile(source("com.acme.League",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "public class League {",
                "    @Table public static class Team {",
                "        @Field(primaryKey = true) public Long id;",
                "        public String name;",
                "        public RelatedMany<Team> rivals;",
                "    }",
                "}"));
        assertThat(c).succeeded();
        Class<?> type = loader(c).loadClass("com.acme._League_Team");
        assertEquals("name", type.getField("NAME").get(null));
        assertTrue(type.getField("id").get(null) instanceof SortableAttribute<?>);
        assertTrue(Arrays.stream(type.getFields()).noneMatch(f -> f.getName().equals("rivals")),
                "a relationship is no attribute");
    }

    @Test
    void aHandWrittenStaticMetamodelIsKept() {
        JavaFileObject own = source("com.acme._Hero",
                "package com.acme;",
                "@jakarta.data.metamodel.StaticMetamodel(Hero.class)",
                "public class _Hero {",
                "    public static final String ID = \"id\";",
                "    public static final jakarta.data.metamodel.SortableAttribute<Hero> id =",
                "            new jakarta.data.metamodel.impl.SortableAttributeRecord<>(\"id\");",
                "}");
        Compilation c = compile(hero(), own);
        assertThat(c).succeeded();
        assertTrue(c.generatedSourceFile("com.acme._Hero").isEmpty(), "the hand-written class stays alone");
        assertTrue(c.generatedSourceFile("com.acme.Hero_").isPresent());
    }

    @Test
    void withoutJakartaDataThereIsNoStaticMetamodel() {
        List<File> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("jakarta.data-api"))
                .map(File::new)
                .toList();
        Compilation c = javac().withClasspath(classPath).withProcessors(new ModelProcessor()).compile(hero());
        assertThat(c).succeeded();
        assertTrue(c.generatedSourceFile("com.acme._Hero").isEmpty());
        assertTrue(c.generatedSourceFile("com.acme.Hero_").isPresent());
    }

    @Test
    void constantsThatWouldClashAreLeftOut() throws Exception {
        Compilation c = compile(source("com.acme.Pair",
                "package com.acme;",
                "@jakarta.persistence.Entity public class Pair {",
                "    @jakarta.persistence.Id public long id;",
                "    public int ID;",
                "    public String name;",
                "}"));
        assertThat(c).succeeded();
        Class<?> type = loader(c).loadClass("com.acme._Pair");
        assertTrue(type.getField("ID").get(null) instanceof SortableAttribute<?>, "the field ID, not a constant");
        assertEquals("name", type.getField("NAME").get(null));
    }

    private static Compilation compileEntity(String... body) {
        String[] lines = new String[body.length + 5];
        lines[0] = "package com.acme;";
        lines[1] = "import jakarta.persistence.*;";
        lines[2] = "import java.util.*;";
        lines[3] = "@Entity public class Hero {";
        System.arraycopy(body, 0, lines, 4, body.length);
        lines[lines.length - 1] = "}";
        return compile(source("com.acme.Hero", lines));
    }

    @Test
    void unsupportedMappingsAreCompileErrorsSayingWhatToUse() {
        Compilation c = compileEntity(
                "@Id public long id;",
                "@OneToMany public List<Hero> friends;",
                "@ManyToOne public Hero boss;",
                "@ElementCollection public Map<String, String> tags;",
                "@Enumerated(EnumType.STRING) public String state;");
        assertThat(c).hadErrorContaining("com.acme.Hero.friends: @jakarta.persistence.OneToMany is not supported; "
                + "use a dev.sqlmodel.RelatedMany<T> field");
        assertThat(c).hadErrorContaining("com.acme.Hero.boss: @jakarta.persistence.ManyToOne is not supported; "
                + "map the foreign key as a column");
        assertThat(c).hadErrorContaining("com.acme.Hero.tags: @jakarta.persistence.ElementCollection is supported on a "
                + "Set, List or Collection of String or of an enum only");
        assertThat(c).hadErrorContaining("com.acme.Hero.state: @Enumerated applies to enum fields only, not "
                + "java.lang.String");
        assertThat(c).hadErrorCount(4);
    }

    @Test
    void keysMustBeDeclaredOnFieldsAndGeneratedOnlyWhenIntegers() {
        assertThat(compileEntity("@Id @GeneratedValue public String id;"))
                .hadErrorContaining("com.acme.Hero.id: @GeneratedValue needs an integer key");
        assertThat(compileEntity("@Id @GeneratedValue(strategy = GenerationType.SEQUENCE) public Long id;"))
                .hadErrorContaining("@GeneratedValue(strategy = SEQUENCE) is not supported; use GenerationType.IDENTITY");
        assertThat(compileEntity("@Id @GeneratedValue public Long a;", "@Id public long b;"))
                .hadErrorContaining("com.acme.Hero.a: @GeneratedValue on a composite key");
        assertThat(compileEntity("public String name;"))
                .hadErrorContaining("com.acme.Hero: an @Entity needs an @Id field");
        Compilation property = compileEntity("private long id;", "@Id public long getId() { return id; }");
        assertThat(property).hadErrorContaining("com.acme.Hero.getId(): @jakarta.persistence.Id is not supported; "
                + "annotate the field instead");
        assertThat(compileEntity("@Id public long id;", "@PrePersist void stamp() { }"))
                .hadErrorContaining("life-cycle callbacks are not run");
        assertThat(compileEntity("@Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;")).succeeded();
    }

    @Test
    void theTwoVocabulariesAreNotMixedOnOneElement() {
        assertThat(compileEntity("@Id public long id;", "@dev.sqlmodel.Field(maxLength = 3) @Column(length = 4) public String name;"))
                .hadErrorContaining("com.acme.Hero.name: has both @dev.sqlmodel.Field and @jakarta.persistence.Column");
        assertThat(compile(source("com.acme.Hero",
                "package com.acme;",
                "@jakarta.persistence.Entity @dev.sqlmodel.Table public class Hero {",
                "    @jakarta.persistence.Id @dev.sqlmodel.Field(primaryKey = true) public long id;",
                "}")))
                .hadErrorContaining("com.acme.Hero: annotated both @dev.sqlmodel.Table and @jakarta.persistence.Entity");
        assertThat(compile(source("com.acme.Hero",
                "package com.acme;",
                "@dev.sqlmodel.Table public class Hero {",
                "    @dev.sqlmodel.Field(primaryKey = true) public Long id;",
                "    @jakarta.persistence.Transient public String note;",
                "}")))
                .hadErrorContaining("com.acme.Hero.note: @jakarta.persistence.Transient on a @dev.sqlmodel.Table model");
    }

    @Test
    void entityInheritanceAndCompositeUniqueConstraintsAreRefused() {
        JavaFileObject base = source("com.acme.Person",
                "package com.acme;",
                "@jakarta.persistence.Entity public class Person { @jakarta.persistence.Id public long id; }");
        JavaFileObject derived = source("com.acme.Hero",
                "package com.acme;",
                "@jakarta.persistence.Entity public class Hero extends Person { public String name; }");
        assertThat(compile(base, derived)).hadErrorContaining("com.acme.Hero: extends the entity com.acme.Person; "
                + "entity inheritance is not supported, make the superclass a @MappedSuperclass");
        assertThat(compile(source("com.acme.Hero",
                "package com.acme;",
                "import jakarta.persistence.*;",
                "@Entity @Table(uniqueConstraints = @UniqueConstraint(columnNames = {\"a\", \"b\"}))",
                "public class Hero { @Id public long id; public String a; public String b; }")))
                .hadErrorContaining("unique constraint on a, b is not supported");
    }

    @Test
    void enumsByOrdinalOrByNameAreColumnsTypedByTheEnum() throws Exception {
        Compilation c = compile(source("com.acme.Number",
                "package com.acme;",
                "import jakarta.persistence.*;",
                "@Entity public class Number {",
                "    public enum Kind { ONE, PRIME, COMPOSITE }",
                "    @Id private long id;",
                "    private Kind kind;",
                "    @Enumerated(EnumType.ORDINAL) private Kind byOrdinal;",
                "    @Enumerated(EnumType.STRING) private Kind byName;",
                "}"));
        assertThat(c).succeeded();
        String metamodel = generatedSource(c, "com.acme.Number_");
        ClassLoader loader = loader(c);
        Class<?> type = loader.loadClass("com.acme.Number_");
        Class<?> kind = loader.loadClass("com.acme.Number$Kind");
        for (String field : List.of("kind", "byOrdinal", "byName")) {
            assertTrue(metamodel.contains("Column<com.acme.Number, com.acme.Number.Kind> " + field), metamodel);
            assertEquals(kind, ((Column<?, ?>) type.getField(field).get(null)).javaType(), field);
        }
        assertTrue(loader.loadClass("com.acme._Number").getField("kind").get(null) instanceof SortableAttribute<?>);
    }

    @Test
    void aProductWithASetOfEnumsMaps() throws Exception {
        Compilation c = compile(source("com.acme.Product",
                "package com.acme;",
                "import jakarta.persistence.*;",
                "import java.util.Set;",
                "@Entity public class Product {",
                "    public enum Department { GROCERY, TOOLS }",
                "    @ElementCollection(fetch = FetchType.EAGER) private Set<Department> departments;",
                "    @Basic(optional = false) private String name;",
                "    @Basic(optional = false) @Id private String productNum;",
                "    @Transient private Double surgePrice;",
                "    @Version private long versionNum;",
                "}"));
        assertThat(c).succeeded();
        Class<?> type = loader(c).loadClass("com.acme._Product");
        Object departments = type.getField("departments").get(null);
        assertFalse(departments instanceof SortableAttribute<?>, "a collection has no order");
        assertEquals("departments", ((Attribute<?>) departments).name());
        assertTrue(type.getField("productNum").get(null) instanceof TextAttribute<?>);
        assertEquals("versionNum", type.getField("VERSIONNUM").get(null));
    }

    @Test
    void recordsAndMappedSuperclassesAreFine() throws Exception {
        JavaFileObject base = source("com.acme.Named",
                "package com.acme;",
                "@jakarta.persistence.MappedSuperclass public abstract class Named { public String name; }");
        JavaFileObject hero = source("com.acme.Hero",
                "package com.acme;",
                "@jakarta.persistence.Entity public class Hero extends Named { @jakarta.persistence.Id public long id; }");
        JavaFileObject badge = source("com.acme.Badge",
                "package com.acme;",
                "@jakarta.persistence.Entity public record Badge(@jakarta.persistence.Id long id, String label) { }");
        Compilation c = compile(base, hero, badge);
        assertThat(c).succeeded();
        assertEquals(List.of("com.acme.Badge", "com.acme.Hero"), indexLines(c));
        assertTrue(generatedSource(c, "com.acme.Hero_").contains("> name ="));
        assertEquals("label", loader(c).loadClass("com.acme._Badge").getField("LABEL").get(null));
    }
}
