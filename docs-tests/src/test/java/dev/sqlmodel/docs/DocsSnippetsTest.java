package dev.sqlmodel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of README.md and docs/ compiles against the project's classes and
 * the models of {@code src/test/models} (compiled here, with the annotation processor, so that
 * their {@code models.idx} is seen only by the snippets that run); blocks marked
 * {@code <!-- run -->} also run on a fresh SQLite database. See docs-tests/README.md.
 */
class DocsSnippetsTest {
    private static final Path ROOT = Path.of(System.getProperty("docs.root", "..")).toAbsolutePath().normalize();
    private static final Path MODELS = Path.of(System.getProperty("docs.models", "src/test/models")).toAbsolutePath();
    private static final Path WORK = Path.of(System.getProperty("docs.work", "target/snippets")).toAbsolutePath();

    private static Compiled compiled;

    /** What compiling every snippet gave: per snippet its errors (empty: compiled) and its classes. */
    private record Compiled(Path modelClasses, Set<String> modelNames, Map<Snippet, SnippetSource> sources,
            Map<Snippet, List<String>> errors, Map<Snippet, Path> classes) {
    }

    private static synchronized Compiled compiled() {
        if (compiled == null) {
            compiled = compileAll();
        }
        return compiled;
    }

    private static Compiled compileAll() {
        SnippetCompiler javac = new SnippetCompiler(classPath());
        Path modelsOut = WORK.resolve("models");
        SnippetCompiler.Result models = javac.compileTree(MODELS, modelsOut);
        if (!models.success()) {
            throw new AssertionError("the documentation's models in " + MODELS + " do not compile:\n" + format(models, null));
        }
        Path modelClasses = modelsOut.resolve("classes");
        Set<String> modelNames = new java.util.TreeSet<>();
        try (Stream<Path> walk = Files.list(MODELS.resolve("dev/sqlmodel/docs/model"))) {
            walk.forEach(p -> modelNames.add(p.getFileName().toString().replace(".java", "")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Map<Snippet, SnippetSource> sources = new LinkedHashMap<>();
        Map<Snippet, List<String>> errors = new LinkedHashMap<>();
        Map<Snippet, Path> classes = new LinkedHashMap<>();
        List<SnippetSource> batch = new ArrayList<>();
        List<SnippetSource> alone = new ArrayList<>();
        for (Snippet s : SnippetExtractor.all(ROOT)) {
            if (s.mode() == Snippet.Mode.SKIP) {
                continue;
            }
            try {
                SnippetSource source = SnippetSource.of(s);
                sources.put(s, source);
                // The processor rejects two models of one table in one compilation: snippets that declare models
                // are compiled one by one, and each gets a models.idx of its own.
                (source.declaresTable ? alone : batch).add(source);
            } catch (IllegalStateException e) {
                errors.put(s, List.of(e.getMessage()));
            }
        }
        if (!compileTogether(javac, batch, WORK.resolve("batch"), modelClasses, errors, classes)) {
            for (SnippetSource one : batch) {
                compileTogether(javac, List.of(one), WORK.resolve(one.snippet.packageName()), modelClasses, errors, classes);
            }
        }
        for (SnippetSource one : alone) {
            compileTogether(javac, List.of(one), WORK.resolve(one.snippet.packageName()), modelClasses, errors, classes);
        }
        return new Compiled(modelClasses, modelNames, sources, errors, classes);
    }

    /** Compiles {@code group} in one task; records each snippet's errors. Returns whether all compiled. */
    private static boolean compileTogether(SnippetCompiler javac, List<SnippetSource> group, Path out, Path modelClasses,
            Map<Snippet, List<String>> errors, Map<Snippet, Path> classes) {
        if (group.isEmpty()) {
            return true;
        }
        List<SnippetSource.Unit> units = new ArrayList<>();
        group.forEach(g -> units.addAll(g.units));
        SnippetCompiler.Result result = javac.compile(units, out, List.of(modelClasses));
        for (SnippetSource g : group) {
            List<String> mine = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : result.errors()) {
                if (d.getSource() instanceof SnippetSource.Unit u && u.snippet.equals(g.snippet)) {
                    mine.add(format(d, u));
                } else if (group.size() == 1 && !(d.getSource() instanceof SnippetSource.Unit)) {
                    mine.add(format(d, null));
                }
            }
            if (!result.success() && group.size() == 1 && mine.isEmpty()) {
                mine.add(format(result, null));
            }
            errors.put(g.snippet, mine);
            classes.put(g.snippet, out.resolve("classes"));
        }
        return result.success();
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles() {
        List<Snippet> all = SnippetExtractor.all(ROOT);
        assertTrue(all.size() > 0, "no ```java blocks found under " + ROOT);
        return all.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> {
            Assumptions.assumeTrue(s.mode() != Snippet.Mode.SKIP, () -> "not compiled: " + s.reason());
            List<String> errors = compiled().errors().get(s);
            if (errors != null && !errors.isEmpty()) {
                fail(s.where() + ": this ```java block does not compile.\n" + String.join("\n", errors)
                        + "\n(Blocks are compiled as described in docs-tests/README.md; a fragment shown on purpose may be"
                        + " marked with <!-- not-compiled: reason --> on the line before its fence.)");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> blocksMarkedRunRunOnSqlite() {
        return SnippetExtractor.all(ROOT).stream().filter(s -> s.mode() == Snippet.Mode.RUN)
                .map(s -> DynamicTest.dynamicTest(s.where(), () -> run(s)));
    }

    private static void run(Snippet s) throws Exception {
        Compiled c = compiled();
        List<String> errors = c.errors().get(s);
        if (errors == null || !errors.isEmpty()) {
            fail(s.where() + ": cannot run, the block does not compile:\n" + String.join("\n", errors == null ? List.of() : errors));
        }
        SnippetSource source = c.sources().get(s);
        if (!source.hasStatements) {
            fail(s.where() + ": <!-- run --> on a block without statements; there is nothing to run");
        }
        boolean shadows = source.declaredTypes.stream().anyMatch(c.modelNames()::contains);
        Path dir = WORK.resolve("run").resolve(s.packageName());
        deleteTree(dir);
        Files.createDirectories(dir);
        deleteDatabasesIn(Path.of("").toAbsolutePath());
        List<URL> urls = new ArrayList<>();
        urls.add(c.classes().get(s).toUri().toURL());
        if (!shadows) {
            urls.add(c.modelClasses().toUri().toURL());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        Map<String, Object> vars = Map.of();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), DocsSnippetsTest.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            if (!shadows) {
                @SuppressWarnings("unchecked")
                Map<String, Object> v = (Map<String, Object>) loader.loadClass("dev.sqlmodel.docs.model.Fixture")
                        .getMethod("create", Path.class).invoke(null, dir);
                vars = v;
            }
            Class<?> type = loader.loadClass(s.packageName() + "." + SnippetSource.STATEMENTS_CLASS);
            Constructor<?> ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            Object instance = ctor.newInstance();
            for (Map.Entry<String, Object> e : vars.entrySet()) {
                Field f = type.getDeclaredField(e.getKey());
                f.setAccessible(true);
                f.set(instance, e.getValue());
            }
            var method = type.getDeclaredMethod("run");
            method.setAccessible(true);
            try {
                method.invoke(instance);
            } catch (InvocationTargetException e) {
                AssertionError error = new AssertionError(s.where() + ": the block compiled but failed when run on SQLite"
                        + (shadows ? "" : " (with the data of dev.sqlmodel.docs.model.Fixture)") + ": " + e.getCause(), e.getCause());
                throw error;
            }
        } finally {
            closeQuietly(vars.get("session"));
            closeQuietly(vars.get("engine"));
            thread.setContextClassLoader(previous);
        }
    }

    @org.junit.jupiter.api.Test
    void readmeStaysAFrontPage() throws IOException {
        long size = Files.size(ROOT.resolve("README.md"));
        assertTrue(size <= 12_000, "README.md is " + size + " bytes: keep it a front page of about 10 KB"
                + " (what it is, set-up, the example, modules, features, where next) and move reference material to a page"
                + " of docs/ (docs/README.md lists them)");
    }

    @org.junit.jupiter.api.Test
    void everyRelativeLinkResolves() {
        List<String> broken = MarkdownLinks.broken(ROOT, SnippetExtractor.pages(ROOT));
        assertEquals(List.of(), broken, "links to files or headings that do not exist");
    }

    private static void closeQuietly(Object o) {
        if (o instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the snippet may have closed it already
            }
        }
    }

    /**
     * Empties the working directory the snippets' relative paths resolve against, so every run
     * starts from nothing; only the directory the build sets up for it (never a source tree).
     */
    private static void deleteDatabasesIn(Path dir) throws IOException {
        if (!dir.getFileName().toString().equals("snippet-run")) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** One compiler error, located in the page when it is in a snippet's own lines. */
    private static String format(Diagnostic<? extends JavaFileObject> d, SnippetSource.Unit unit) {
        String message = d.getMessage(java.util.Locale.ROOT);
        if (unit == null) {
            String name = d.getSource() == null ? "javac" : d.getSource().getName();
            return "  " + name + ":" + d.getLineNumber() + ": error: " + message;
        }
        int docLine = unit.docLine(d.getLineNumber());
        String code = unit.line(d.getLineNumber());
        String caret = d.getColumnNumber() > 0 ? " ".repeat((int) d.getColumnNumber() - 1) + "^" : "";
        String where = docLine > 0 ? unit.snippet.file() + ":" + docLine
                : unit.snippet.where() + " (generated line " + d.getLineNumber() + " of " + unit.className
                        + ".java, outside the block's own lines)";
        return "  " + where + ": error: " + message.replace("\n", "\n      ") + "\n      " + code + "\n      " + caret;
    }

    private static String format(SnippetCompiler.Result result, Object ignored) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : result.errors()) {
            b.append(format(d, null)).append('\n');
        }
        return b.append(result.output()).toString();
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return cp;
    }
}
