package dev.sqlmodel.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index across compiles that see only some of the sources, as incremental builds do. */
class IncrementalIndexTest {
    @TempDir
    Path dir;

    @Test
    void laterCompilesKeepModelsThatStillExist() throws IOException {
        Path src = dir.resolve("src/com/acme");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(src);
        Path hero = write(src.resolve("Hero.java"), "package com.acme; @dev.sqlmodel.Table public class Hero { Long id; }");
        Path team = write(src.resolve("Team.java"), "package com.acme; @dev.sqlmodel.Table public class Team { Long id; }");
        Path villain = write(src.resolve("Villain.java"), "package com.acme; @dev.sqlmodel.Table public class Villain { Long id; }");

        compile(out, hero, team);
        assertEquals(List.of("com.acme.Hero", "com.acme.Team"), index(out));

        compile(out, villain);
        assertEquals(List.of("com.acme.Hero", "com.acme.Team", "com.acme.Villain"), index(out));

        Files.delete(out.resolve("com/acme/Team.class"));
        write(hero, "package com.acme; public class Hero { Long id; }");
        // The processor only runs when some source carries @Table, hence Villain here.
        compile(out, hero, villain);
        assertEquals(List.of("com.acme.Villain"), index(out));
    }

    private static void compile(Path out, Path... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            String classPath = System.getProperty("java.class.path") + File.pathSeparator + out;
            List<String> options = new ArrayList<>(List.of("-classpath", classPath, "-d", out.toString()));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(sources));
            task.setProcessors(List.of(new ModelProcessor()));
            assertTrue(task.call(), diagnostics.getDiagnostics().toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> index(Path out) throws IOException {
        return Files.readAllLines(out.resolve(ModelIndex.PATH));
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text);
    }
}
