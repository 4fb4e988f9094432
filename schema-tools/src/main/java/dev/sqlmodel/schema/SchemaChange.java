package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.internal.ChangeSql;
import java.util.List;

/**
 * One change that brings a database schema closer to the models. {@link SchemaDiff} computes
 * them; {@link MigrationWriter} writes their SQL to a migration file.
 *
 * <p>The changes that SQLite's {@code ALTER TABLE} cannot express (a column's type, NOT NULL or
 * default; dropping a column; adding or dropping a unique constraint or foreign key) carry the
 * table as it is before the change, and on SQLite their SQL rebuilds that table: create the new
 * table, copy the rows, drop the old one, rename, re-create the indexes, then check the foreign
 * keys.
 */
public sealed interface SchemaChange permits CreateTable, DropTable, AddColumn, DropColumn, AlterColumn, AddIndex,
        DropIndex, AddUnique, DropUnique, AddForeignKey, DropForeignKey {

    /** The name of the table this change applies to. */
    String table();

    /**
     * The statements that make this change on {@code dialect}, in order, without trailing semicolons.
     *
     * @throws dev.sqlmodel.SqlModelException when the dialect cannot express the change
     */
    default List<String> sql(Dialect dialect) {
        return ChangeSql.of(this, dialect);
    }

    /** Whether this change can lose data: dropping a table or column, or narrowing a column's type. */
    default boolean isDestructive() {
        return false;
    }

    /** The change that undoes this one (used for the down migration). */
    SchemaChange inverse();
}
