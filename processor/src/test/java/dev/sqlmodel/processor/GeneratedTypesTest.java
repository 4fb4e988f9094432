package dev.sqlmodel.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.sqlmodel.processor.ProcessorHarness.generatedSource;
import static dev.sqlmodel.processor.ProcessorHarness.loader;
import static dev.sqlmodel.processor.ProcessorHarness.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sqlmodel.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** Models whose field types another processor generates in a later round. */
class GeneratedTypesTest {

    /** Generates enum {@code com.acme.Rank} in the first round, as code generators in real builds do. */
    static final class RankGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer out = processingEnv.getFiler().createSourceFile("com.acme.Rank").openWriter()) {
                    out.write("package com.acme; public enum Rank { LOW, HIGH }");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void modelWaitsForATypeGeneratedInALaterRound() throws Exception {
        Compilation c = javac().withProcessors(new ModelProcessor(), new RankGenerator()).compile(source("com.acme.Hero",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "@Table public class Hero {",
                "    @Field(primaryKey = true) public Long id;",
                "    public Rank rank;",
                "    public java.util.List<Rank> ranks;",
                "}"));
        // The list is still reported, once the enum exists to tell it apart from a missing type.
        assertThat(c).hadErrorContaining("com.acme.Hero.ranks: unsupported field type java.util.List<com.acme.Rank>");
        assertThat(c).hadErrorCount(1);

        Compilation fine = javac().withProcessors(new ModelProcessor(), new RankGenerator()).compile(source("com.acme.Hero",
                "package com.acme;",
                "import dev.sqlmodel.*;",
                "@Table public class Hero {",
                "    @Field(primaryKey = true) public Long id;",
                "    public Rank rank;",
                "}"));
        assertThat(fine).succeeded();
        assertTrue(generatedSource(fine, "com.acme.Hero_").contains("Column<com.acme.Hero, com.acme.Rank> rank"));
        ClassLoader loader = loader(fine);
        Column<?, ?> rank = (Column<?, ?>) loader.loadClass("com.acme.Hero_").getField("rank").get(null);
        assertEquals(loader.loadClass("com.acme.Rank"), rank.javaType());
    }
}
