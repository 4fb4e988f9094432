package dev.sqlmodel.schema.cli;

import dev.sqlmodel.impl.meta.ModelIndex;
import dev.sqlmodel.impl.meta.ModelRegistry;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the model classes named by {@code --models} on the {@code --classpath}: each name is a
 * model class, or a package whose models are listed in the {@code META-INF/sqlmodel/models.idx}
 * index of the class path (no classpath scanning). Without {@code --models}, every indexed model.
 */
final class ModelLoader {
    private ModelLoader() {
    }

    /**
     * The models.
     *
     * @throws IllegalArgumentException naming an unknown class or package, a class that is not a
     *         model, or a missing class path entry
     */
    static List<Class<?>> load(String models, String classpath) {
        ClassLoader loader = loader(classpath);
        Thread.currentThread().setContextClassLoader(loader);
        List<String> index = ModelIndex.classNames(loader);
        Set<Class<?>> out = new LinkedHashSet<>();
        if (models == null || models.isBlank()) {
            for (String name : index) {
                out.add(load(loader, name));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no models found: no " + ModelIndex.RESOURCE + " on --classpath");
            }
            return new ArrayList<>(out);
        }
        for (String token : models.split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Class<?> type = tryLoad(loader, token);
            if (type != null) {
                if (!ModelRegistry.isTable(type)) {
                    throw new IllegalArgumentException(token + " is not a @Table model");
                }
                out.add(type);
                continue;
            }
            List<String> inPackage = index.stream().filter(n -> n.startsWith(token + ".")).toList();
            if (inPackage.isEmpty()) {
                throw new IllegalArgumentException("unknown model class or package: " + token
                        + " (not a class on --classpath, nor a package in its models index)");
            }
            for (String name : inPackage) {
                out.add(load(loader, name));
            }
        }
        return new ArrayList<>(out);
    }

    private static Class<?> tryLoad(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        Class<?> type = tryLoad(loader, name);
        if (type == null) {
            throw new IllegalArgumentException("unknown model class: " + name + " (listed in " + ModelIndex.RESOURCE
                    + " but not loadable from --classpath)");
        }
        return type;
    }

    private static ClassLoader loader(String classpath) {
        ClassLoader parent = ModelLoader.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split("[" + File.pathSeparator + ",]")) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry.strip());
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--classpath entry does not exist: " + entry);
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad --classpath entry: " + entry, e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }
}
