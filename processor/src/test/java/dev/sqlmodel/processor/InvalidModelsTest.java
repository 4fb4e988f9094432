package dev.sqlmodel.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sqlmodel.processor.ProcessorHarness.compile;
import static dev.sqlmodel.processor.ProcessorHarness.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class InvalidModelsTest {
    private static final JavaFileObject TEAM = source("com.acme.Team",
            "package com.acme;",
            "import dev.sqlmodel.*;",
            "@Table public class Team { @Field(primaryKey = true) public Long id; }");

    /** A Hero model whose body is {@code members}. */
    private static JavaFileObject hero(String... members) {
        String[] lines = new String[members.length + 6];
        lines[0] = "package com.acme;";
        lines[1] = "import dev.sqlmodel.*;";
        lines[2] = "import java.util.*;";
        lines[3] = "@Table public class Hero {";
        lines[4] = "    @Field(primaryKey = true) public Long id;";
        System.arraycopy(members, 0, lines, 5, members.length);
        lines[lines.length - 1] = "}";
        return source("com.acme.Hero", lines);
    }

    private static Compilation compileHero(String... members) {
        return compile(TEAM, hero(members));
    }

    @Test
    void unsupportedFieldType() {
        Compilation c = compileHero("public List<String> tags;");
        assertThat(c).hadErrorContaining("com.acme.Hero.tags: unsupported field type java.util.List<java.lang.String>");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void sqlTypeDoesNotExcuseAnUnsupportedJavaType() {
        assertThat(compileHero("@Field(sqlType = \"jsonb\") public Object payload;"))
                .hadErrorContaining("com.acme.Hero.payload: unsupported field type java.lang.Object");
    }

    @Test
    void modelClassAsColumnTypeIsUnsupported() {
        assertThat(compileHero("public Team team;")).hadErrorContaining("com.acme.Hero.team: unsupported field type com.acme.Team");
    }

    @Test
    void charArrayIsUnsupported() {
        assertThat(compileHero("public char[] grades;")).hadErrorContaining("com.acme.Hero.grades: unsupported field type char[]");
    }

    @Test
    void twoIntegerKeysWithExplicitAutoIncrement() {
        Compilation c = compile(source("com.acme.Link",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "@Table public class Link {",
                "    @Field(primaryKey = true, autoIncrement = true) public Long heroId;",
                "    @Field(primaryKey = true) public int teamId;",
                "}"));
        assertThat(c).hadErrorContaining("com.acme.Link.heroId: two auto-increment keys heroId and teamId");
    }

    @Test
    void compositeKeysWithDefaultsOrAnExplicitOptOutAreFine() {
        assertThat(compile(source("com.acme.Link",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "@Table public class Link {",
                "    @Field(primaryKey = true) public Long heroId;",
                "    @Field(primaryKey = true) public Long teamId;",
                "}"))).succeededWithoutWarnings();
        assertThat(compile(source("com.acme.Link",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "@Table public class Link {",
                "    @Field(primaryKey = true, autoIncrement = true) public Long heroId;",
                "    @Field(primaryKey = true, autoIncrement = false) public Long teamId;",
                "}"))).succeededWithoutWarnings();
    }

    @Test
    void fieldForeignKeyMustBeTableDotColumn() {
        for (String bad : new String[] {"team", "team.", ".id", "team.id.x", "te am.id", "1team.id"}) {
            assertThat(compileHero("@Field(foreignKey = \"" + bad + "\") public Long teamId;"))
                    .hadErrorContaining("com.acme.Hero.teamId: foreignKey \"" + bad + "\" must have the form table.column");
        }
    }

    @Test
    void relationshipForeignKeyMustBeAPlainName() {
        Compilation c = compileHero(
                "public Long teamId;",
                "@Relationship(foreignKey = \"team.id\") public Related<Team> team;");
        assertThat(c).hadErrorContaining("com.acme.Hero.team: @Relationship foreignKey \"team.id\" must be a single column or field name");
        assertThat(compileHero(
                "public Long teamId;",
                "@Relationship(foreignKey = \"team_id\") public Related<Team> team;")).succeededWithoutWarnings();
    }

    @Test
    void relationshipOnAPlainField() {
        Compilation c = compileHero("@Relationship public Long teamId;");
        assertThat(c).hadErrorContaining("com.acme.Hero.teamId: @Relationship needs a Related<...> or RelatedMany<...> field");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void linkModelMustBeATable() {
        assertThat(compileHero("@Relationship(linkModel = String.class) public RelatedMany<Team> teams;"))
                .hadErrorContaining("com.acme.Hero.teams: linkModel java.lang.String is not a @Table model");
    }

    @Test
    void linkModelOnlyOnRelatedMany() {
        Compilation c = compile(TEAM, source("com.acme.Link",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "@Table public class Link { @Field(primaryKey = true) public Long heroId; @Field(primaryKey = true) public Long teamId; }"),
                hero("@Relationship(linkModel = Link.class) public Related<Team> team;"));
        assertThat(c).hadErrorContaining("com.acme.Hero.team: linkModel is only allowed on a RelatedMany field");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void rawRelatedHasNoTarget() {
        assertThat(compileHero("@SuppressWarnings(\"rawtypes\") public Related team;"))
                .hadErrorContaining("com.acme.Hero.team: a relationship needs a model class as its type argument");
    }

    @Test
    void classWithoutNoArgConstructor() {
        assertThat(compileHero("public Hero(Long id) { this.id = id; }"))
                .hadErrorContaining("model com.acme.Hero has no no-argument constructor");
        assertThat(compileHero("private Hero() {}", "public Hero(Long id) { this.id = id; }")).succeededWithoutWarnings();
    }

    @Test
    void abstractClassInterfaceAndEnumAreNotModels() {
        assertThat(compile(source("com.acme.Base",
                "package com.acme;",
                "@dev.sqlmodel.Table public abstract class Base { Long id; }")))
                .hadErrorContaining("com.acme.Base: a @Table model must not be abstract");
        assertThat(compile(source("com.acme.Shape",
                "package com.acme;",
                "@dev.sqlmodel.Table public interface Shape {}")))
                .hadErrorContaining("com.acme.Shape: @Table needs a class or a record, not an interface");
        assertThat(compile(source("com.acme.Color",
                "package com.acme;",
                "@dev.sqlmodel.Table public enum Color { RED }")))
                .hadErrorContaining("com.acme.Color: @Table needs a class or a record, not an enum");
    }

    @Test
    void privateNestedRecordHasNoUsableConstructor() {
        Compilation c = compile(source("com.acme.Outer",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "public class Outer {",
                "    @Table private record Secret(@Field(primaryKey = true) Long id, String code) {}",
                "}"));
        assertThat(c).hadErrorContaining("record model com.acme.Outer.Secret has no canonical constructor the mapper can use");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void nestedClassesMustBeStaticAndNotPrivate() {
        Compilation c = compile(source("com.acme.Outer",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "public class Outer {",
                "    @Table public class Inner { @Field(primaryKey = true) Long id; }",
                "    @Table private static class Hidden { @Field(primaryKey = true) Long id; }",
                "}"));
        assertThat(c).hadErrorContaining("com.acme.Outer.Inner: a nested @Table model must be static");
        assertThat(c).hadErrorContaining("com.acme.Outer.Hidden: a @Table model must not be private");
    }

    @Test
    void versionNeedsAnIntegerField() {
        assertThat(compileHero("@Version public String version;"))
                .hadErrorContaining("com.acme.Hero.version: @Version needs an int, Integer, long or Long field, not java.lang.String");
        assertThat(compileHero("@Version public Integer version;")).succeededWithoutWarnings();
    }

    @Test
    void onlyOneVersionField() {
        assertThat(compileHero("@Version public int version;", "@Version public long revision;"))
                .hadErrorContaining("com.acme.Hero.revision: a second @Version field; version is already the version");
    }

    @Test
    void twoModelsOnOneTable() {
        Compilation c = compile(TEAM, source("com.acme.Squad",
                "package com.acme;",
                "@dev.sqlmodel.Table(name = \"TEAM\") public class Squad { @dev.sqlmodel.Field(primaryKey = true) Long id; }"));
        assertThat(c).hadErrorContaining("com.acme.Squad: table \"TEAM\" is already mapped by com.acme.Team");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void sameTableNameInAnotherSchemaIsFine() {
        Compilation c = compile(TEAM, source("com.acme.Squad",
                "package com.acme;",
                "@dev.sqlmodel.Table(name = \"team\", schema = \"archive\") public class Squad { @dev.sqlmodel.Field(primaryKey = true) Long id; }"));
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void schemaTakesPartInTheClash() {
        Compilation c = compile(
                source("com.acme.A", "package com.acme;", "@dev.sqlmodel.Table(name = \"t\", schema = \"s\") public class A { Long id; }"),
                source("com.acme.B", "package com.acme;", "@dev.sqlmodel.Table(name = \"T\", schema = \"S\") public class B { Long id; }"));
        assertThat(c).hadErrorContaining("com.acme.B: table \"S.T\" is already mapped by com.acme.A");
    }

    @Test
    void lengthAndDecimalOptionsNeedTheMatchingType() {
        Compilation c = compileHero(
                "@Field(maxDigits = 10) public Integer amount;",
                "@Field(decimalPlaces = 2) public String price;",
                "@Field(maxLength = 20) public Long code;");
        assertThat(c).hadErrorContaining("com.acme.Hero.amount: maxDigits applies to BigDecimal fields only");
        assertThat(c).hadErrorContaining("com.acme.Hero.price: decimalPlaces applies to BigDecimal fields only");
        assertThat(c).hadErrorContaining("com.acme.Hero.code: maxLength applies to String fields only");
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void inheritedFieldsAreCheckedToo() {
        Compilation c = compile(
                source("com.acme.HeroBase", "package com.acme;", "public class HeroBase { public java.util.Map<String, String> extras; }"),
                source("com.acme.Hero", "package com.acme;", "@dev.sqlmodel.Table public class Hero extends HeroBase { Long id; }"));
        assertThat(c).hadErrorContaining("com.acme.Hero.extras: unsupported field type java.util.Map<java.lang.String,java.lang.String>");
    }

    @Test
    void recordComponentsAreChecked() {
        Compilation c = compile(source("com.acme.Mission",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "@Table public record Mission(@Field(primaryKey = true) Long id, @Field(maxLength = 5) int level, Object data) {}"));
        assertThat(c).hadErrorContaining("com.acme.Mission.level: maxLength applies to String fields only");
        assertThat(c).hadErrorContaining("com.acme.Mission.data: unsupported field type java.lang.Object");
    }

    @Test
    void everyErrorIsReportedInOneCompile() {
        Compilation c = compileHero(
                "public List<String> tags;",
                "@Field(foreignKey = \"team\") public Long teamId;",
                "@Version public String version;",
                "@Relationship public Long captainId;",
                "public Hero(int x) {}");
        assertThat(c).hadErrorCount(5);
    }
}
