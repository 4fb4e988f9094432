package dev.sqlmodel.docs;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles sources in process with {@code javax.tools}, the annotation processor found on the class path. */
final class SnippetCompiler {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final String classPath;

    /** A compiler whose class path is {@code classPath}. */
    SnippetCompiler(String classPath) {
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the documentation tests need a JDK, not a JRE");
        }
        this.classPath = classPath;
    }

    /** The result of one compilation: whether it succeeded, and its errors. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> errors, String output) {
    }

    /** Compiles {@code units} into {@code out} (emptied first), with {@code extraClassPath} added. */
    Result compile(List<? extends JavaFileObject> units, Path out, List<Path> extraClassPath) {
        clean(out);
        Path generated = out.resolve("generated-sources");
        Path classes = out.resolve("classes");
        try {
            Files.createDirectories(generated);
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder cp = new StringBuilder(classPath);
        for (Path p : extraClassPath) {
            cp.append(File.pathSeparator).append(p);
        }
        List<String> options = List.of("-classpath", cp.toString(), "-d", classes.toString(), "-s", generated.toString(),
                "-encoding", "UTF-8", "-parameters", "-nowarn", "-Xlint:none", "-implicit:none", "-Xmaxerrs", "1000");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(output, files, diagnostics, options, null, units).call();
            List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(d);
                }
            }
            return new Result(ok, errors, output.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the source files under {@code sourceRoot} into {@code out}. */
    Result compileTree(Path sourceRoot, Path out) {
        List<JavaFileObject> units = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
                Stream<Path> walk = Files.walk(sourceRoot)) {
            List<File> sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
            files.getJavaFileObjectsFromFiles(sources).forEach(units::add);
            return compile(units, out, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clean(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
