package dev.sqlmodel.schema.cli;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.ColumnSchema;
import dev.sqlmodel.schema.DatabaseSchema;
import dev.sqlmodel.schema.ForeignKeySchema;
import dev.sqlmodel.schema.IndexSchema;
import dev.sqlmodel.schema.MigrationWriter;
import dev.sqlmodel.schema.SchemaChange;
import dev.sqlmodel.schema.TableSchema;
import dev.sqlmodel.schema.UniqueSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Schemas and changes as readable text and as JSON-ready maps. */
final class SchemaText {
    private SchemaText() {
    }

    static String text(DatabaseSchema schema) {
        StringBuilder sb = new StringBuilder();
        sb.append(schema.tables().size()).append(" table(s) (").append(schema.dialect()).append(")\n");
        for (TableSchema t : schema.tables()) {
            sb.append('\n').append("table ").append(t.name()).append('\n');
            int width = 4;
            for (ColumnSchema c : t.columns()) {
                width = Math.max(width, c.name().length());
            }
            for (ColumnSchema c : t.columns()) {
                sb.append("  ").append(pad(c.name(), width)).append("  ").append(pad(c.type(), 16))
                        .append(c.nullable() ? "  NULL    " : "  NOT NULL");
                if (t.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))) {
                    sb.append("  PRIMARY KEY");
                }
                if (c.autoIncrement()) {
                    sb.append("  AUTO INCREMENT");
                }
                if (c.defaultValue() != null) {
                    sb.append("  DEFAULT ").append(c.defaultValue());
                }
                sb.append('\n');
            }
            for (ForeignKeySchema fk : t.foreignKeys()) {
                sb.append("  foreign key ").append(fk.name() == null ? "" : fk.name() + " ").append(fk.columns())
                        .append(" -> ").append(fk.refTable()).append(' ').append(fk.refColumns())
                        .append(" on delete ").append(fk.onDelete()).append(" on update ").append(fk.onUpdate())
                        .append('\n');
            }
            for (UniqueSchema u : t.uniqueConstraints()) {
                sb.append("  unique ").append(u.name()).append(' ').append(u.columns()).append('\n');
            }
            for (IndexSchema i : t.indexes()) {
                sb.append("  ").append(i.unique() ? "unique index " : "index ").append(i.name()).append(' ')
                        .append(i.columns()).append('\n');
            }
            for (String check : t.checks()) {
                sb.append("  check (").append(check).append(")\n");
            }
        }
        return sb.toString();
    }

    static Map<String, Object> json(DatabaseSchema schema) {
        List<Object> tables = new ArrayList<>();
        for (TableSchema t : schema.tables()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            List<Object> columns = new ArrayList<>();
            for (ColumnSchema c : t.columns()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("name", c.name());
                cm.put("type", c.type());
                cm.put("nullable", c.nullable());
                cm.put("default", c.defaultValue());
                cm.put("autoIncrement", c.autoIncrement());
                columns.add(cm);
            }
            m.put("columns", columns);
            m.put("primaryKey", t.primaryKey());
            List<Object> fks = new ArrayList<>();
            for (ForeignKeySchema fk : t.foreignKeys()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("name", fk.name());
                fm.put("columns", fk.columns());
                fm.put("refTable", fk.refTable());
                fm.put("refColumns", fk.refColumns());
                fm.put("onDelete", fk.onDelete().name());
                fm.put("onUpdate", fk.onUpdate().name());
                fks.add(fm);
            }
            m.put("foreignKeys", fks);
            List<Object> uniques = new ArrayList<>();
            for (UniqueSchema u : t.uniqueConstraints()) {
                uniques.add(Map.of("name", u.name(), "columns", u.columns()));
            }
            m.put("uniqueConstraints", uniques);
            List<Object> indexes = new ArrayList<>();
            for (IndexSchema i : t.indexes()) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("name", i.name());
                im.put("columns", i.columns());
                im.put("unique", i.unique());
                indexes.add(im);
            }
            m.put("indexes", indexes);
            m.put("checks", t.checks());
            tables.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dialect", schema.dialect().name());
        out.put("tables", tables);
        return out;
    }

    static Map<String, Object> json(SchemaChange c, Dialect dialect) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.getClass().getSimpleName());
        m.put("table", c.table());
        m.put("description", MigrationWriter.describe(c));
        m.put("destructive", c.isDestructive());
        m.put("sql", c.sql(dialect));
        return m;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
