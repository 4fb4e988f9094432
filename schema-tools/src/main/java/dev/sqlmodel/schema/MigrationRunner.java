package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.engine.SqlErrors;
import dev.sqlmodel.schema.internal.EngineConnections;
import dev.sqlmodel.schema.internal.HistoryTable;
import dev.sqlmodel.schema.internal.MigrationFile;
import dev.sqlmodel.schema.internal.MigrationLock;
import dev.sqlmodel.schema.internal.StatementSplitter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Applies the {@code V<n>__<description>.sql} files of a folder in version order and records
 * each in a history table ({@value SchemaDiff#HISTORY_TABLE} unless {@link #table(String)} names
 * another).
 *
 * <p>A run holds a lock so that two runners (processes or threads) never apply the same
 * migration: a PostgreSQL advisory lock or MySQL {@code GET_LOCK} for the whole run, SQLite's
 * {@code BEGIN IMMEDIATE} per migration; under the lock the history is read again. Before
 * anything runs, every applied file's checksum is compared with the recorded one and an edited
 * file stops the run. Where DDL is transactional (SQLite, PostgreSQL) each migration and its
 * history row commit together, so a failed migration leaves nothing behind and may be retried
 * once fixed; on MySQL a failed migration may have half-applied, so the next run refuses until
 * its row is removed by hand. A failure is recorded ({@code success = false}) and thrown as a
 * {@link MigrationException} naming the file and the statement.
 *
 * <p>On SQLite foreign keys are turned off around each migration (a table rebuild drops and
 * re-creates tables that others reference) and {@code PRAGMA foreign_key_check} statements in
 * the file fail the migration when they find a dangling reference.
 */
public final class MigrationRunner {
    private static final Pattern FK_CHECK = Pattern.compile("(?is)PRAGMA\\s+foreign_key_check\\b.*");
    private static final Pattern FK_SWITCH = Pattern.compile("(?is)PRAGMA\\s+foreign_keys\\s*=.*");
    private static final Duration SQLITE_WAIT = Duration.ofMinutes(5);

    private final Engine engine;
    private final Path dir;
    private final String table;
    private final Consumer<String> progress;

    private MigrationRunner(Engine engine, Path dir, String table, Consumer<String> progress) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.table = Objects.requireNonNull(table, "table");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** A runner of the migrations in {@code dir} against {@code engine}'s database. */
    public static MigrationRunner of(Engine engine, Path dir) {
        return new MigrationRunner(engine, dir, SchemaDiff.HISTORY_TABLE, line -> {
        });
    }

    /**
     * This runner with the history kept in table {@code name}.
     *
     * @throws IllegalArgumentException when the name is not a plain identifier
     */
    public MigrationRunner table(String name) {
        new HistoryTable(engine.dialect(), name);
        return new MigrationRunner(engine, dir, name, progress);
    }

    /** This runner reporting its progress ({@code "Applying V2__add_age.sql"}) to {@code listener}. */
    public MigrationRunner progress(Consumer<String> listener) {
        return new MigrationRunner(engine, dir, table, listener);
    }

    /**
     * Applies every pending migration, in version order.
     *
     * @return the versions applied by this run and how long it took
     * @throws MigrationException when an applied file was edited (naming it), when a migration
     *         fails (naming the file and the statement), or when an earlier failure on MySQL
     *         needs repair
     */
    public MigrationReport migrate() {
        long start = System.nanoTime();
        List<MigrationFile> files = MigrationFile.scan(dir);
        Dialect dialect = engine.dialect();
        HistoryTable history = new HistoryTable(dialect, table);
        MigrationLock lock = new MigrationLock(dialect, table);
        List<String> applied = new ArrayList<>();
        try (EngineConnections ec = EngineConnections.borrow(engine)) {
            Connection c = ec.connection();
            call(() -> lock.acquire(c), null);
            try {
                call(() -> history.ensure(c), null);
                Map<String, HistoryTable.Row> rows = call(() -> history.read(c), null);
                validate(files, rows, dialect);
                List<MigrationFile> pending = new ArrayList<>();
                for (MigrationFile f : files) {
                    HistoryTable.Row r = rows.get(f.version());
                    if (r == null || !r.success()) {
                        pending.add(f);
                    }
                }
                if (pending.isEmpty()) {
                    progress.accept("Schema is up to date (" + files.size() + " migration(s) applied)");
                }
                for (MigrationFile f : pending) {
                    if (apply(c, f, history, dialect)) {
                        applied.add(f.version());
                    }
                }
            } finally {
                call(() -> lock.release(c), null);
            }
        }
        return new MigrationReport(applied, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The state of every migration file, and of recorded versions whose file is gone, in version order.
     *
     * @throws SqlModelException when the history cannot be read
     */
    public List<MigrationStatus> status() {
        List<MigrationFile> files = MigrationFile.scan(dir);
        HistoryTable history = new HistoryTable(engine.dialect(), table);
        Map<String, HistoryTable.Row> rows;
        try (EngineConnections ec = EngineConnections.borrow(engine)) {
            Connection c = ec.connection();
            rows = history.exists(c) ? call(() -> history.read(c), null) : Map.of();
        }
        List<MigrationStatus> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (MigrationFile f : files) {
            seen.add(f.version());
            HistoryTable.Row r = rows.get(f.version());
            String sum = f.checksum();
            if (r == null) {
                out.add(new MigrationStatus(f.version(), f.description(), MigrationStatus.State.PENDING, null, sum));
            } else {
                MigrationStatus.State state = !r.success() ? MigrationStatus.State.FAILED
                        : r.checksum().equals(sum) ? MigrationStatus.State.APPLIED : MigrationStatus.State.CHANGED;
                out.add(new MigrationStatus(f.version(), f.description(), state, r.appliedAt(), r.checksum()));
            }
        }
        for (HistoryTable.Row r : rows.values()) {
            if (!seen.contains(r.version())) {
                out.add(new MigrationStatus(r.version(), r.description(), r.success() ? MigrationStatus.State.APPLIED
                        : MigrationStatus.State.FAILED, r.appliedAt(), r.checksum()));
            }
        }
        out.sort(Comparator.comparing(MigrationStatus::version, MigrationFile.VERSION_ORDER));
        return out;
    }

    /**
     * Marks every migration file as applied without running it: the start of tracking for a
     * database whose schema already matches them.
     *
     * @return the versions recorded
     * @throws MigrationException when the history already has rows
     */
    public List<String> baseline() {
        List<MigrationFile> files = MigrationFile.scan(dir);
        return baseline(files.isEmpty() ? "0" : files.get(files.size() - 1).version());
    }

    /**
     * Marks the migration files up to and including {@code version} as applied without running
     * them; later files stay pending.
     *
     * @return the versions recorded
     * @throws MigrationException when the history already has rows
     */
    public List<String> baseline(String version) {
        Objects.requireNonNull(version, "version");
        List<MigrationFile> files = MigrationFile.scan(dir);
        HistoryTable history = new HistoryTable(engine.dialect(), table);
        MigrationLock lock = new MigrationLock(engine.dialect(), table);
        List<String> recorded = new ArrayList<>();
        try (EngineConnections ec = EngineConnections.borrow(engine)) {
            Connection c = ec.connection();
            call(() -> lock.acquire(c), null);
            try {
                call(() -> history.ensure(c), null);
                if (!call(() -> history.read(c), null).isEmpty()) {
                    throw new MigrationException("cannot baseline: " + table + " already records migrations");
                }
                for (MigrationFile f : files) {
                    if (MigrationFile.VERSION_ORDER.compare(f.version(), version) <= 0) {
                        HistoryTable.Row row = new HistoryTable.Row(f.version(), f.description(), f.checksum(),
                                Instant.now(), 0, true);
                        call(() -> history.write(c, row), null);
                        recorded.add(f.version());
                        progress.accept("Baselined " + f.fileName());
                    }
                }
            } finally {
                call(() -> lock.release(c), null);
            }
        }
        return recorded;
    }

    private void validate(List<MigrationFile> files, Map<String, HistoryTable.Row> rows, Dialect dialect) {
        for (MigrationFile f : files) {
            HistoryTable.Row r = rows.get(f.version());
            if (r == null) {
                continue;
            }
            if (r.success() && !r.checksum().equals(f.checksum())) {
                throw new MigrationException("checksum mismatch: " + f.fileName() + " was changed after it was applied"
                        + " (recorded " + abbreviate(r.checksum()) + ", file " + abbreviate(f.checksum())
                        + "); restore it and put the change in a new migration");
            }
            if (!r.success() && dialect == Dialect.MYSQL) {
                throw new MigrationException(f.fileName() + " failed earlier and MySQL cannot roll back DDL: repair the "
                        + "database by hand, then delete version " + f.version() + " from " + table);
            }
        }
    }

    /** Applies {@code f}; false when another runner applied it first (SQLite). */
    private boolean apply(Connection c, MigrationFile f, HistoryTable history, Dialect dialect) {
        List<String> statements = new StatementSplitter(dialect).split(f.text());
        String checksum = f.checksum();
        boolean sqlite = dialect == Dialect.SQLITE;
        boolean transactional = dialect != Dialect.MYSQL;
        long start = System.nanoTime();
        String current = null;
        progress.accept("Applying " + f.fileName() + " (" + statements.size() + " statement(s))");
        try {
            if (sqlite) {
                exec(c, "PRAGMA foreign_keys=OFF");
                MigrationLock.beginImmediate(c, SQLITE_WAIT);
                HistoryTable.Row r = history.read(c).get(f.version());
                if (r != null && r.success()) {
                    exec(c, "ROLLBACK");
                    progress.accept("Skipped " + f.fileName() + ": applied meanwhile by another runner");
                    return false;
                }
            } else if (transactional) {
                c.setAutoCommit(false);
            }
            try (Statement st = c.createStatement()) {
                for (String s : statements) {
                    current = s;
                    if (sqlite && FK_SWITCH.matcher(s).matches()) {
                        continue; // a no-op inside the transaction: the runner switches foreign keys itself
                    }
                    if (FK_CHECK.matcher(s).matches()) {
                        checkForeignKeys(st, s);
                    } else {
                        st.execute(s);
                    }
                }
            }
            current = null;
            history.write(c, new HistoryTable.Row(f.version(), f.description(), checksum, Instant.now(),
                    millisSince(start), true));
            if (sqlite) {
                exec(c, "COMMIT");
            } else if (transactional) {
                c.commit();
            }
            progress.accept("Applied " + f.fileName() + " in " + millisSince(start) + " ms");
            return true;
        } catch (SQLException | RuntimeException e) {
            rollback(c, sqlite, transactional, e);
            recordFailure(c, f, history, checksum, start, e);
            if (e instanceof MigrationException m) {
                throw m;
            }
            String reason = e instanceof SQLException x ? SqlErrors.translate(x, null, dialect).getMessage()
                    : e.getMessage();
            throw new MigrationException(f.fileName() + " failed" + (current != null ? " at statement: " + current : "")
                    + ": " + reason, e, current, e instanceof SQLException x ? x.getSQLState() : null);
        } finally {
            restore(c, sqlite, transactional);
        }
    }

    private void checkForeignKeys(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            if (rs.next()) {
                throw new MigrationException("foreign key check failed: a row of table " + rs.getString(1)
                        + " (rowid " + rs.getString(2) + ") references a missing row of " + rs.getString(3), null,
                        sql, "23503");
            }
        }
    }

    private void recordFailure(Connection c, MigrationFile f, HistoryTable history, String checksum, long start,
            Exception failure) {
        try {
            history.write(c, new HistoryTable.Row(f.version(), f.description(), checksum, Instant.now(),
                    millisSince(start), false));
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void rollback(Connection c, boolean sqlite, boolean transactional, Exception failure) {
        try {
            if (sqlite) {
                exec(c, "ROLLBACK");
            } else if (transactional) {
                c.rollback();
            }
        } catch (SQLException e) {
            // SQLite: a failed BEGIN IMMEDIATE left no transaction to roll back.
            if (!sqlite) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void restore(Connection c, boolean sqlite, boolean transactional) {
        try {
            if (sqlite) {
                exec(c, "PRAGMA foreign_keys=ON");
            } else if (transactional) {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The connection goes back to the pool, which validates it before reuse.
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) : checksum;
    }

    private <T> T call(SqlCall<T> body, String sql) {
        try {
            return body.call();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, sql, engine.dialect());
        }
    }

    private void call(SqlRun body, String sql) {
        call(() -> {
            body.run();
            return null;
        }, sql);
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private interface SqlRun {
        void run() throws SQLException;
    }

    @Override
    public String toString() {
        return "MigrationRunner[" + dir + ", " + table + "]";
    }
}
