package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.ColumnSchema;
import dev.sqlmodel.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's documented twelve-step procedure for the table changes its {@code ALTER TABLE}
 * cannot make: with foreign keys off, create the new table under a temporary name, copy the
 * rows of the columns both tables have, drop the old table, rename the new one, re-create its
 * indexes, and check every foreign key before foreign keys go back on.
 *
 * <p>{@code PRAGMA foreign_keys} is a no-op inside a transaction, so {@link
 * dev.sqlmodel.schema.MigrationRunner} turns foreign keys off itself before it begins a
 * migration's transaction, and fails the migration when {@code PRAGMA foreign_key_check}
 * returns a row. The statements are still written into the file so that it also works when
 * run statement by statement (for example with the {@code sqlite3} shell).
 */
public final class SqliteRebuild {
    /** The prefix of the temporary table's name. */
    public static final String PREFIX = "_sqlmodel_new_";

    private SqliteRebuild() {
    }

    /** The statements that turn table {@code before} into {@code after}, keeping the rows. */
    public static List<String> statements(TableSchema before, TableSchema after) {
        TableDdl ddl = new TableDdl(Dialect.SQLITE);
        String temp = PREFIX + after.name();
        List<String> kept = new ArrayList<>();
        for (ColumnSchema c : after.columns()) {
            if (before.column(c.name()).isPresent()) {
                kept.add(ddl.quote(c.name()));
            }
        }
        List<String> create = ddl.create(after, temp);
        List<String> out = new ArrayList<>();
        out.add("PRAGMA foreign_keys=OFF");
        out.add(create.get(0));
        if (!kept.isEmpty()) {
            String cols = String.join(", ", kept);
            out.add("INSERT INTO " + ddl.quote(temp) + " (" + cols + ") SELECT " + cols + " FROM "
                    + ddl.quote(before.name()));
        }
        out.add("DROP TABLE " + ddl.quote(before.name()));
        out.add("ALTER TABLE " + ddl.quote(temp) + " RENAME TO " + ddl.quote(after.name()));
        out.addAll(create.subList(1, create.size()));
        out.add("PRAGMA foreign_key_check");
        out.add("PRAGMA foreign_keys=ON");
        return out;
    }
}
