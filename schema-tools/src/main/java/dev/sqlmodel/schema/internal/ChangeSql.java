package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.SqlModelException;
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
import dev.sqlmodel.schema.SchemaChange;
import dev.sqlmodel.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of each {@link SchemaChange} per dialect. PostgreSQL and MySQL alter in place;
 * SQLite alters in place where it can (add a nullable or defaulted column, indexes) and
 * otherwise rebuilds the table ({@link SqliteRebuild}).
 */
public final class ChangeSql {
    private ChangeSql() {
    }

    /** The statements of {@code change} on {@code dialect}. */
    public static List<String> of(SchemaChange change, Dialect dialect) {
        TableDdl ddl = new TableDdl(dialect);
        String table = ddl.quote(change.table());
        String alter = "ALTER TABLE " + table + " ";
        if (change instanceof CreateTable c) {
            return ddl.create(c.definition());
        }
        if (change instanceof DropTable) {
            return List.of("DROP TABLE " + table);
        }
        if (change instanceof AddIndex c) {
            return List.of(ddl.createIndex(change.table(), c.index()));
        }
        if (change instanceof DropIndex c) {
            return List.of(dialect == Dialect.MYSQL ? "DROP INDEX " + ddl.quote(c.index().name()) + " ON " + table
                    : "DROP INDEX " + ddl.quote(c.index().name()));
        }
        if (change instanceof AddColumn c) {
            ColumnSchema col = c.definition();
            boolean inPlace = dialect != Dialect.SQLITE
                    || !col.autoIncrement() && (col.nullable() || col.defaultValue() != null);
            if (inPlace) {
                return List.of(alter + "ADD COLUMN " + ddl.columnDefinition(col, null));
            }
            return rebuild(ddl, "adding NOT NULL column " + col.name() + " without a default", c);
        }
        if (change instanceof DropColumn c) {
            if (dialect != Dialect.SQLITE) {
                return List.of(alter + "DROP COLUMN " + ddl.quote(c.column()));
            }
            return rebuild(ddl, "dropping a column", c);
        }
        if (change instanceof AlterColumn c) {
            return switch (dialect) {
                case POSTGRESQL -> alterPostgres(ddl, alter, c);
                case MYSQL -> List.of(alter + "MODIFY COLUMN " + ddl.columnDefinition(c.to(), null));
                default -> rebuild(ddl, "altering a column", c);
            };
        }
        if (change instanceof AddUnique c) {
            if (dialect != Dialect.SQLITE) {
                return List.of(alter + "ADD " + ddl.unique(c.before(), c.constraint()));
            }
            return rebuild(ddl, "adding a unique constraint", c);
        }
        if (change instanceof DropUnique c) {
            return switch (dialect) {
                case POSTGRESQL -> List.of(alter + "DROP CONSTRAINT " + ddl.quote(c.constraint().name()));
                case MYSQL -> List.of(alter + "DROP INDEX " + ddl.quote(c.constraint().name()));
                default -> rebuild(ddl, "dropping a unique constraint", c);
            };
        }
        if (change instanceof AddForeignKey c) {
            if (dialect != Dialect.SQLITE) {
                return List.of(alter + "ADD " + ddl.foreignKey(c.key()));
            }
            return rebuild(ddl, "adding a foreign key", c);
        }
        if (change instanceof DropForeignKey c) {
            if (dialect == Dialect.SQLITE) {
                return rebuild(ddl, "dropping a foreign key", c);
            }
            if (c.key().name() == null) {
                throw new SqlModelException("cannot drop an unnamed foreign key of table '" + c.table() + "'");
            }
            return List.of(alter + (dialect == Dialect.MYSQL ? "DROP FOREIGN KEY " : "DROP CONSTRAINT ")
                    + ddl.quote(c.key().name()));
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    private static List<String> alterPostgres(TableDdl ddl, String alter, AlterColumn c) {
        String col = "ALTER COLUMN " + ddl.quote(c.column()) + " ";
        ColumnSchema from = c.from();
        ColumnSchema to = c.to();
        List<String> out = new ArrayList<>();
        if (from.autoIncrement() && !to.autoIncrement()) {
            out.add(alter + col + "DROP IDENTITY IF EXISTS");
        }
        if (!from.type().equalsIgnoreCase(to.type())) {
            out.add(alter + col + "TYPE " + to.type() + " USING " + ddl.quote(c.column()) + "::" + to.type());
        }
        boolean toNullable = to.nullable() && !to.autoIncrement();
        boolean fromNullable = from.nullable() && !from.autoIncrement();
        if (fromNullable != toNullable) {
            out.add(alter + col + (toNullable ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (!Defaults.same(from.defaultValue(), to.defaultValue())) {
            out.add(alter + col + (to.defaultValue() == null ? "DROP DEFAULT" : "SET DEFAULT " + to.defaultValue()));
        }
        if (!from.autoIncrement() && to.autoIncrement()) {
            out.add(alter + col + "ADD GENERATED BY DEFAULT AS IDENTITY");
        }
        return out;
    }

    private static List<String> rebuild(TableDdl ddl, String what, SchemaChange change) {
        TableSchema after = TableEdits.after(change);
        if (after == null) {
            throw ddl.needsDefinition(what, change.table());
        }
        TableSchema before = TableEdits.before(change);
        return SqliteRebuild.statements(before, after);
    }
}
