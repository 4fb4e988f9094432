package dev.sqlmodel.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sqlmodel.processor.ProcessorHarness.compile;
import static dev.sqlmodel.processor.ProcessorHarness.generatedSource;
import static dev.sqlmodel.processor.ProcessorHarness.loader;
import static dev.sqlmodel.processor.ProcessorHarness.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sqlmodel.Database;
import dev.sqlmodel.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The classes generated for Jakarta Data repositories: they compile, look up every plan and pass every call on. */
class RepositoryClassesTest {
    /** Stands in for sqlmodel-data's runtime, which the processor's build does not have. */
    private static final JavaFileObject RUNTIME = source("dev.sqlmodel.data.runtime.RepositoryRuntime",
            "package dev.sqlmodel.data.runtime;",
            "public final class RepositoryRuntime {",
            "    private final Class<?> repository;",
            "    private RepositoryRuntime(Class<?> repository) { this.repository = repository; }",
            "    public static RepositoryRuntime of(Class<?> repository) { return new RepositoryRuntime(repository); }",
            "    public MethodPlan method(String name, Class<?>... parameterTypes) {",
            "        dev.sqlmodel.processor.RecordedCalls.lookup(repository, name, parameterTypes);",
            "        return (engine, args) -> dev.sqlmodel.processor.RecordedCalls.invoke(name, engine, args);",
            "    }",
            "}");
    private static final JavaFileObject PLAN = source("dev.sqlmodel.data.runtime.MethodPlan",
            "package dev.sqlmodel.data.runtime;",
            "public interface MethodPlan {",
            "    Object invoke(dev.sqlmodel.Engine engine, Object[] args);",
            "}");
    private static final JavaFileObject HERO = source("com.acme.Hero",
            "package com.acme;",
            "import dev.sqlmodel.*;",
            "@Table public class Hero {",
            "    @Field(primaryKey = true) public Long id;",
            "    public String name;",
            "    public int age;",
            "}");

