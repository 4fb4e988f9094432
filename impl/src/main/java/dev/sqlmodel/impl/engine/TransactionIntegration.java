package dev.sqlmodel.impl.engine;

/**
 * How sessions take part in global (JTA) transactions. The engine asks its
 * {@link ConnectionSource#transactions()}; {@link #none()}, the default, means sessions only
 * ever run their own local transactions.
 *
 * <p>A session calls {@link #current(Participant)} at the start of each operation. When the
 * calling thread runs in a global transaction, the integration returns the state the participant
 * keeps for that transaction, creating it with {@link Participant#joined()} and registering the
 * participant's completion callbacks on the first call within the transaction. The state lives
 * with the transaction (for JTA: in the {@code TransactionSynchronizationRegistry}), not in the
 * participant, because one session can see several transactions one after the other.
 */
public interface TransactionIntegration {

    /**
     * The participant's state for the global transaction of the calling thread, joining that
     * transaction on the first call; null when the thread runs in no global transaction.
     *
     * @throws IllegalStateException when the thread's transaction can no longer be joined (it
     *         is marked for rollback or completing) and this participant has not joined it yet,
     *         or when {@link Participant#joined()} refuses
     */
    <S> S current(Participant<S> participant);

    /**
     * Whether the calling thread runs in a global transaction (whatever its status), without
     * joining it. {@code Engine.transaction(...)} asks this to leave retries to the code that owns
     * the global transaction.
     */
    default boolean inGlobalTransaction() {
        return false;
    }

    /** The integration for sessions that run local transactions only: {@link #current} is always null. */
    static TransactionIntegration none() {
        return NoTransactions.INSTANCE;
    }

    /**
     * Something that takes part in global transactions, such as a session, with the state
     * {@code S} it keeps for each one.
     *
     * @param <S> the per-transaction state
     */
    interface Participant<S> {

        /**
         * A new state for a transaction being joined.
         *
         * @throws IllegalStateException when the participant cannot join now
         */
        S joined();

        /**
         * Runs before the transaction commits (never on the rollback path): write pending work.
         * An exception marks the transaction rollback-only and is rethrown.
         */
        void beforeCompletion(S state);

        /**
         * Runs once the transaction has ended, possibly on another thread (a timeout): forget
         * per-transaction state. Must not run statements; must not throw.
         */
        void afterCompletion(S state, boolean committed);
    }
}

/** The do-nothing integration. */
enum NoTransactions implements TransactionIntegration {
    INSTANCE;

    @Override
    public <S> S current(Participant<S> participant) {
        return null;
    }

    @Override
    public String toString() {
        return "TransactionIntegration.none()";
    }
}
