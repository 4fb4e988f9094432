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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SQLite database with {@code PRAGMA table_xinfo}, {@code index_list},
 * {@code index_info} and {@code foreign_key_list}. The pragmas do not report constraint names
 * or CHECK expressions, so those are read from the table's CREATE statement in
 * {@code sqlite_master}. A single-column {@code INTEGER} primary key is an alias of the rowid,
 * which SQLite generates: it is reported as auto-increment and NOT NULL.
 */
final class SqliteCatalog {
    private static final String NAME = "(?:\"((?:[^\"]|\"\")+)\"|`([^`]+)`|\\[([^\\]]+)\\]|(\\w+))";
    private static final Pattern NAMED = Pattern.compile("(?is)CONSTRAINT\\s+" + NAME
            + "\\s+(UNIQUE|FOREIGN\\s+KEY)\\s*\\(([^)]*)\\)");
    private static final Pattern CHECK = Pattern.compile("(?i)\\bCHECK\\s*\\(");

    private SqliteCatalog() {
    }

    static DatabaseSchema read(Connection c) throws SQLException {
        Map<String, String> ddl = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
                while (rs.next()) {
                    ddl.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
                }
            }
            List<TableSchema> tables = new ArrayList<>();
            for (Map.Entry<String, String> e : ddl.entrySet()) {
                tables.add(table(st, e.getKey(), e.getValue()));
            }
            return new DatabaseSchema(Dialect.SQLITE, tables);
        }
    }

    private static TableSchema table(Statement st, String name, String sql) throws SQLException {
        TableParts t = new TableParts(name);
        String q = "\"" + name.replace("\"", "\"\"") + "\"";
        Map<Integer, String> pk = new TreeMap<>();
        List<String[]> cols = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("PRAGMA table_xinfo(" + q + ")")) {
            while (rs.next()) {
                int hidden = rs.getInt("hidden");
                if (hidden == 1) {
                    continue;
                }
                String dflt = hidden == 2 || hidden == 3 ? null : rs.getString("dflt_value");
                cols.add(new String[] {rs.getString("name"), rs.getString("type"), rs.getString("notnull"), dflt});
                if (rs.getInt("pk") > 0) {
                    pk.put(rs.getInt("pk"), rs.getString("name"));
                }
            }
        }
        t.primaryKey.addAll(pk.values());
        for (String[] col : cols) {
            String type = TypeNames.normalize(Dialect.SQLITE, col[1]);
            // Only the exact type INTEGER makes a single-column key an alias of the rowid.
            boolean rowid = pk.size() == 1 && pk.containsValue(col[0]) && type.equals("INTEGER");
            t.columns.add(new ColumnSchema(col[0], type, !rowid && "0".equals(col[2]),
                    Defaults.normalize(Dialect.SQLITE, col[3]), rowid));
        }
        Map<String, String> names = constraintNames(sql);
        readIndexes(st, q, t, names);
        readForeignKeys(st, q, t, names);
        t.checks.addAll(checks(sql));
        return t.build();
    }

    private static void readIndexes(Statement st, String q, TableParts t, Map<String, String> names)
            throws SQLException {
        List<String[]> list = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("PRAGMA index_list(" + q + ")")) {
            while (rs.next()) {
                list.add(new String[] {rs.getString("name"), rs.getString("unique"), rs.getString("origin")});
            }
        }
        // index_list reports the newest index first.
        for (int i = list.size() - 1; i >= 0; i--) {
            String[] index = list.get(i);
            if ("pk".equals(index[2])) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA index_info(\"" + index[0].replace("\"", "\"\"") + "\")")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                }
            }
            if (columns.contains(null)) {
                continue; // an expression index: nothing to compare by column
            }
            if ("u".equals(index[2])) {
                String declared = names.get("UNIQUE:" + key(columns));
                t.uniques.add(new UniqueSchema(declared != null ? declared : index[0], columns));
            } else {
                t.indexes.add(new IndexSchema(index[0], columns, "1".equals(index[1])));
            }
        }
    }

    private static void readForeignKeys(Statement st, String q, TableParts t, Map<String, String> names)
            throws SQLException {
        Map<Integer, List<String[]>> keys = new TreeMap<>();
        try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_list(" + q + ")")) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>()).add(new String[] {rs.getString("table"),
                    rs.getString("from"), rs.getString("to"), rs.getString("on_delete"), rs.getString("on_update")});
            }
        }
        List<ForeignKeySchema> found = new ArrayList<>();
        for (List<String[]> rows : keys.values()) {
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (String[] r : rows) {
                from.add(r[1]);
                to.add(r[2]);
            }
            String refTable = rows.get(0)[0];
            if (to.contains(null)) {
                to = primaryKeyOf(st, refTable);
            }
            found.add(0, new ForeignKeySchema(names.get("FOREIGN KEY:" + key(from)), from, refTable, to,
                    TableParts.action(rows.get(0)[3]), TableParts.action(rows.get(0)[4])));
        }
        // foreign_key_list numbers keys last-declared first: reversed, they are in declaration order.
        t.foreignKeys.addAll(found);
    }

    private static List<String> primaryKeyOf(Statement st, String table) throws SQLException {
        Map<Integer, String> pk = new TreeMap<>();
        try (ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table.replace("\"", "\"\"") + "\")")) {
            while (rs.next()) {
                if (rs.getInt("pk") > 0) {
                    pk.put(rs.getInt("pk"), rs.getString("name"));
                }
            }
        }
        return new ArrayList<>(pk.values());
    }

    /** Declared constraint names by kind and column list ({@code "UNIQUE:name"} → {@code uq_hero_name}). */
    private static Map<String, String> constraintNames(String sql) {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher m = NAMED.matcher(sql);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
                    : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            String kind = m.group(5).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            List<String> cols = new ArrayList<>();
            for (String part : m.group(6).split(",")) {
                cols.add(unquote(part.strip()));
            }
            names.putIfAbsent(kind + ":" + key(cols), name);
        }
        return names;
    }

    /** The CHECK expressions of a CREATE TABLE statement, without the CHECK keyword and outer parentheses. */
    static List<String> checks(String sql) {
        List<String> out = new ArrayList<>();
        Matcher m = CHECK.matcher(sql);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = closing(sql, open);
            if (close < 0) {
                break;
            }
            out.add(sql.substring(open + 1, close).strip());
            from = close + 1;
        }
        return out;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`")
                || s.startsWith("[") && s.endsWith("]"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String key(List<String> columns) {
        return String.join(",", TableEdits.lower(columns));
    }
}
