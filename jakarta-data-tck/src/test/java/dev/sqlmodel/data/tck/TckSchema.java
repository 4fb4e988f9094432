package dev.sqlmodel.data.tck;

import dev.sqlmodel.Engine;
import dev.sqlmodel.impl.meta.ModelIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * The database of the run: emptied before the first test class, then the tables of every TCK
 * entity the annotation processor indexed are created; a PostgreSQL schema is dropped after the
 * last. Each entity gets its own {@code createAll} so that an entity the runtime cannot map yet
 * costs only the tests that use it; the failures are logged and appear again, with their cause,
 * where the deployments meet them.
 */
public class TckSchema {
    private static final Logger LOG = Logger.getLogger(TckSchema.class.getName());

    /** Created by Arquillian for the run. */
    public TckSchema() {
    }

    /** Empties the database and creates the entities' tables. */
    public void create(@Observes BeforeSuite event) {
        TckDatabase database = TckDatabase.current();
        database.prepare();
        ClassLoader loader = TckSchema.class.getClassLoader();
        List<String> failed = new ArrayList<>();
        for (String name : ModelIndex.classNames(loader)) {
            try (Engine engine = engine(database, Class.forName(name, false, loader))) {
                engine.createAll();
            } catch (RuntimeException | ClassNotFoundException | LinkageError e) {
                failed.add(name);
                LOG.log(Level.WARNING, "cannot create the table of TCK entity " + name + " on " + database, e);
            }
        }
        LOG.info("TCK database " + database + " ready at " + database.url()
                + (failed.isEmpty() ? "" : "; no table for " + failed) + "; CDI extension: " + extensionKind(loader));
    }

    /** Which of sqlmodel-cdi's extensions the container will run: the portable one when its service file is visible. */
    private static String extensionKind(ClassLoader loader) {
        try {
            var files = loader.getResources("META-INF/services/jakarta.enterprise.inject.spi.Extension");
            while (files.hasMoreElements()) {
                try (var in = files.nextElement().openStream()) {
                    if (new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("dev.sqlmodel.cdi.SqlModelExtension")) {
                        return "portable (SqlModelExtension)";
                    }
                }
            }
            return "build-compatible (SqlModelBuildExtension)";
        } catch (java.io.IOException e) {
            return "unknown (" + e + ")";
        }
    }

    /** Drops the PostgreSQL schema of the run. */
    public void drop(@Observes AfterSuite event) {
        TckDatabase.current().drop();
    }

    private static Engine engine(TckDatabase database, Class<?> model) {
        Engine.Builder builder = Engine.builder().url(database.url()).models(model);
        if (database.user() != null) {
            builder.user(database.user());
        }
        return builder.build();
    }
}
