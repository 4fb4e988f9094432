package dev.sqlmodel.impl.session;

import java.sql.Connection;

/**
 * What a session keeps for one global (JTA) transaction it joined. The transaction integration
 * stores it with the transaction, so a session that sees several transactions in turn never
 * mixes their state. The connection is the one the transaction enlisted; the session never
 * commits, rolls back or switches auto-commit on it.
 */
final class JoinedTransaction {
    /** Tells this transaction's savepoints from those of other transactions of the same session. */
    final long generation;
    /** The enlisted connection, taken on the first statement; null before and after. */
    Connection connection;
    /** Savepoints issued so far, for unique names. */
    int savepoints;

    JoinedTransaction(long generation) {
        this.generation = generation;
    }

    @Override
    public String toString() {
        return "JoinedTransaction[" + generation + (connection != null ? ", connected" : "") + "]";
    }
}
