package dev.sqlmodel.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.ModelInfo;
import dev.sqlmodel.Session;
import dev.sqlmodel.wildfly.app.Hero;
import dev.sqlmodel.wildfly.app.Invoice;
import dev.sqlmodel.wildfly.app.Team;
import dev.sqlmodel.schema.DatabaseSchema;
import dev.sqlmodel.schema.SchemaDiff;
import dev.sqlmodel.schema.SchemaInspector;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside the server: the library is the dev.sqlmodel module's, the models come from the index. */
@ExtendWith(ArquillianExtension.class)
class ModuleIT {
    @Inject
    Engine engine;

    @Deployment
    static WebArchive deployment() {
        return Deployments.heroApi("heroes-module");
    }

    @Test
    void libraryIsLoadedFromTheModuleNotTheWar() {
        ClassLoader library = Session.class.getClassLoader();
        assertNotSame(Hero.class.getClassLoader(), library);
        assertTrue(library.toString().contains("dev.sqlmodel"), library.toString());
    }

    @Test
    void modelsAreFoundThroughTheIndexOnPostgres() {
        Set<Class<?>> models = engine.models().stream().map(ModelInfo::type).collect(Collectors.toSet());
        assertEquals(Set.of(Hero.class, Team.class, Invoice.class), models);
        assertEquals(Dialect.POSTGRESQL, engine.dialect());
    }

    @Test
    void schemaToolsFindTheTablesInStepWithTheModels() {
        DatabaseSchema live = SchemaInspector.inspect(engine);
        assertTrue(live.table("hero").isPresent(), () -> live.tables().toString());
        assertEquals(List.of(), SchemaDiff.between(live, SchemaInspector.fromModels(engine.dialect(), Hero.class, Team.class, Invoice.class)));
    }

    @Test
    void sessionOutsideJtaCommitsItsOwnTransactionOnTheServersPool() {
        Hero hero = new Hero("Dr. Weird", "Steve Weird", 36);
        try (Session s = engine.session()) {
            s.add(hero);
            s.commit();
        }
        try (Session s = engine.session()) {
            assertEquals("Steve Weird", s.get(Hero.class, hero.id).orElseThrow().secretName);
        }
    }
}
