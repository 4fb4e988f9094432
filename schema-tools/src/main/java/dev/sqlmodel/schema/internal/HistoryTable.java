package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.impl.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The migration history table: {@code (version, description, checksum, applied_at,
 * execution_ms, success)}, one row per applied (or failed) version. {@code applied_at} is UTC.
 */
public final class HistoryTable {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Dialect dialect;
    private final String name;
    private final String quoted;

    /**
     * The history table {@code name} on {@code dialect}.
     *
     * @throws IllegalArgumentException when the name is not a plain identifier
     */
    public HistoryTable(Dialect dialect, String name) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        if (!SAFE.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("history table name must be a plain identifier: " + name);
        }
        this.name = name;
        this.quoted = SqlDialect.of(dialect).quote(name);
    }

    /** The table name. */
    public String name() {
        return name;
    }

    /** One row of the history. */
    public record Row(String version, String description, String checksum, Instant appliedAt, long executionMs,
            boolean success) {
    }

    /** Creates the table when it does not exist. */
    public void ensure(Connection c) throws SQLException {
        String time = dialect == Dialect.MYSQL ? "DATETIME(3)" : "TIMESTAMP";
        String ddl = "CREATE TABLE IF NOT EXISTS " + quoted + " (" + q("version") + " VARCHAR(50) NOT NULL PRIMARY KEY, "
                + q("description") + " VARCHAR(200) NOT NULL, " + q("checksum") + " VARCHAR(64) NOT NULL, "
                + q("applied_at") + " " + time + " NOT NULL, " + q("execution_ms") + " BIGINT NOT NULL, "
                + q("success") + " BOOLEAN NOT NULL)" + (dialect == Dialect.MYSQL ? " ENGINE=InnoDB" : "");
        try (Statement st = c.createStatement()) {
            st.execute(ddl);
        }
    }

    /** Every row, by version. */
    public Map<String, Row> read(Connection c) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + q("version") + ", " + q("description") + ", "
                        + q("checksum") + ", " + q("applied_at") + ", " + q("execution_ms") + ", " + q("success")
                        + " FROM " + quoted)) {
            while (rs.next()) {
                rows.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2), rs.getString(3), time(rs, 4),
                        rs.getLong(5), rs.getBoolean(6)));
            }
        }
        return rows;
    }

    /** Whether the table exists (read through a harmless query). */
    public boolean exists(Connection c) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + quoted)) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Writes {@code row}, replacing an earlier row of the same version (a failed attempt). */
    public void write(Connection c, Row row) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + quoted + " WHERE " + q("version") + " = ?")) {
            del.setString(1, row.version());
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + quoted + " (" + q("version") + ", "
                + q("description") + ", " + q("checksum") + ", " + q("applied_at") + ", " + q("execution_ms") + ", "
                + q("success") + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ins.setString(1, row.version());
            String d = row.description();
            ins.setString(2, d.length() > 200 ? d.substring(0, 200) : d);
            ins.setString(3, row.checksum());
            LocalDateTime utc = LocalDateTime.ofInstant(row.appliedAt(), ZoneOffset.UTC);
            if (dialect == Dialect.SQLITE) {
                ins.setString(4, SQLITE_TIME.format(utc));
            } else {
                ins.setObject(4, utc);
            }
            ins.setLong(5, row.executionMs());
            ins.setBoolean(6, row.success());
            ins.executeUpdate();
        }
    }

    private Instant time(ResultSet rs, int column) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            String s = rs.getString(column);
            return s == null ? null : LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private String q(String column) {
        return SqlDialect.of(dialect).quote(column);
    }

    @Override
    public String toString() {
        return "HistoryTable[" + dialect + " " + name + "]";
    }
}
