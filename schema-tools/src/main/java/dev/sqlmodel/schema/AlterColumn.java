package dev.sqlmodel.schema;

import dev.sqlmodel.schema.internal.TableEdits;
import dev.sqlmodel.schema.internal.TypeNames;
import java.util.Objects;

/**
 * Change a column's type, nullability, default or auto-increment. Destructive when the type
 * narrows (a shorter VARCHAR, a smaller integer, fewer decimal digits, an unrelated type).
 *
 * @param table the table name
 * @param from the column as it is
 * @param to the column as it should be (same name)
 * @param before the table before the change (SQLite rebuilds it); may be null elsewhere
 */
public record AlterColumn(String table, ColumnSchema from, ColumnSchema to, TableSchema before)
        implements SchemaChange {

    /** Validates the table and both column states. */
    public AlterColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The name of the altered column. */
    public String column() {
        return to.name();
    }

    @Override
    public boolean isDestructive() {
        return TypeNames.isNarrowing(from.type(), to.type());
    }

    @Override
    public SchemaChange inverse() {
        return new AlterColumn(table, to, from, TableEdits.after(this));
    }
}
