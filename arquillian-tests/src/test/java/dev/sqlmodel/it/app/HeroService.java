package dev.sqlmodel.it.app;

import dev.sqlmodel.Savepoint;
import dev.sqlmodel.Session;
import dev.sqlmodel.it.model.Hero;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.weld.proxy.WeldClientProxy;

/** Transactional use of the request's session, as an application writes it. */
@ApplicationScoped
public class HeroService {
    @Inject Session session;
    @Inject Event<HeroCreated> created;

    @Transactional
    public void create(String... names) {
        for (String name : names) {
            session.add(new Hero(name, 30));
            created.fire(new HeroCreated(name));
        }
    }

    @Transactional
    public void createThenFail(String name) {
        session.add(new Hero(name, 30));
        session.flush(); // the row is written inside the transaction, then undone by its rollback
        throw new IllegalStateException("failed after writing " + name);
    }

    /** Adds {@code hero} to the request's session; it is written when the transaction completes. */
    @Transactional
    public void add(Hero hero) {
        session.add(hero);
    }

    @Transactional
    public void createWithAge(String name, int age) {
        session.add(new Hero(name, age)); // written (and validated) before completion
    }

    @Transactional
    public void keepFirstUndoSecond(String keep, String undo, String undoToo) {
        session.add(new Hero(keep, 1));
        try {
            session.nested(() -> {
                session.add(new Hero(undo, 2));
                session.flush();
                throw new IllegalArgumentException("undo " + undo);
            });
        } catch (IllegalArgumentException expected) {
            // rolled back to the savepoint; the transaction goes on
        }
        Savepoint sp = session.savepoint();
        session.add(new Hero(undoToo, 3));
        session.flush();
        sp.rollback();
    }

    @Transactional
    public void commitInside() {
        session.add(new Hero("Committer", 1));
        session.commit();
    }

    @Transactional
    public void beginInside() {
        session.begin();
    }

    @Transactional
    public void rollbackInside() {
        session.rollback();
    }

    /** The session object behind the request-scoped proxy, in a request of its own. */
    @ActivateRequestContext
    public Session sessionOfNewRequest() {
        session.dialect(); // creates the request's session
        return (Session) ((WeldClientProxy) session).getMetadata().getContextualInstance();
    }

    /** A created hero, for transactional observers. */
    public record HeroCreated(String name) {
    }
}
