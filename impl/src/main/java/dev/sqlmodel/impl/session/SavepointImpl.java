package dev.sqlmodel.impl.session;

import dev.sqlmodel.Savepoint;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A savepoint issued as SQL. It remembers which instances were attached when it was set and
 * their snapshots, so that rolling back can evict whatever the work since then added,
 * loaded or changed.
 */
final class SavepointImpl implements Savepoint {
    private final SessionImpl session;
    private final String name;
    private final long generation;
    private final Map<EntityState, Object[]> mark;
    private boolean done;

    SavepointImpl(SessionImpl session, String name, long generation, Map<EntityState, Object[]> mark) {
        this.session = session;
        this.name = name;
        this.generation = generation;
        this.mark = mark;
    }

    static Map<EntityState, Object[]> mark(IdentityMap map) {
        Map<EntityState, Object[]> m = new IdentityHashMap<>();
        for (EntityState s : map.all()) {
            m.put(s, s.snapshot);
        }
        return m;
    }

    private void check() {
        if (done) {
            throw new IllegalStateException("savepoint " + name + " was already released or rolled back");
        }
        if (session.transactionGeneration() != generation || !session.inTransaction()) {
            throw new IllegalStateException("savepoint " + name + " belongs to a transaction that has ended");
        }
    }

    @Override
    public void rollback() {
        check();
        done = true;
        session.rollbackTo(name, mark);
    }

    @Override
    public void release() {
        check();
        done = true;
        session.releaseSavepoint(name);
    }

    @Override
    public String toString() {
        return "Savepoint[" + name + (done ? ", done" : "") + "]";
    }
}
