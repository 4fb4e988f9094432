package dev.sqlmodel.ast;

import dev.sqlmodel.Column;
import java.util.List;

/**
 * The ON CONFLICT part of an insert: the conflict target (empty = any) and the columns to
 * update from the new row (empty = do nothing).
 */
public record Conflict(List<Column<?, ?>> target, List<Column<?, ?>> updates) {
    /** Copies the lists. */
    public Conflict {
        target = List.copyOf(target);
        updates = List.copyOf(updates);
    }

    /** Whether the conflicting rows are skipped rather than updated. */
    public boolean doNothing() {
        return updates.isEmpty();
    }
}
