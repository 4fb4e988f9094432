package dev.sqlmodel.schema.internal;

import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.schema.ColumnSchema;
import dev.sqlmodel.schema.ForeignKeySchema;
import dev.sqlmodel.schema.IndexSchema;
import dev.sqlmodel.schema.TableSchema;
import dev.sqlmodel.schema.UniqueSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The parts of one table as a catalog reader collects them, row by row. */
final class TableParts {
    final String name;
    final List<ColumnSchema> columns = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    final List<ForeignKeySchema> foreignKeys = new ArrayList<>();
    final List<UniqueSchema> uniques = new ArrayList<>();
    final List<IndexSchema> indexes = new ArrayList<>();
    final List<String> checks = new ArrayList<>();

    TableParts(String name) {
        this.name = name;
    }

    TableSchema build() {
        return new TableSchema(name, columns, primaryKey, foreignKeys, uniques, indexes, checks);
    }

    /** The action a catalog spells {@code rule} ({@code NO ACTION}, {@code SET NULL}, ...). */
    static ReferentialAction action(String rule) {
        if (rule == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (rule.strip().toUpperCase(Locale.ROOT)) {
            case "CASCADE", "C" -> ReferentialAction.CASCADE;
            case "SET NULL", "N" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT", "D" -> ReferentialAction.SET_DEFAULT;
            case "RESTRICT", "R" -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    @Override
    public String toString() {
        return "TableParts[" + name + "]";
    }
}
