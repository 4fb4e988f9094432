package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Transactional work on heroes, for the in-container tests. Each method runs in its own request
 * context (an in-container test's thread has none) and its own JTA transaction, which the
 * session joins.
 */
@ApplicationScoped
@ActivateRequestContext
public class HeroService {
    @Inject
    Session session;

    /** Adds the heroes; the JTA commit writes them (flushed at beforeCompletion). */
    @Transactional
    public void add(Hero... heroes) {
        for (Hero h : heroes) {
            session.add(h);
        }
    }

    /** Adds and flushes the hero, then fails: the transaction rolls back. */
    @Transactional
    public void addThenFail(Hero hero) {
        session.add(hero);
        session.flush();
        throw new IllegalStateException("failing after the flush of " + hero.name);
    }

    /**
     * Adds {@code kept}, then {@code undone} inside a savepoint that is rolled back; the
     * transaction commits {@code kept} only.
     */
    @Transactional
    public void addWithUndoneStep(Hero kept, Hero undone) {
        session.add(kept);
        try {
            session.nested(() -> {
                session.add(undone);
                session.flush();
                throw new IllegalStateException("undo " + undone.name);
            });
        } catch (IllegalStateException expected) {
            // rolled back to the savepoint; the transaction goes on
        }
        if (session.contains(undone)) {
            throw new AssertionError("the savepoint's work is still in the session");
        }
    }
}
