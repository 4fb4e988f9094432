package dev.sqlmodel.jta;

import dev.sqlmodel.impl.engine.TransactionIntegration;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;

/**
 * Sessions join the JTA transaction of the calling thread through its
 * {@link TransactionSynchronizationRegistry}.
 *
 * <p>On a participant's first operation in an active transaction, its state is created and
 * stored as a transaction resource under a key of that participant, and an interposed
 * synchronization is registered, so that the participant flushes after ordinary
 * synchronizations have run (an application's own flushes) and forgets the transaction before
 * they see its end. Later operations in the same transaction find the state again under the key.
 * A transaction that is marked for rollback or already completing is not joined: work begun then
 * could never commit, so it fails at once with an {@link IllegalStateException}.
 */
public final class JtaTransactions implements TransactionIntegration {
    private final TransactionSynchronizationRegistry registry;

    /** An integration over {@code registry}. */
    public JtaTransactions(TransactionSynchronizationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * The participant's state for the thread's transaction, joining it on the first call.
     *
     * @throws IllegalStateException when the transaction is no longer active and was not joined
     */
    @Override
    public <S> S current(Participant<S> participant) {
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            return null;
        }
        ParticipantKey key = new ParticipantKey(participant);
        @SuppressWarnings("unchecked")
        S state = (S) registry.getResource(key);
        if (state != null) {
            return state;
        }
        if (status != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("the JTA transaction of this thread is " + statusName(status)
                    + ": a session cannot join it");
        }
        S created = participant.joined();
        registry.registerInterposedSynchronization(new CompletionCallbacks<>(registry, participant, created));
        registry.putResource(key, created);
        return created;
    }

    /** Whether the thread has a JTA transaction, in any status. */
    @Override
    public boolean inGlobalTransaction() {
        return registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** A readable name of a {@link Status} constant. */
    static String statusName(int status) {
        return switch (status) {
            case Status.STATUS_ACTIVE -> "active";
            case Status.STATUS_MARKED_ROLLBACK -> "marked for rollback";
            case Status.STATUS_PREPARED -> "prepared";
            case Status.STATUS_COMMITTED -> "committed";
            case Status.STATUS_ROLLEDBACK -> "rolled back";
            case Status.STATUS_UNKNOWN -> "in an unknown state";
            case Status.STATUS_NO_TRANSACTION -> "absent";
            case Status.STATUS_PREPARING -> "preparing";
            case Status.STATUS_COMMITTING -> "committing";
            case Status.STATUS_ROLLING_BACK -> "rolling back";
            default -> "in state " + status;
        };
    }

    @Override
    public String toString() {
        return "JtaTransactions[" + registry + "]";
    }

    /** The resource key of one participant: equal only for the same participant object. */
    private static final class ParticipantKey {
        private final Object participant;

        ParticipantKey(Object participant) {
            this.participant = participant;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParticipantKey k && k.participant == participant;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(participant);
        }

        @Override
        public String toString() {
            return "sqlmodel:" + participant;
        }
    }
}
