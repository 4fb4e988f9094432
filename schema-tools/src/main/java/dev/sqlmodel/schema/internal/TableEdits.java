package dev.sqlmodel.schema.internal;

import dev.sqlmodel.schema.AddColumn;
import dev.sqlmodel.schema.AddForeignKey;
import dev.sqlmodel.schema.AddIndex;
import dev.sqlmodel.schema.AddUnique;
import dev.sqlmodel.schema.AlterColumn;
import dev.sqlmodel.schema.ColumnSchema;
import dev.sqlmodel.schema.CreateTable;
import dev.sqlmodel.schema.DropColumn;
import dev.sqlmodel.schema.DropForeignKey;
import dev.sqlmodel.schema.DropIndex;
import dev.sqlmodel.schema.DropTable;
import dev.sqlmodel.schema.DropUnique;
import dev.sqlmodel.schema.ForeignKeySchema;
import dev.sqlmodel.schema.IndexSchema;
import dev.sqlmodel.schema.SchemaChange;
import dev.sqlmodel.schema.TableSchema;
import dev.sqlmodel.schema.UniqueSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Applies a change to a table definition in memory: the diff threads a table's state through
 * its changes this way, so each change that SQLite must do by rebuilding knows the table it
 * starts from.
 */
public final class TableEdits {
    private TableEdits() {
    }

    /** The table after {@code change}, or null when the change carries no "before" table. */
    public static TableSchema after(SchemaChange change) {
        TableSchema before = before(change);
        return before == null ? null : apply(before, change);
    }

    /** The "before" table {@code change} carries, or null. */
    public static TableSchema before(SchemaChange change) {
        TableSchema before = null;
        if (change instanceof AddColumn c) {
            before = c.before();
        } else if (change instanceof DropColumn c) {
            before = c.before();
        } else if (change instanceof AlterColumn c) {
            before = c.before();
        } else if (change instanceof AddUnique c) {
            before = c.before();
        } else if (change instanceof DropUnique c) {
            before = c.before();
        } else if (change instanceof AddForeignKey c) {
            before = c.before();
        } else if (change instanceof DropForeignKey c) {
            before = c.before();
        }
        return before;
    }

    /** {@code table} with {@code change} applied. */
    public static TableSchema apply(TableSchema t, SchemaChange change) {
        List<ColumnSchema> columns = new ArrayList<>(t.columns());
        List<String> pk = new ArrayList<>(t.primaryKey());
        List<ForeignKeySchema> fks = new ArrayList<>(t.foreignKeys());
        List<UniqueSchema> uniques = new ArrayList<>(t.uniqueConstraints());
        List<IndexSchema> indexes = new ArrayList<>(t.indexes());
        if (change instanceof CreateTable c) {
            return c.definition();
        } else if (change instanceof DropTable) {
            return t;
        } else if (change instanceof AddColumn c) {
            columns.add(c.definition());
        } else if (change instanceof DropColumn c) {
            String name = c.column();
            columns.removeIf(x -> x.name().equalsIgnoreCase(name));
            pk.removeIf(x -> x.equalsIgnoreCase(name));
            fks.removeIf(fk -> contains(fk.columns(), name));
            uniques.removeIf(u -> contains(u.columns(), name));
            indexes.removeIf(i -> contains(i.columns(), name));
        } else if (change instanceof AlterColumn c) {
            columns.replaceAll(x -> x.name().equalsIgnoreCase(c.column()) ? c.to() : x);
        } else if (change instanceof AddIndex c) {
            indexes.add(c.index());
        } else if (change instanceof DropIndex c) {
            indexes.removeIf(i -> i.name().equalsIgnoreCase(c.index().name()));
        } else if (change instanceof AddUnique c) {
            uniques.add(c.constraint());
        } else if (change instanceof DropUnique c) {
            uniques.removeIf(sameUnique(c.constraint()));
        } else if (change instanceof AddForeignKey c) {
            fks.add(c.key());
        } else if (change instanceof DropForeignKey c) {
            fks.removeIf(sameKey(c.key()));
        }
        return new TableSchema(t.name(), columns, pk, fks, uniques, indexes, t.checks());
    }

    private static Predicate<UniqueSchema> sameUnique(UniqueSchema u) {
        return x -> x.name().equalsIgnoreCase(u.name()) || lower(x.columns()).equals(lower(u.columns()));
    }

    private static Predicate<ForeignKeySchema> sameKey(ForeignKeySchema k) {
        return x -> x.name() != null && k.name() != null ? x.name().equalsIgnoreCase(k.name())
                : lower(x.columns()).equals(lower(k.columns())) && x.refTable().equalsIgnoreCase(k.refTable());
    }

    private static boolean contains(List<String> names, String name) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** The names lower-cased, for comparisons. */
    public static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
