package dev.sqlmodel.impl.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.FieldInfo;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.ModelInfo;
import dev.sqlmodel.SqlModel;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runtime reads from Jakarta Persistence annotations, and the mappings it refuses. The
 * refused ones are compiled here without the processor, which would report them at compile time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityMappingTest {
    private static final String HEAD = "package bad; import jakarta.persistence.*; import java.util.*; ";

    private URLClassLoader loader;

    @BeforeAll
    void compile(@TempDir Path dir) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("OneToManyTeam", "@Entity public class OneToManyTeam { @Id public long id;"
                + " @OneToMany public List<String> heroes; }");
        sources.put("ManyToOneHero", "@Entity public class ManyToOneHero { @Id public long id;"
                + " @ManyToOne public ManyToOneHero boss; }");
        sources.put("EmbeddedAddress", "@Entity public class EmbeddedAddress { @Id public long id;"
                + " @Embedded public String street; }");
        sources.put("Tagged", "@Entity public class Tagged { @Id public long id;"
                + " @ElementCollection public Set<Integer> counts; }");
        sources.put("EnumeratedText", "@Entity public class EnumeratedText { @Id public long id;"
                + " @Enumerated(EnumType.STRING) public String size; }");
        sources.put("SequenceKey", "@Entity public class SequenceKey { @Id @GeneratedValue(strategy ="
                + " GenerationType.SEQUENCE) public Long id; }");
        sources.put("GeneratedText", "@Entity public class GeneratedText { @Id @GeneratedValue public String id; }");
        sources.put("FieldAndColumn", "@Entity public class FieldAndColumn { @Id public long id;"
                + " @dev.sqlmodel.Field(maxLength = 3) @Column(length = 4) public String name; }");
        sources.put("BothVocabularies", "@Entity @dev.sqlmodel.Table public class BothVocabularies { @Id public long id; }");
        sources.put("JpaOnOurs", "@dev.sqlmodel.Table public class JpaOnOurs {"
                + " @dev.sqlmodel.Field(primaryKey = true) public Long id; @Transient public String note; }");
        sources.put("PropertyAccess", "@Entity public class PropertyAccess { private long id;"
                + " @Id public long getId() { return id; } public void setId(long id) { this.id = id; } }");
        sources.put("NoId", "@Entity public class NoId { public String name; }");
        sources.put("Base", "@Entity public class Base { @Id public long id; }");
        sources.put("Derived", "@Entity public class Derived extends Base { public String name; }");
        sources.put("PairUnique", "@Entity @Table(uniqueConstraints = @UniqueConstraint(columnNames = {\"a\", \"b\"}))"
                + " public class PairUnique { @Id public long id; public String a; public String b; }");
        sources.put("MissingColumn", "@Entity @Table(indexes = @Index(columnList = \"nope\"))"
                + " public class MissingColumn { @Id public long id; }");
        sources.put("Callback", "@Entity public class Callback { @Id public long id; @PrePersist void stamp() { } }");
        sources.put("Converted", "@Entity public class Converted { @Id public long id; @Convert public String x; }");
        sources.put("TwoKeys", "@Entity @IdClass(TwoKeys.class) public class TwoKeys { @Id public long a; @Id public long b;"
                + " public String name; }");
        sources.put("GeneratedPair", "@Entity public class GeneratedPair { @Id @GeneratedValue public Long a;"
                + " @Id public long b; }");
        sources.put("ReadOnly", "@Entity public class ReadOnly { @Id public long id;"
                + " @Column(insertable = false, updatable = false) public String total; @Lob public String text; }");
        sources.put("Sized", "@Entity @Table(name = \"Sizes\", schema = \"\") public class Sized { @Id public long id;"
                + " @Column(length = 255) public String plain; @Column(precision = 6) public java.math.BigDecimal amount;"
                + " @Column(length = 9) public Integer ignoredLength; }");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".java");
            Files.writeString(f, HEAD + e.getValue());
            files.add(f);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d", dir.toString(), "-cp",
                System.getProperty("java.class.path")));
        files.forEach(f -> args.add(f.toString()));
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])));
        loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @AfterAll
    void close() throws java.io.IOException {
        loader.close();
    }

    private Class<?> load(String name) throws ClassNotFoundException {
        return loader.loadClass("bad." + name);
    }

    private void assertRefused(String model, String names, String... says) throws Exception {
        MappingException e = assertThrows(MappingException.class, () -> SqlModel.info(load(model)));
        assertTrue(e.getMessage().contains("bad." + names), e.getMessage());
        for (String s : says) {
            assertTrue(e.getMessage().contains(s), e.getMessage());
        }
    }

    @Test
    void relationshipAnnotationsAreRefusedNamingWhatToUse() throws Exception {
        assertRefused("OneToManyTeam", "OneToManyTeam.heroes", "@jakarta.persistence.OneToMany", "RelatedMany");
        assertRefused("ManyToOneHero", "ManyToOneHero.boss", "@jakarta.persistence.ManyToOne", "foreignKey",
                "Related<T>");
        assertRefused("EmbeddedAddress", "EmbeddedAddress.street", "@jakarta.persistence.Embedded");
        assertRefused("Tagged", "Tagged.counts", "@jakarta.persistence.ElementCollection", "String or of an enum");
        assertRefused("Converted", "Converted.x", "@jakarta.persistence.Convert");
    }

    @Test
    void enumeratedNonEnumsAndOtherKeyGeneratorsAreRefused() throws Exception {
        assertRefused("EnumeratedText", "EnumeratedText.size", "@Enumerated applies to enum fields only", "String");
        assertRefused("SequenceKey", "SequenceKey.id", "SEQUENCE", "IDENTITY");
        assertRefused("GeneratedText", "GeneratedText.id", "integer key");
        assertRefused("GeneratedPair", "GeneratedPair.a", "composite key");
    }

    @Test
    void vocabulariesAreNotMixedOnOneElement() throws Exception {
        assertRefused("FieldAndColumn", "FieldAndColumn.name", "@dev.sqlmodel.Field", "@jakarta.persistence.Column");
        assertRefused("BothVocabularies", "BothVocabularies", "@dev.sqlmodel.Table", "@jakarta.persistence.Entity");
        assertRefused("JpaOnOurs", "JpaOnOurs.note", "@jakarta.persistence.Transient", "@dev.sqlmodel.Field");
    }

    @Test
    void classLevelMistakesAreRefused() throws Exception {
        assertRefused("PropertyAccess", "PropertyAccess.getId()", "annotate the field");
        assertRefused("NoId", "NoId", "@Id");
        assertRefused("Derived", "Derived", "inheritance", "@MappedSuperclass");
        assertRefused("PairUnique", "PairUnique", "a, b", "single-column");
        assertRefused("MissingColumn", "MissingColumn", "nope");
        assertRefused("Callback", "Callback.stamp()", "@jakarta.persistence.PrePersist", "callbacks");
    }

    @Test
    void compositeKeysReadOnlyColumnsAndDefaults() throws Exception {
        ModelInfo<?> twoKeys = SqlModel.info(load("TwoKeys"));
        assertEquals(List.of("a", "b"), twoKeys.primaryKey().stream().map(FieldInfo::column).toList());
        assertTrue(twoKeys.primaryKey().stream().noneMatch(FieldInfo::autoIncrement), "assigned keys");

        ModelInfo<?> readOnly = SqlModel.info(load("ReadOnly"));
        assertEquals(List.of("id", "total", "text"), readOnly.columnNames());
        assertTrue(((dev.sqlmodel.impl.meta.FieldMeta) readOnly.fields().get(1)).computed(),
                "insertable = updatable = false is a read-only column");

        ModelInfo<?> sized = SqlModel.info(load("Sized"));
        assertEquals("Sizes", sized.tableName(), "@Table(name) is taken as written");
        assertEquals(-1, sized.fields().get(1).maxLength(), "the default length 255 leaves the type to SQLModel");
        assertEquals(6, sized.fields().get(2).maxDigits());
        assertEquals(-1, sized.fields().get(3).maxLength(), "length applies to strings only");
    }

    @Test
    void elementCollectionsTravelThroughJson() {
        Article plum = Article.of("plum", 0.89, "TEST-18", Article.Department.GROCERY);
        String json = SqlModel.toJson(plum);
        assertTrue(json.contains("\"departments\":[\"GROCERY\"]"), json);
        assertTrue(!json.contains("surgePrice"), json);
        Article back = SqlModel.fromJson(Article.class, json.replace("[\"GROCERY\"]", "[\"GROCERY\",\"GARDEN\"]"));
        assertEquals(java.util.Set.of(Article.Department.GROCERY, Article.Department.GARDEN), back.getDepartments());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlModel.fromJson(Article.class,
                "{\"articleNum\": \"A\", \"name\": \"x\", \"departments\": [\"NOPE\"]}"));
        assertTrue(e.getMessage().contains("departments"), e.getMessage());
    }

    @Test
    void bothVocabulariesDescribeTheSameColumns() {
        ModelInfo<Sidekick> info = SqlModel.info(Sidekick.class);
        assertEquals("sidekicks", info.tableName());
        assertEquals(List.of("id", "sidekick_name", "alias", "fee", "rank", "code", "badge", "version"),
                info.columnNames());
        FieldInfo id = info.fields().get(0);
        assertTrue(id.primaryKey() && id.autoIncrement());
        FieldInfo name = info.fields().get(1);
        assertEquals(40, name.maxLength());
        assertTrue(!name.nullable());
        assertTrue(info.fields().get(2).unique(), "from @Table(uniqueConstraints)");
        assertEquals(8, info.fields().get(3).maxDigits());
        assertEquals(2, info.fields().get(3).decimalPlaces());
        assertTrue(info.fields().get(4).index(), "from @Table(indexes)");
        assertEquals("VARCHAR(12)", info.fields().get(5).sqlType(dev.sqlmodel.Dialect.POSTGRESQL));
        assertTrue(info.fields().get(6).unique());

        assertEquals("numeral", SqlModel.info(Numeral.class).tableName());
        assertEquals(List.of("id", "isodd", "numbitsrequired", "kind", "floorofsquareroot"),
                SqlModel.info(Numeral.class).columnNames());
        assertTrue(!SqlModel.info(Numeral.class).fields().get(0).autoIncrement(), "no @GeneratedValue: assigned key");
        assertTrue(!SqlModel.info(Numeral.class).fields().get(1).nullable(), "a primitive is NOT NULL");
        assertTrue(SqlModel.info(Numeral.class).fields().get(2).nullable());
    }
}
