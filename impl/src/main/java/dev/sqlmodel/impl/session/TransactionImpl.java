package dev.sqlmodel.impl.session;

import dev.sqlmodel.Savepoint;
import dev.sqlmodel.Transaction;

/** An explicit transaction of a session; it ends when the session commits or rolls back. */
final class TransactionImpl implements Transaction {
    private final SessionImpl session;
    private final long generation;

    TransactionImpl(SessionImpl session, long generation) {
        this.session = session;
        this.generation = generation;
    }

    private void checkActive() {
        if (!isActive()) {
            throw new IllegalStateException("transaction is no longer active");
        }
    }

    @Override
    public void commit() {
        checkActive();
        session.commit();
    }

    @Override
    public void rollback() {
        checkActive();
        session.rollback();
    }

    @Override
    public Savepoint savepoint() {
        checkActive();
        return session.savepoint();
    }

    @Override
    public boolean isActive() {
        return session.transactionGeneration() == generation && session.inTransaction();
    }

    @Override
    public void close() {
        if (isActive()) {
            session.rollback();
        }
    }

    @Override
    public String toString() {
        return "Transaction[" + (isActive() ? "active" : "ended") + "]";
    }
}
