package dev.sqlmodel.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles test sources with the processor and reads back what it generated. */
final class ProcessorHarness {
    private ProcessorHarness() {
    }

    /** A source file for {@code qualifiedName} made of {@code lines}. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** Compiles {@code sources} with a fresh {@link ModelProcessor}. */
    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new ModelProcessor()).compile(sources);
    }

    /** The text of a file in the class output, e.g. the model index. */
    static Optional<String> classOutputText(Compilation compilation, String path) {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).map(ProcessorHarness::read);
    }

    /** The model index lines, or an empty list when none was written. */
    static List<String> indexLines(Compilation compilation) {
        return classOutputText(compilation, ModelIndex.PATH)
                .map(text -> Arrays.asList(text.split("\n")))
                .orElse(List.of());
    }

    /** The generated metamodel source of {@code qualifiedName}. */
    static String generatedSource(Compilation compilation, String qualifiedName) {
        return compilation.generatedSourceFile(qualifiedName)
                .map(ProcessorHarness::read)
                .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
    }

    /** A class loader over the compiled classes, delegating everything else (the api) to the test's loader. */
    static ClassLoader loader(Compilation compilation) {
        return new ClassLoader(ProcessorHarness.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                String path = name.replace('.', '/') + ".class";
                JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
                        .orElseThrow(() -> new ClassNotFoundException(name));
                byte[] bytes = bytes(file);
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    private static String read(JavaFileObject file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
