package dev.sqlmodel.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Related;
import dev.sqlmodel.Session;
import dev.sqlmodel.wildfly.app.Hero;
import dev.sqlmodel.wildfly.app.Team;
import dev.sqlmodel.wildfly.app.TeamResource;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /teams/{id}} loads the team's heroes in one more statement, however many there
 * are; counted on the statement log the WAR switches on ({@code sqlmodel.datasource.echo}).
 */
@ExtendWith(ArquillianExtension.class)
class TeamLoadingIT {
    @Inject
    Engine engine;

    @Inject
    TeamResource teams;

    @Inject
    RequestContextController requestContext;

    @Deployment
    static WebArchive deployment() {
        return Deployments.heroApi("heroes-loading");
    }

    @Test
    void teamWithThreeHeroesIsReadInTwoSelects() {
        Team team = new Team("Z-Force", "Sister Margaret's Bar");
        try (Session s = engine.session()) {
            for (String name : List.of("Deadpond", "Domino", "Cable")) {
                Hero h = new Hero(name, name + " secret", 30);
                h.team = Related.of(team);
                s.add(h);
            }
            s.commit();
        }

        List<String> statements = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                statements.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger sql = Logger.getLogger("dev.sqlmodel.sql");
        sql.addHandler(capture);
        String json;
        requestContext.activate();
        try {
            json = teams.read(team.id);
        } finally {
            requestContext.deactivate();
            sql.removeHandler(capture);
        }

        assertTrue(json.contains("Deadpond") && json.contains("Domino") && json.contains("Cable"), json);
        List<String> selects = statements.stream().filter(s -> s.startsWith("SELECT")).toList();
        assertEquals(2, selects.size(), () -> String.join("\n", statements));
    }
}
