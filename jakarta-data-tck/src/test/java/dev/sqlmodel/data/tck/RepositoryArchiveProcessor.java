package dev.sqlmodel.data.tck;

import jakarta.data.repository.Repository;
import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.container.ClassContainer;
import org.jboss.shrinkwrap.api.container.ManifestContainer;
import org.jboss.shrinkwrap.api.container.ResourceContainer;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Makes a TCK deployment a SQLModel application: a {@code beans.xml} (annotated discovery, so
 * the generated {@code @ApplicationScoped} repository classes are beans and the entities are
 * not), the generated class {@code X_} of every repository interface in the archive or injected
 * into the test class, and {@code META-INF/sqlmodel.properties} naming the run's database.
 */
public class RepositoryArchiveProcessor implements ApplicationArchiveProcessor {
    private static final Logger LOG = Logger.getLogger(RepositoryArchiveProcessor.class.getName());
    private static final String BEANS_XML = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
            + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>";
    private static final String CLASSES = "/WEB-INF/classes/";

    /** Created by Arquillian's service loader. */
    public RepositoryArchiveProcessor() {
    }

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        if (!(archive instanceof ClassContainer<?> classes)) {
            return;
        }
        ClassLoader loader = testClass.getJavaClass().getClassLoader();
        Set<Class<?>> repositories = new LinkedHashSet<>();
        for (ArchivePath path : archive.getContent().keySet()) {
            String name = className(path.get());
            if (name != null) {
                addIfRepository(load(name, loader), repositories);
            }
        }
        for (Class<?> type = testClass.getJavaClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                addIfRepository(field.getType(), repositories);
            }
        }
        Set<String> added = new LinkedHashSet<>();
        for (Class<?> repository : repositories) {
            Class<?> generated = load(generatedName(repository), loader);
            if (generated != null) {
                classes.addClasses(repository, generated);
                added.add(generated.getSimpleName());
            }
        }
        if (archive instanceof WebArchive web) {
            web.addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
        } else if (archive instanceof ManifestContainer<?> jar) {
            jar.addAsManifestResource(new StringAsset(BEANS_XML), "beans.xml");
        }
        if (archive instanceof ResourceContainer<?> resources) {
            resources.addAsResource(new StringAsset(TckDatabase.current().properties()), "META-INF/sqlmodel.properties");
        }
        LOG.info("Deployment of " + testClass.getName() + " gets repository classes " + added);
    }

    private static void addIfRepository(Class<?> type, Set<Class<?>> into) {
        if (type != null && type.isInterface() && type.isAnnotationPresent(Repository.class)) {
            into.add(type);
        }
    }

    /** The class a path names, or null for other files: {@code /a/B.class} and {@code /WEB-INF/classes/a/B.class}. */
    private static String className(String path) {
        if (!path.endsWith(".class")) {
            return null;
        }
        String name = path.startsWith(CLASSES) ? path.substring(CLASSES.length()) : path.substring(1);
        return name.substring(0, name.length() - ".class".length()).replace('/', '.');
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** {@code Heroes_}, or {@code Outer_Heroes_} for a nested interface, in the interface's package. */
    static String generatedName(Class<?> repository) {
        String pkg = repository.getPackageName();
        String binary = repository.getName();
        String simple = pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1);
        String generated = simple.replace('$', '_') + "_";
        return pkg.isEmpty() ? generated : pkg + "." + generated;
    }
}
