package dev.sqlmodel;

import java.sql.Connection;

/** Transaction isolation levels. */
public enum IsolationLevel {
    /** Dirty reads allowed. */
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    /** Only committed data is read. */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    /** Rows read once read the same again. */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    /** As if transactions ran one after another. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@link Connection} constant of this level. */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
