package dev.sqlmodel.impl.meta;

import dev.sqlmodel.MappingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code META-INF/sqlmodel/models.idx} files the annotation processor writes. */
public final class ModelIndex {
    /** The resource path of the index. */
    public static final String RESOURCE = "META-INF/sqlmodel/models.idx";

    private ModelIndex() {
    }

    /** The class names listed in every index visible to {@code loader}, in class path order. */
    public static List<String> classNames(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> urls = loader.getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        line = line.strip();
                        if (!line.isEmpty() && !line.startsWith("#")) {
                            names.add(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new ArrayList<>(names);
    }

    /**
     * The model classes of every index visible to {@code loader}.
     *
     * @throws MappingException when a listed class cannot be loaded
     */
    public static List<Class<?>> models(ClassLoader loader) {
        List<Class<?>> models = new ArrayList<>();
        for (String name : classNames(loader)) {
            try {
                models.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MappingException(name + " is listed in " + RESOURCE + " but cannot be loaded: " + e, e);
            }
        }
        return models;
    }
}
