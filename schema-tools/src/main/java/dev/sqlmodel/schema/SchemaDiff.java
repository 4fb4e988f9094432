package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.schema.internal.Defaults;
import dev.sqlmodel.schema.internal.TableEdits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes that turn one schema into another: the smallest set, in an order the database
 * accepts. Foreign keys that go away are dropped first, then tables that no model maps, then
 * new tables are created (parents first), then each remaining table's indexes, unique
 * constraints and columns change, and new foreign keys come last, when everything they point
 * to exists.
 *
 * <p>Objects are matched by what they do, not by name: a column by name, a unique constraint
 * or index by its columns, a foreign key by its columns, target and actions. On MySQL
 * {@code RESTRICT} and {@code NO ACTION} are the same action. Primary-key changes and CHECK
 * constraints are not compared (models declare no checks; a rebuilt SQLite table keeps them).
 * Each change on an existing table carries the table as it is just before that change, so that
 * SQLite can rebuild it.
 */
public final class SchemaDiff {
    /** The migration history table every comparison ignores. */
    public static final String HISTORY_TABLE = "sqlmodel_migrations";

    private final Dialect dialect;
    private final Map<String, TableSchema> state = new LinkedHashMap<>();
    private final List<SchemaChange> changes = new ArrayList<>();

    private SchemaDiff(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The changes that turn {@code live} into {@code want}, ignoring the history table
     * {@value #HISTORY_TABLE}; empty when they are in step.
     *
     * @throws IllegalArgumentException when the two schemas are of different dialects
     */
    public static List<SchemaChange> between(DatabaseSchema live, DatabaseSchema want) {
        return between(live, want, Set.of());
    }

    /**
     * As {@link #between(DatabaseSchema, DatabaseSchema)}, ignoring the tables named in
     * {@code ignoredTables} (compared without case) as well.
     *
     * @throws IllegalArgumentException when the two schemas are of different dialects
     */
    public static List<SchemaChange> between(DatabaseSchema live, DatabaseSchema want, Set<String> ignoredTables) {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(want, "want");
        if (live.dialect() != want.dialect()) {
            throw new IllegalArgumentException("cannot compare a " + live.dialect() + " schema with a "
                    + want.dialect() + " schema");
        }
        Set<String> ignored = new HashSet<>();
        ignored.add(HISTORY_TABLE);
        for (String t : ignoredTables) {
            ignored.add(key(t));
        }
        return new SchemaDiff(want.dialect()).compute(live, want, ignored);
    }

    private List<SchemaChange> compute(DatabaseSchema live, DatabaseSchema want, Set<String> ignored) {
        List<TableSchema> existing = new ArrayList<>();
        List<TableSchema> created = new ArrayList<>();
        List<TableSchema> dropped = new ArrayList<>();
        for (TableSchema w : want.tables()) {
            if (ignored.contains(key(w.name()))) {
                continue;
            }
            if (live.table(w.name()).isPresent()) {
                existing.add(w);
                state.put(key(w.name()), live.table(w.name()).get());
            } else {
                created.add(w);
            }
        }
        for (TableSchema l : live.tables()) {
            if (!ignored.contains(key(l.name())) && want.table(l.name()).isEmpty()) {
                dropped.add(l);
            }
        }
        List<SchemaChange> addedKeys = new ArrayList<>();
        for (TableSchema w : existing) {
            TableSchema l = state.get(key(w.name()));
            for (ForeignKeySchema fk : l.foreignKeys()) {
                if (find(w.foreignKeys(), fk) == null) {
                    emit(new DropForeignKey(w.name(), fk, current(w)));
                }
            }
            for (ForeignKeySchema fk : w.foreignKeys()) {
                if (find(l.foreignKeys(), fk) == null) {
                    addedKeys.add(new AddForeignKey(w.name(), fk, null));
                }
            }
        }
        for (TableSchema d : childrenFirst(dropped)) {
            emit(new DropTable(d));
        }
        createTables(created, addedKeys);
        for (TableSchema w : existing) {
            alterTable(w);
        }
        for (SchemaChange c : addedKeys) {
            AddForeignKey a = (AddForeignKey) c;
            emit(new AddForeignKey(a.table(), a.key(), state.get(key(a.table()))));
        }
        return List.copyOf(changes);
    }

    private void createTables(List<TableSchema> created, List<SchemaChange> addedKeys) {
        Set<String> later = new HashSet<>();
        for (TableSchema t : created) {
            later.add(key(t.name()));
        }
        for (TableSchema t : created) {
            later.remove(key(t.name()));
            List<ForeignKeySchema> inline = new ArrayList<>();
            for (ForeignKeySchema fk : t.foreignKeys()) {
                // A key to a table created later (a cycle) is added once both exist; SQLite checks keys only on writes.
                if (dialect != Dialect.SQLITE && later.contains(key(fk.refTable()))) {
                    addedKeys.add(new AddForeignKey(t.name(), fk, null));
                } else {
                    inline.add(fk);
                }
            }
            emit(new CreateTable(new TableSchema(t.name(), t.columns(), t.primaryKey(), inline, t.uniqueConstraints(),
                    t.indexes(), t.checks())));
        }
    }

    private void alterTable(TableSchema w) {
        TableSchema l = state.get(key(w.name()));
        List<UniqueSchema> liveUniques = l.uniqueConstraints();
        for (IndexSchema i : l.indexes()) {
            boolean servesUnique = i.unique() && findUnique(w.uniqueConstraints(), i.columns()) != null;
            if (!servesUnique && findIndex(w.indexes(), i) == null) {
                emit(new DropIndex(w.name(), i));
            }
        }
        for (UniqueSchema u : liveUniques) {
            if (findUnique(w.uniqueConstraints(), u.columns()) == null) {
                emit(new DropUnique(w.name(), u, current(w)));
            }
        }
        for (ColumnSchema wc : w.columns()) {
            ColumnSchema lc = l.column(wc.name()).orElse(null);
            if (lc != null && !sameColumn(lc, wc)) {
                emit(new AlterColumn(w.name(), lc, new ColumnSchema(lc.name(), wc.type(), wc.nullable(),
                        wc.defaultValue(), wc.autoIncrement()), current(w)));
            }
        }
        for (ColumnSchema wc : w.columns()) {
            if (l.column(wc.name()).isEmpty()) {
                emit(new AddColumn(w.name(), wc, current(w)));
            }
        }
        for (ColumnSchema lc : l.columns()) {
            if (w.column(lc.name()).isEmpty()) {
                emit(new DropColumn(w.name(), lc, current(w)));
            }
        }
        for (UniqueSchema u : w.uniqueConstraints()) {
            if (findUnique(liveUniques, u.columns()) == null && !uniqueIndexExists(l, u)) {
                emit(new AddUnique(w.name(), u, current(w)));
            }
        }
        for (IndexSchema i : w.indexes()) {
            if (findIndex(l.indexes(), i) == null) {
                emit(new AddIndex(w.name(), i));
            }
        }
    }

    private TableSchema current(TableSchema t) {
        return state.get(key(t.name()));
    }

    private void emit(SchemaChange change) {
        changes.add(change);
        TableSchema before = state.get(key(change.table()));
        if (change instanceof DropTable) {
            state.remove(key(change.table()));
        } else if (change instanceof CreateTable c) {
            state.put(key(change.table()), c.definition());
        } else if (before != null) {
            state.put(key(change.table()), TableEdits.apply(before, change));
        }
    }

    private boolean sameColumn(ColumnSchema a, ColumnSchema b) {
        return a.type().equalsIgnoreCase(b.type()) && a.nullable() == b.nullable()
                && Defaults.same(a.defaultValue(), b.defaultValue()) && a.autoIncrement() == b.autoIncrement();
    }

    private ForeignKeySchema find(List<ForeignKeySchema> keys, ForeignKeySchema k) {
        for (ForeignKeySchema x : keys) {
            if (TableEdits.lower(x.columns()).equals(TableEdits.lower(k.columns()))
                    && x.refTable().equalsIgnoreCase(k.refTable())
                    && TableEdits.lower(x.refColumns()).equals(TableEdits.lower(k.refColumns()))
                    && action(x.onDelete()) == action(k.onDelete()) && action(x.onUpdate()) == action(k.onUpdate())) {
                return x;
            }
        }
        return null;
    }

    private ReferentialAction action(ReferentialAction a) {
        // InnoDB treats RESTRICT and NO ACTION alike, and MariaDB reports an omitted action as RESTRICT.
        return dialect == Dialect.MYSQL && a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
    }

    private static UniqueSchema findUnique(List<UniqueSchema> uniques, List<String> columns) {
        for (UniqueSchema u : uniques) {
            if (TableEdits.lower(u.columns()).equals(TableEdits.lower(columns))) {
                return u;
            }
        }
        return null;
    }

    private static boolean uniqueIndexExists(TableSchema t, UniqueSchema u) {
        for (IndexSchema i : t.indexes()) {
            if (i.unique() && TableEdits.lower(i.columns()).equals(TableEdits.lower(u.columns()))) {
                return true;
            }
        }
        return false;
    }

    private static IndexSchema findIndex(List<IndexSchema> indexes, IndexSchema i) {
        for (IndexSchema x : indexes) {
            if (x.unique() == i.unique() && TableEdits.lower(x.columns()).equals(TableEdits.lower(i.columns()))) {
                return x;
            }
        }
        return null;
    }

    /** {@code tables} ordered so that a table is dropped before the tables it references. */
    private static List<TableSchema> childrenFirst(List<TableSchema> tables) {
        Map<String, TableSchema> byName = new HashMap<>();
        for (TableSchema t : tables) {
            byName.put(key(t.name()), t);
        }
        List<TableSchema> parentsFirst = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (TableSchema t : tables) {
            visit(t, byName, done, new HashSet<>(), parentsFirst);
        }
        List<TableSchema> out = new ArrayList<>(parentsFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private static void visit(TableSchema t, Map<String, TableSchema> byName, Set<String> done, Set<String> visiting,
            List<TableSchema> out) {
        String k = key(t.name());
        if (done.contains(k) || !visiting.add(k)) {
            return;
        }
        for (ForeignKeySchema fk : t.foreignKeys()) {
            TableSchema parent = byName.get(key(fk.refTable()));
            if (parent != null && parent != t) {
                visit(parent, byName, done, visiting, out);
            }
        }
        done.add(k);
        out.add(t);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SchemaDiff[" + dialect + ", " + changes.size() + " changes]";
    }
}