    private final Engine engine = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
            (proxy, method, args) -> method.getName().equals("toString") ? "test engine" : null);

    @BeforeEach
    void clear() {
        RecordedCalls.clear();
    }

    private static Compilation compileWithRuntime(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(RUNTIME, PLAN, HERO));
        all.addAll(List.of(sources));
        return compile(all.toArray(JavaFileObject[]::new));
    }

    private Object instance(Compilation c, String className) throws Exception {
        Class<?> type = loader(c).loadClass(className);
        return type.getConstructor(Engine.class).newInstance(engine);
    }

    private static Method method(Object repository, String name, Class<?>... parameterTypes) throws Exception {
        return repository.getClass().getMethod(name, parameterTypes);
    }

    @Test
    void crudRepositoryGetsEveryInheritedMethodWithItsTypeArguments() throws Exception {
        Compilation c = compileWithRuntime(source("com.acme.Heroes",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "import java.util.List;",
                "@Repository public interface Heroes extends CrudRepository<Hero, Long> {",
                "    List<Hero> findByAgeGreaterThan(int age);",
                "}"));
        assertThat(c).succeededWithoutWarnings();
        String text = generatedSource(c, "com.acme.Heroes_");
        assertTrue(text.contains("public <S extends com.acme.Hero> S save(S entity)"), text);
        assertTrue(text.contains("public <S extends com.acme.Hero> java.util.List<S> insertAll(java.util.List<S> entities)"), text);
        assertTrue(text.contains("public java.util.Optional<com.acme.Hero> findById(java.lang.Long id)"), text);
        assertTrue(text.contains("public void deleteAll(java.util.List<? extends com.acme.Hero> entities)"), text);
        assertTrue(text.contains("@jakarta.enterprise.context.ApplicationScoped"), text);

        Object heroes = instance(c, "com.acme.Heroes_");
        // CrudRepository's 12 methods and the query method, each looked up on its own declaration's erasure
        assertEquals(13, RecordedCalls.LOOKUPS.size(), RecordedCalls.LOOKUPS.toString());
        assertTrue(RecordedCalls.LOOKUPS.contains("Heroes.save[class java.lang.Object]"), RecordedCalls.LOOKUPS.toString());
        assertTrue(RecordedCalls.LOOKUPS.contains("Heroes.findById[class java.lang.Object]"), RecordedCalls.LOOKUPS.toString());
        assertTrue(RecordedCalls.LOOKUPS.contains("Heroes.findByAgeGreaterThan[int]"), RecordedCalls.LOOKUPS.toString());

        RecordedCalls.ANSWERS.put("findById", Optional.of("found"));
        assertEquals(Optional.of("found"), method(heroes, "findById", Long.class).invoke(heroes, 5L));
        // the bridge method the compiler adds for findById(K) reaches the same plan
        Method erased = heroes.getClass().getInterfaces()[0].getMethod("findById", Object.class);
        assertEquals(Optional.of("found"), erased.invoke(heroes, 6L));
        assertEquals(List.of(5L), RecordedCalls.CALLS.get(0).args());
        assertEquals(List.of(6L), RecordedCalls.CALLS.get(1).args());
        assertSame(engine, RecordedCalls.CALLS.get(0).engine());
    }

    @Test
    void arraysVarargsPrimitivesAndVoidPassThroughAndDefaultMethodsStay() throws Exception {
        Compilation c = compileWithRuntime(source("com.acme.Roster",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "@Repository public interface Roster {",
                "    @Insert Hero[] addAll(Hero... heroes);",
                "    long countByAgeGreaterThan(int age);",
                "    boolean existsById(long id);",
                "    @Delete void remove(Hero hero);",
                "    int[] ages(int[] ids);",
                "    default long twice(int age) { return 2 * countByAgeGreaterThan(age); }",
                "    static String label() { return \"roster\"; }",
                "}"));
        assertThat(c).succeededWithoutWarnings();
        String text = generatedSource(c, "com.acme.Roster_");
        assertTrue(text.contains("public com.acme.Hero[] addAll(com.acme.Hero... heroes)"), text);
        assertFalse(text.contains("twice"), text);
        assertFalse(text.contains("label"), text);

        Object roster = instance(c, "com.acme.Roster_");
        ClassLoader loader = roster.getClass().getClassLoader();
        Class<?> hero = loader.loadClass("com.acme.Hero");
        Object[] heroes = (Object[]) java.lang.reflect.Array.newInstance(hero, 2);
        RecordedCalls.ANSWERS.put("addAll", heroes);
        assertSame(heroes, method(roster, "addAll", heroes.getClass()).invoke(roster, (Object) heroes));
        assertSame(heroes, RecordedCalls.CALLS.get(0).args().get(0), "the varargs array is one argument");

        RecordedCalls.ANSWERS.put("countByAgeGreaterThan", 7L);
        assertEquals(14L, method(roster, "twice", int.class).invoke(roster, 30));
        assertEquals(List.of(30), RecordedCalls.CALLS.get(1).args());

        RecordedCalls.ANSWERS.put("existsById", true);
        assertEquals(true, method(roster, "existsById", long.class).invoke(roster, 3L));

        assertEquals(null, method(roster, "remove", hero).invoke(roster, hero.getConstructor().newInstance()));
        assertEquals("remove", RecordedCalls.CALLS.get(3).method());

        RecordedCalls.ANSWERS.put("ages", new int[] {1, 2});
        assertArrayEquals(new int[] {1, 2}, (int[]) method(roster, "ages", int[].class).invoke(roster, (Object) new int[] {9}));
    }

    @Test
    void methodsDeclaredInTwoInterfacesAreImplementedOnce() throws Exception {
        Compilation c = compileWithRuntime(
                source("com.acme.IdOperations",
                        "package com.acme;",
                        "public interface IdOperations {",
                        "    boolean existsById(long id);",
                        "    long countByIdBetween(long minimum, long maximum);",
                        "    String toString();",
                        "}"),
                source("com.acme.Counting",
                        "package com.acme;",
                        "public interface Counting {",
                        "    long countByIdBetween(long minimum, long maximum);",
                        "}"),
                source("com.acme.Heroes",
                        "package com.acme;",
                        "import jakarta.data.repository.*;",
                        "@Repository public interface Heroes extends BasicRepository<Hero, Long>, IdOperations, Counting {",
                        "    @Override default void deleteById(Long id) { }",
                        "}"));
        assertThat(c).succeededWithoutWarnings();
        Object heroes = instance(c, "com.acme.Heroes_");
        List<String> names = RecordedCalls.LOOKUPS.stream().map(l -> l.substring(0, l.indexOf('['))).toList();
        assertEquals(1, names.stream().filter("Heroes.countByIdBetween"::equals).count(), names.toString());
        assertFalse(names.contains("Heroes.deleteById"), names.toString());
        assertFalse(names.contains("Heroes.toString"), names.toString());
        assertEquals("Heroes_[test engine]", heroes.toString());
    }

    @Test
    void memberTypesOfTheInterfaceShadowNothingInTheGeneratedClass() {
        Compilation c = compileWithRuntime(source("com.acme.Shadowing",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "@Repository public interface Shadowing extends DataRepository<Hero, Long> {",
                "    interface Object { }",
                "    class String { }",
                "    @interface Override { }",
                "    @interface SuppressWarnings { }",
                "    String RUNTIME = null;",
                "    java.util.List<Hero> findByName(java.lang.String engine);",
                "}"));
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void nestedRepositoryWithDataStoreInjectsThatDatabase() throws Exception {
        Compilation c = compileWithRuntime(source("com.acme.Outer",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "public class Outer {",
                "    @Repository(dataStore = \"reports\", provider = \"sqlmodel\")",
                "    public interface Heroes extends DataRepository<Hero, Long> {",
                "        java.util.stream.Stream<Hero> findByName(String name);",
                "    }",
                "}"));
        assertThat(c).succeededWithoutWarnings();
        Class<?> type = loader(c).loadClass("com.acme.Outer_Heroes_");
        assertTrue(type.isAnnotationPresent(ApplicationScoped.class));
        assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isFinal(type.getModifiers()));
        Constructor<?> injected = type.getConstructor(Engine.class);
        assertTrue(injected.isAnnotationPresent(Inject.class));
        Database database = (Database) injected.getParameterAnnotations()[0][0];
        assertEquals("reports", database.value());
        assertTrue(Modifier.isProtected(type.getDeclaredConstructor().getModifiers()), "the client proxy's constructor");
    }

    @Test
    void jakartaPersistenceEntitiesAreOursToo() {
        Compilation c = compileWithRuntime(
                source("com.acme.Product",
                        "package com.acme;",
                        "@jakarta.persistence.Entity public class Product { @jakarta.persistence.Id public Long id; }"),
                source("com.acme.Catalog",
                        "package com.acme;",
                        "import jakarta.data.repository.*;",
                        "@Repository public interface Catalog extends DataRepository<Product, Long> {",
                        "    @Insert void add(Product product);",
                        "}"));
        assertThat(c).succeeded();
        assertTrue(c.generatedSourceFile("com.acme.Catalog_").isPresent());
    }

    @Test
    void withPersistenceEntitiesOffAnEntityIsLeftToItsProvider() {
        JavaFileObject entity = source("com.acme.Invoice",
                "package com.acme;",
                "@jakarta.persistence.Entity @jakarta.persistence.Table(name = \"hero\")",
                "public class Invoice {",
                "    @jakarta.persistence.Id public Long id;",
                "    @jakarta.persistence.ManyToOne public Hero hero;",   // refused if it were ours
                "}");
        JavaFileObject repository = source("com.acme.Invoices",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "@Repository public interface Invoices extends DataRepository<Invoice, Long> {",
                "    @Insert void add(Invoice invoice);",
                "}");
        List<JavaFileObject> all = new ArrayList<>(List.of(RUNTIME, PLAN, HERO, entity, repository));
        Compilation c = com.google.testing.compile.Compiler.javac().withProcessors(new ModelProcessor())
                .withOptions("-Asqlmodel.persistenceEntities=false").compile(all);
        assertThat(c).succeededWithoutWarnings();
        assertFalse(c.generatedSourceFile("com.acme.Invoice_").isPresent(), "no metamodel of a JPA provider's entity");
        assertFalse(c.generatedSourceFile("com.acme.Invoices_").isPresent(), "its repository is the provider's");
        assertTrue(c.generatedSourceFile("com.acme.Hero_").isPresent(), "the @Table model sharing its table is ours");
    }

    @Test
    void withoutCdiOnTheClassPathTheClassIsAPlainOne() throws Exception {
        List<java.io.File> classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("jakarta.enterprise.cdi-api") && !entry.contains("jakarta.inject-api"))
                .map(java.io.File::new)
                .toList();
        List<JavaFileObject> all = new ArrayList<>(List.of(RUNTIME, PLAN, HERO, source("com.acme.Heroes",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "@Repository(dataStore = \"reports\") public interface Heroes extends DataRepository<Hero, Long> {",
                "    @Insert void add(Hero hero);",
                "}")));
        Compilation c = com.google.testing.compile.Compiler.javac().withClasspath(classPath)
                .withProcessors(new ModelProcessor()).compile(all);
        assertThat(c).succeeded();
        String generated = generatedSource(c, "com.acme.Heroes_");
        assertFalse(generated.contains("jakarta.enterprise") || generated.contains("jakarta.inject")
                || generated.contains("Database"), generated);
        Object heroes = instance(c, "com.acme.Heroes_");
        method(heroes, "add", heroes.getClass().getClassLoader().loadClass("com.acme.Hero")).invoke(heroes, new Object[] {null});
    }

    @Test
    void aRepositoryWithoutAnyEntityIsAWarning() {
        Compilation c = compileWithRuntime(source("com.acme.Counts",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "@Repository public interface Counts {",
                "    @Query(\"SELECT COUNT(THIS) FROM Hero\") long heroes();",
                "}"));
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("com.acme.Counts: no entity type found (extend DataRepository<Entity, Key>");
        assertFalse(c.generatedSourceFile("com.acme.Counts_").isPresent());
    }

    @Test
    void otherProvidersAndOtherEntitiesAreSkipped() {
        Compilation c = compileWithRuntime(
                source("com.acme.OtherEntity",
                        "package com.acme;",
                        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
                        "public @interface OtherEntity { }"),
                source("com.acme.Person",
                        "package com.acme;",
                        "@OtherEntity public class Person { public Long id; }"),
                source("com.acme.Directory",
                        "package com.acme;",
                        "import jakarta.data.repository.*;",
                        "@Repository(provider = \"another\") public interface Directory extends DataRepository<Hero, Long> {",
                        "    java.util.List<Hero> findByName(String name);",
                        "}"),
                source("com.acme.People",
                        "package com.acme;",
                        "import jakarta.data.repository.*;",
                        "@Repository public interface People extends DataRepository<Person, Long> {",
                        "    java.util.List<Person> findByIdIn(java.util.List<Long> ids);",
                        "}"),
                source("com.acme.Addresses",
                        "package com.acme;",
                        "import jakarta.data.repository.*;",
                        "@Repository public interface Addresses {",
                        "    @Insert void add(java.util.List<Person> people);",
                        "}"));
        assertThat(c).succeededWithoutWarnings();
        for (String skipped : List.of("com.acme.Directory_", "com.acme.People_", "com.acme.Addresses_")) {
            assertFalse(c.generatedSourceFile(skipped).isPresent(), skipped);
        }
    }

    @Test
    void genericRepositoriesAndClassesAreRejected() {
        Compilation generic = compileWithRuntime(source("com.acme.Heroes",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "@Repository public interface Heroes<T extends Hero> extends DataRepository<T, Long> {",
                "    java.util.List<T> findByName(String name);",
                "}"));
        assertThat(generic).hadErrorContaining("com.acme.Heroes: a repository interface must not declare type parameters");

        Compilation type = compileWithRuntime(source("com.acme.Heroes",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "@Repository public abstract class Heroes implements DataRepository<Hero, Long> {",
                "}"));
        assertThat(type).hadErrorContaining("com.acme.Heroes: a repository must be an interface, not a class");
    }

    @Test
    void repositoryNamingATypeGeneratedInALaterRoundWaitsForIt() {
        List<JavaFileObject> all = List.of(RUNTIME, PLAN, HERO, source("com.acme.Heroes",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "@Repository public interface Heroes extends DataRepository<Hero, Long> {",
                "    java.util.List<Hero> findByRank(Rank rank);",
                "}"));
        Compilation c = com.google.testing.compile.Compiler.javac()
                .withProcessors(new ModelProcessor(), new GeneratedTypesTest.RankGenerator())
                .compile(all);
        assertThat(c).succeededWithoutWarnings();
        assertTrue(generatedSource(c, "com.acme.Heroes_").contains("findByRank(com.acme.Rank rank)"));
    }

    @Test
    void generatedSourceIsTheSameForTheSameInterface() {
        JavaFileObject heroes = source("com.acme.Heroes",
                "package com.acme;",
                "import jakarta.data.repository.*;",
                "@Repository public interface Heroes extends CrudRepository<Hero, Long> { }");
        String first = generatedSource(compileWithRuntime(heroes), "com.acme.Heroes_");
        String second = generatedSource(compileWithRuntime(heroes), "com.acme.Heroes_");
        assertEquals(first, second);
        assertEquals(12, Arrays.stream(first.split("\n")).filter(l -> l.contains("PLAN_") && l.contains("RUNTIME.method")).count());
    }
}
