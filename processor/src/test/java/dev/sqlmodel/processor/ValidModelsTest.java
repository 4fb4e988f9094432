package dev.sqlmodel.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
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
import dev.sqlmodel.RelationshipRef;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValidModelsTest {
    private static final JavaFileObject POWER = source("com.acme.Power",
            "package com.acme;",
            "public enum Power { FLY, SWIM }");
    private static final JavaFileObject KEYED = source("com.acme.Keyed",
            "package com.acme;",
            "import dev.sqlmodel.Field;",
            "public class Keyed<K> {",
            "    @Field(primaryKey = true) public K id;",
            "}");
    private static final JavaFileObject HERO_BASE = source("com.acme.HeroBase",
            "package com.acme;",
            "import dev.sqlmodel.Field;",
            "public class HeroBase extends Keyed<Long> {",
            "    @Field(index = true) public String name;",
            "    public Integer age;",
            "    static int created;",
            "}");
    private static final JavaFileObject HERO = source("com.acme.Hero",
            "package com.acme;",
            "import dev.sqlmodel.*;",
            "import java.math.BigDecimal;",
            "import java.time.*;",
            "import java.util.List;",
            "import java.util.UUID;",
            "@Table",
            "public class Hero extends HeroBase {",
            "    public static final String KIND = \"hero\";",
            "    public int level;",
            "    public boolean active;",
            "    public double score;",
            "    public float ratio;",
            "    public short rank;",
            "    public byte flags;",
            "    public long points;",
            "    public Power power;",
            "    public byte[] avatar;",
            "    @Field(maxDigits = 10, decimalPlaces = 2) public BigDecimal salary;",
            "    public UUID uuid;",
            "    public LocalDate born;",
            "    public LocalTime wakesUp;",
            "    public LocalDateTime joined;",
            "    public OffsetDateTime updated;",
            "    public Instant seen;",
            "    public Duration shift;",
            "    @Field(maxLength = 50) private String secretName;",
            "    @Field(foreignKey = \"team.id\", onDelete = ReferentialAction.SET_NULL) public Long teamId;",
            "    @Version public long version;",
            "    @Field(skip = true) public List<String> notes;",
            "    transient String cache;",
            "    @Relationship(backPopulates = \"heroes\", foreignKey = \"teamId\") public Related<Team> team = Related.empty();",
            "    public Hero() {}",
            "    public Hero(String name) { this.name = name; }",
            "}");
    private static final JavaFileObject TEAM = source("com.acme.Team",
            "package com.acme;",
            "import dev.sqlmodel.*;",
            "@Table(name = \"team\")",
            "public class Team {",
            "    @Field(primaryKey = true) public Integer id;",
            "    public String name;",
            "    @Relationship(backPopulates = \"team\") public RelatedMany<Hero> heroes = RelatedMany.empty();",
            "    @Relationship(linkModel = HeroTeamLink.class) public RelatedMany<Hero> members = RelatedMany.empty();",
            "    Team() {}",
            "}");
    private static final JavaFileObject LINK = source("com.acme.HeroTeamLink",
            "package com.acme;",
            "import dev.sqlmodel.*;",
            "@Table",
            "public class HeroTeamLink {",
            "    @Field(primaryKey = true, foreignKey = \"hero.id\") public Long heroId;",
            "    @Field(primaryKey = true, foreignKey = \"team.id\") public Long teamId;",
            "}");
    private static final JavaFileObject MISSION = source("com.acme.Mission",
            "package com.acme;",
            "import dev.sqlmodel.*;",
            "@Table(schema = \"ops\")",
            "public record Mission(@Field(primaryKey = true) Long id, @Field(maxLength = 80) String title, int difficulty) {}");
    private static final JavaFileObject OUTER = source("com.acme.Outer",
            "package com.acme;",
            "import dev.sqlmodel.*;",
            "public class Outer {",
            "    @Table public static class Sidekick {",
            "        @Field(primaryKey = true) Long id;",
            "        String name;",
            "    }",
            "    @Table public record Gadget(@Field(primaryKey = true) long id, Power power) {}",
            "}");

    private static Compilation compilation;

    @BeforeAll
    static void compileModels() {
        compilation = compile(POWER, KEYED, HERO_BASE, HERO, TEAM, LINK, MISSION, OUTER);
    }

    @Test
    void modelsCompileWithoutErrors() {
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void heroMetamodelListsInheritedColumnsFirstWithBoxedTypes() throws Exception {
        Map<String, Class<?>> expected = new LinkedHashMap<>();
        expected.put("id", Long.class);
        expected.put("name", String.class);
        expected.put("age", Integer.class);
        expected.put("level", Integer.class);
        expected.put("active", Boolean.class);
        expected.put("score", Double.class);
        expected.put("ratio", Float.class);
        expected.put("rank", Short.class);
        expected.put("flags", Byte.class);
        expected.put("points", Long.class);
        expected.put("avatar", byte[].class);
        expected.put("salary", BigDecimal.class);
        expected.put("uuid", UUID.class);
        expected.put("born", LocalDate.class);
        expected.put("wakesUp", LocalTime.class);
        expected.put("joined", LocalDateTime.class);
        expected.put("updated", OffsetDateTime.class);
        expected.put("seen", Instant.class);
        expected.put("shift", Duration.class);
        expected.put("secretName", String.class);
        expected.put("teamId", Long.class);
        expected.put("version", Long.class);

        ClassLoader loader = loader(compilation);
        Class<?> hero = loader.loadClass("com.acme.Hero");
        Class<?> metamodel = loader.loadClass("com.acme.Hero_");
        assertTrue(Modifier.isFinal(metamodel.getModifiers()));
        assertEquals(1, metamodel.getDeclaredConstructors().length);
        assertTrue(Modifier.isPrivate(metamodel.getDeclaredConstructors()[0].getModifiers()));
        for (Map.Entry<String, Class<?>> e : expected.entrySet()) {
            Column<?, ?> column = (Column<?, ?>) metamodel.getField(e.getKey()).get(null);
            assertEquals(hero, column.model(), e.getKey());
            assertEquals(e.getKey(), column.field());
            assertEquals(e.getValue(), column.javaType(), e.getKey());
        }
        Column<?, ?> power = (Column<?, ?>) metamodel.getField("power").get(null);
        assertEquals(loader.loadClass("com.acme.Power"), power.javaType());
        assertEquals("hero", metamodel.getField("TABLE").get(null));

        String source = generatedSource(compilation, "com.acme.Hero_");
        int previous = -1;
        for (String name : expected.keySet()) {
            int at = source.indexOf("> " + name + " = ");
            assertTrue(at > previous, name + " out of declaration order in\n" + source);
            previous = at;
        }
        assertTrue(source.contains("Column<com.acme.Hero, byte[]> avatar = Column.of(com.acme.Hero.class, \"avatar\", byte[].class);"), source);
    }

    @Test
    void skippedStaticAndTransientFieldsAreNotColumns() throws Exception {
        Class<?> metamodel = loader(compilation).loadClass("com.acme.Hero_");
        List<String> names = List.of(metamodel.getFields()).stream().map(Field::getName).toList();
        assertFalse(names.contains("notes"), names.toString());
        assertFalse(names.contains("cache"), names.toString());
        assertFalse(names.contains("created"), names.toString());
        assertFalse(names.contains("KIND"), names.toString());
    }

    @Test
    void relationshipsBecomeRelationshipRefsToTheirTarget() throws Exception {
        ClassLoader loader = loader(compilation);
        Class<?> hero = loader.loadClass("com.acme.Hero");
        Class<?> team = loader.loadClass("com.acme.Team");
        RelationshipRef<?, ?> toTeam = (RelationshipRef<?, ?>) loader.loadClass("com.acme.Hero_").getField("team").get(null);
        assertEquals(hero, toTeam.model());
        assertEquals("team", toTeam.name());
        assertEquals(team, toTeam.target());
        Class<?> teamMetamodel = loader.loadClass("com.acme.Team_");
        for (String name : List.of("heroes", "members")) {
            RelationshipRef<?, ?> ref = (RelationshipRef<?, ?>) teamMetamodel.getField(name).get(null);
            assertEquals(team, ref.model());
            assertEquals(hero, ref.target());
        }
        assertEquals("team", teamMetamodel.getField("TABLE").get(null));
    }

    @Test
    void recordComponentsAreColumns() throws Exception {
        ClassLoader loader = loader(compilation);
        Class<?> metamodel = loader.loadClass("com.acme.Mission_");
        assertEquals("mission", metamodel.getField("TABLE").get(null));
        assertEquals(Long.class, ((Column<?, ?>) metamodel.getField("id").get(null)).javaType());
        assertEquals(String.class, ((Column<?, ?>) metamodel.getField("title").get(null)).javaType());
        assertEquals(Integer.class, ((Column<?, ?>) metamodel.getField("difficulty").get(null)).javaType());
    }

    @Test
    void nestedModelsGetTheOuterNameInTheirMetamodel() throws Exception {
        ClassLoader loader = loader(compilation);
        Class<?> sidekick = loader.loadClass("com.acme.Outer$Sidekick");
        Column<?, ?> name = (Column<?, ?>) loader.loadClass("com.acme.Outer_Sidekick_").getField("name").get(null);
        assertEquals(sidekick, name.model());
        assertEquals("sidekick", loader.loadClass("com.acme.Outer_Sidekick_").getField("TABLE").get(null));
        Column<?, ?> id = (Column<?, ?>) loader.loadClass("com.acme.Outer_Gadget_").getField("id").get(null);
        assertEquals(Long.class, id.javaType());
        assertTrue(generatedSource(compilation, "com.acme.Outer_Sidekick_").contains("Column<com.acme.Outer.Sidekick, java.lang.String> name"));
    }

    @Test
    void compositeKeyLinkModelGetsBothKeyColumns() throws Exception {
        Class<?> metamodel = loader(compilation).loadClass("com.acme.HeroTeamLink_");
        assertEquals("heroteamlink", metamodel.getField("TABLE").get(null));
        assertEquals("heroId", ((Column<?, ?>) metamodel.getField("heroId").get(null)).field());
        assertEquals("teamId", ((Column<?, ?>) metamodel.getField("teamId").get(null)).field());
    }

    @Test
    void indexListsEveryModelSortedByBinaryName() {
        assertEquals(
                List.of("com.acme.Hero", "com.acme.HeroTeamLink", "com.acme.Mission",
                        "com.acme.Outer$Gadget", "com.acme.Outer$Sidekick", "com.acme.Team"),
                indexLines(compilation));
    }

    @Test
    void membersNamedLikeTheApiTypesOrTheTableConstantStillCompile() {
        Compilation odd = compile(source("com.acme.Odd",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "@Table",
                "public class Odd {",
                "    @Field(primaryKey = true) public Long Column;",
                "    public String TABLE;",
                "    public String java;",
                "}"));
        assertThat(odd).succeeded();
        String source = generatedSource(odd, "com.acme.Odd_");
        assertTrue(source.contains("dev.sqlmodel.Column.of(com.acme.Odd.class, \"Column\""), source);
        assertFalse(source.contains("String TABLE ="), source);
    }

    @Test
    void defaultPackageModelsWork() throws Exception {
        Compilation plain = compile(source("Thing",
                "import dev.sqlmodel.*;",
                "@Table public class Thing { @Field(primaryKey = true) Long id; }"));
        assertThat(plain).succeededWithoutWarnings();
        assertEquals("thing", loader(plain).loadClass("Thing_").getField("TABLE").get(null));
        assertEquals(List.of("Thing"), indexLines(plain));
    }
}
