package dev.sqlmodel.processor;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * {@code META-INF/sqlmodel/models.idx}: the binary names of the models, one a line, sorted, so
 * that the runtime finds them without scanning the class path.
 */
final class ModelIndex {
    /** Where the index lives in the class output. */
    static final String PATH = "META-INF/sqlmodel/models.idx";

    private final Filer filer;

    /** An index read and written through {@code filer}. */
    ModelIndex(Filer filer) {
        this.filer = filer;
    }

    /**
     * The entries of an index an earlier compile left in the class output, empty when there is none.
     * An incremental compile sees only the changed sources, so without these the models that
     * were not recompiled would drop out of the index.
     *
     * @throws IOException when an existing index cannot be read
     */
    List<String> readPrevious() throws IOException {
        FileObject previous;
        try {
            previous = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
        } catch (FileNotFoundException | NoSuchFileException | IllegalArgumentException none) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        try (Reader reader = previous.openReader(true); BufferedReader lines = new BufferedReader(reader)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line.trim();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        } catch (FileNotFoundException | NoSuchFileException none) {
            return List.of();
        }
        return entries;
    }

    /**
     * Writes the index: {@code current} plus those {@code previous} entries that {@code stillModel} accepts.
     *
     * @throws IOException when the index cannot be created or written
     */
    void write(Collection<String> current, Collection<String> previous, Predicate<String> stillModel,
            Element... originatingElements) throws IOException {
        Set<String> entries = new TreeSet<>(current);
        previous.stream().filter(e -> !entries.contains(e)).filter(stillModel).forEach(entries::add);
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH, originatingElements);
        try (Writer out = file.openWriter()) {
            for (String entry : entries) {
                out.write(entry);
                out.write('\n');
            }
        }
    }
}
