package dev.sqlmodel;

/** Options of {@code SELECT ... FOR UPDATE}. */
public enum LockOption {
    /** Fail at once instead of waiting for a locked row. */
    NOWAIT,
    /** Skip rows another transaction has locked. */
    SKIP_LOCKED
}
