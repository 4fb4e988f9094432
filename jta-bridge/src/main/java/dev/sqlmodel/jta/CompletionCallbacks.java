package dev.sqlmodel.jta;

import dev.sqlmodel.impl.engine.TransactionIntegration.Participant;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The synchronization one participant registers with one transaction. A failure before
 * completion marks the transaction rollback-only before it is rethrown, so that the transaction
 * manager rolls back even if it would otherwise only log the exception. After completion nothing
 * may escape: the transaction has ended and the callback may run on the manager's reaper thread.
 */
final class CompletionCallbacks<S> implements Synchronization {
    private static final Logger LOG = Logger.getLogger("dev.sqlmodel.jta");

    private final TransactionSynchronizationRegistry registry;
    private final Participant<S> participant;
    private final S state;

    CompletionCallbacks(TransactionSynchronizationRegistry registry, Participant<S> participant, S state) {
        this.registry = registry;
        this.participant = participant;
        this.state = state;
    }

    @Override
    public void beforeCompletion() {
        try {
            participant.beforeCompletion(state);
        } catch (RuntimeException | Error e) {
            try {
                registry.setRollbackOnly();
            } catch (RuntimeException markFailure) {
                e.addSuppressed(markFailure);
            }
            throw e;
        }
    }

    @Override
    public void afterCompletion(int status) {
        try {
            participant.afterCompletion(state, status == Status.STATUS_COMMITTED);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "after completion of a JTA transaction: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CompletionCallbacks[" + participant + "]";
    }
}
