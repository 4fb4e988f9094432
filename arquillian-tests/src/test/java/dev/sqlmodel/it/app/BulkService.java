package dev.sqlmodel.it.app;

import static dev.sqlmodel.Sql.select;

import dev.sqlmodel.Database;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.it.model.Hero;
import dev.sqlmodel.it.model.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.weld.proxy.WeldClientProxy;

/** Bulk work through the request's stateless sessions, as an application writes it. */
@ApplicationScoped
public class BulkService {
    @Inject StatelessSession stateless;
    @Inject @Database("reports") StatelessSession reports;
    @Inject Session session;

    @Transactional
    public void importHeroes(String... names) {
        List<Hero> all = new ArrayList<>();
        for (String name : names) {
            all.add(new Hero(name, 30));
        }
        stateless.insertAll(all);
    }

    /** Writes through both kinds of session in one JTA transaction, then fails. */
    @Transactional
    public void importThenFail(String statelessName, String sessionName) {
        stateless.insert(new Hero(statelessName, 1));
        session.add(new Hero(sessionName, 2));
        session.flush();
        throw new IllegalStateException("failed after importing " + statelessName);
    }

    /** Counts the heroes through a stream inside the JTA transaction, after inserting one more. */
    @Transactional
    public long insertThenCountByStream(String name) {
        stateless.insert(new Hero(name, 3));
        try (Stream<Hero> heroes = stateless.exec(select(Hero.class)).stream()) {
            return heroes.count();
        }
    }

    /** Writes a report to the second database, outside any transaction (auto-commit). */
    public long report(String title) {
        return reports.insert(new Report(title)).id;
    }

    /** The stateless session behind the request-scoped proxy, in a request of its own. */
    @ActivateRequestContext
    public StatelessSession statelessOfNewRequest() {
        stateless.dialect(); // creates the request's stateless session
        return (StatelessSession) ((WeldClientProxy) stateless).getMetadata().getContextualInstance();
    }
}
