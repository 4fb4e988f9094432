package dev.sqlmodel.quarkus;

import dev.sqlmodel.Database;
import dev.sqlmodel.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/**
 * Creates the tables of both databases when the application starts: on CDI's {@code Startup}
 * event, which Quarkus fires once its datasources are up (unlike
 * {@code @Initialized(ApplicationScoped.class)}, which it fires while still building them).
 */
@ApplicationScoped
public class Schema {
    @Inject Engine engine;
    @Inject @Database("reports") Engine reports;

    void create(@Observes Startup started) {
        engine.createAll();
        reports.createAll();
    }
}
