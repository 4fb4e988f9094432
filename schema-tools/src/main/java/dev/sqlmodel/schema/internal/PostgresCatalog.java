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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PostgreSQL's {@code pg_catalog} for the connection's {@code current_schema()}: columns
 * with {@code format_type}, defaults with {@code pg_get_expr}, identity and serial columns,
 * constraints from {@code pg_constraint} and the indexes no constraint owns from {@code pg_index}.
 */
final class PostgresCatalog {
    private static final String TABLES = """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname""";
    private static final String COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum""";
    private static final String CONSTRAINTS = """
            SELECT c.relname, con.conname, con.contype,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
                   rc.relname,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
                   con.confdeltype, con.confupdtype, pg_get_expr(con.conbin, con.conrelid)
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class rc ON rc.oid = con.confrelid
            WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f', 'c')
            ORDER BY c.relname, con.conname""";
    private static final String INDEXES = """
            SELECT t.relname, i.relname, ix.indisunique,
                   ARRAY(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.num ORDER BY k.ord),
                   ix.indnatts
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND NOT ix.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                              WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))
            ORDER BY t.relname, i.relname""";

    private PostgresCatalog() {
    }

    static DatabaseSchema read(Connection c) throws SQLException {
        Map<String, TableParts> tables = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(TABLES)) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new TableParts(rs.getString(1)));
                }
            }
            try (ResultSet rs = st.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    TableParts t = tables.get(rs.getString(1));
                    if (t == null) {
                        continue;
                    }
                    String rawDefault = rs.getString(5);
                    String identity = rs.getString(6);
                    String generated = rs.getString(7);
                    boolean serial = rawDefault != null && rawDefault.startsWith("nextval(");
                    boolean auto = serial || identity != null && !identity.isBlank();
                    String def = auto || generated != null && !generated.isBlank() ? null
                            : Defaults.normalize(Dialect.POSTGRESQL, rawDefault);
                    t.columns.add(new ColumnSchema(rs.getString(2), TypeNames.normalize(Dialect.POSTGRESQL,
                            rs.getString(3)), !rs.getBoolean(4), def, auto));
                }
            }
            try (ResultSet rs = st.executeQuery(CONSTRAINTS)) {
                while (rs.next()) {
                    TableParts t = tables.get(rs.getString(1));
                    if (t == null) {
                        continue;
                    }
                    String name = rs.getString(2);
                    List<String> cols = names(rs, 4);
                    switch (rs.getString(3)) {
                        case "p" -> t.primaryKey.addAll(cols);
                        case "u" -> t.uniques.add(new UniqueSchema(name, cols));
                        case "f" -> t.foreignKeys.add(new ForeignKeySchema(name, cols, rs.getString(5), names(rs, 6),
                                TableParts.action(rs.getString(7)), TableParts.action(rs.getString(8))));
                        case "c" -> t.checks.add(rs.getString(9));
                        default -> {
                        }
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(INDEXES)) {
                while (rs.next()) {
                    TableParts t = tables.get(rs.getString(1));
                    List<String> cols = names(rs, 4);
                    // Expression indexes have no column names to compare: they are left out.
                    if (t != null && cols.size() == rs.getInt(5)) {
                        t.indexes.add(new IndexSchema(rs.getString(2), cols, rs.getBoolean(3)));
                    }
                }
            }
        }
        List<TableSchema> out = new ArrayList<>();
        for (TableParts t : tables.values()) {
            out.add(t.build());
        }
        return new DatabaseSchema(Dialect.POSTGRESQL, out);
    }

    private static List<String> names(ResultSet rs, int column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        if (a == null) {
            return List.of();
        }
        return Arrays.asList((String[]) a.getArray());
    }
}
