package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.ColumnSchema;
import dev.sqlmodel.schema.DatabaseSchema;
import dev.sqlmodel.schema.ForeignKeySchema;
import dev.sqlmodel.schema.IndexSchema;
import dev.sqlmodel.schema.TableSchema;
import dev.sqlmodel.schema.UniqueSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads MySQL's and MariaDB's {@code information_schema} for {@code DATABASE()}. InnoDB keeps
 * unique constraints as unique indexes, so every unique index is reported as a unique
 * constraint; the index InnoDB creates by itself for a foreign key (named after the constraint,
 * or on MariaDB after the first column of an unnamed key) is left out. MySQL 8 reports a literal default without quotes, MariaDB with them: both are
 * read as the quoted literal.
 */
final class MySqlCatalog {
    private static final Set<String> NUMERIC = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
            "decimal", "numeric", "float", "double", "real", "bit", "year");

    private MySqlCatalog() {
    }

    static DatabaseSchema read(Connection c) throws SQLException {
        Map<String, TableParts> tables = new LinkedHashMap<>();
        Map<String, Set<String>> fkNames = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            boolean mariaDb;
            try (ResultSet rs = st.executeQuery("SELECT VERSION()")) {
                rs.next();
                mariaDb = rs.getString(1).toLowerCase(Locale.ROOT).contains("mariadb");
            }
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new TableParts(rs.getString(1)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, "
                    + "COLUMN_DEFAULT, EXTRA, DATA_TYPE FROM information_schema.COLUMNS "
                    + "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
                while (rs.next()) {
                    TableParts t = tables.get(rs.getString(1));
                    if (t == null) {
                        continue;
                    }
                    String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
                    boolean auto = extra.contains("auto_increment");
                    String raw = rs.getString(5);
                    if (extra.contains("generated") && !extra.contains("default_generated")) {
                        raw = null;
                    } else if (!mariaDb && raw != null && !extra.contains("default_generated")
                            && !NUMERIC.contains(rs.getString(7).toLowerCase(Locale.ROOT))) {
                        raw = "'" + raw.replace("'", "''") + "'";
                    }
                    t.columns.add(new ColumnSchema(rs.getString(2), TypeNames.normalize(Dialect.MYSQL, rs.getString(3)),
                            "YES".equalsIgnoreCase(rs.getString(4)), auto ? null : Defaults.normalize(Dialect.MYSQL, raw),
                            auto));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, "
                    + "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE "
                    + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                    + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                    + "AND r.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = DATABASE() "
                    + "AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                    + "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
                Map<String, List<String[]>> rows = new LinkedHashMap<>();
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)});
                }
                for (List<String[]> key : rows.values()) {
                    String[] first = key.get(0);
                    TableParts t = tables.get(first[0]);
                    if (t == null) {
                        continue;
                    }
                    List<String> cols = new ArrayList<>();
                    List<String> refs = new ArrayList<>();
                    for (String[] r : key) {
                        cols.add(r[2]);
                        refs.add(r[4]);
                    }
                    t.foreignKeys.add(new ForeignKeySchema(first[1], cols, first[3], refs, TableParts.action(first[5]),
                            TableParts.action(first[6])));
                    // InnoDB's own index for a key is named after the constraint (MySQL) or, for an
                    // unnamed key, after its first column (MariaDB).
                    Set<String> names = fkNames.computeIfAbsent(first[0], k -> new HashSet<>());
                    names.add(first[1].toLowerCase(Locale.ROOT) + ":" + String.join(",", TableEdits.lower(cols)));
                    names.add(cols.get(0).toLowerCase(Locale.ROOT) + ":" + String.join(",", TableEdits.lower(cols)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME "
                    + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                    + "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
                Map<String, List<String[]>> rows = new LinkedHashMap<>();
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
                for (List<String[]> index : rows.values()) {
                    String[] first = index.get(0);
                    TableParts t = tables.get(first[0]);
                    if (t == null) {
                        continue;
                    }
                    List<String> cols = new ArrayList<>();
                    for (String[] r : index) {
                        cols.add(r[3]);
                    }
                    boolean unique = "0".equals(first[2]);
                    if (first[1].equals("PRIMARY")) {
                        t.primaryKey.addAll(cols);
                    } else if (unique) {
                        t.uniques.add(new UniqueSchema(first[1], cols));
                    } else if (!fkNames.getOrDefault(first[0], Set.of())
                            .contains(first[1].toLowerCase(Locale.ROOT) + ":" + String.join(",", TableEdits.lower(cols)))) {
                        t.indexes.add(new IndexSchema(first[1], cols, false));
                    }
                }
            }
            readChecks(st, tables, mariaDb);
        }
        List<TableSchema> out = new ArrayList<>();
        for (TableParts t : tables.values()) {
            out.add(t.build());
        }
        return new DatabaseSchema(Dialect.MYSQL, out);
    }

    private static void readChecks(Statement st, Map<String, TableParts> tables, boolean mariaDb) {
        // CHECK_CONSTRAINTS exists from MySQL 8.0.16 and MariaDB 10.2; older servers have no checks to read.
        try (ResultSet rs = st.executeQuery("SELECT tc.TABLE_NAME, cc.CHECK_CLAUSE "
                + "FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc "
                + "ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                // MariaDB names checks per table (a column check is named after its column).
                + (mariaDb ? "AND cc.TABLE_NAME = tc.TABLE_NAME " : "")
                + "WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK' "
                + "ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME")) {
            while (rs.next()) {
                TableParts t = tables.get(rs.getString(1));
                if (t != null && !t.checks.contains(rs.getString(2))) {
                    t.checks.add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            // Leave the checks empty.
        }
    }
}
