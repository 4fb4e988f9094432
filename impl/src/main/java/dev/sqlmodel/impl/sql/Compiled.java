package dev.sqlmodel.impl.sql;

import dev.sqlmodel.CompiledSql;
import dev.sqlmodel.ast.SelectNode;
import dev.sqlmodel.impl.meta.ModelMeta;
import java.util.List;

/**
 * The output of the compiler: SQL text, parameters with their Java types (which choose the
 * JDBC codec), and how to read each result row.
 *
 * @param sql the SQL text with {@code ?} placeholders
 * @param params the bound values, in order
 * @param paramTypes the Java type of each value ({@code Object.class} when unknown)
 * @param items what each part of a result row is, in select-list order (empty for statements)
 * @param shape how a row becomes a result (null for statements)
 * @param into the DTO type rows are mapped to, or null
 */
public record Compiled(String sql, List<Object> params, List<Class<?>> paramTypes, List<Item> items,
        SelectNode.Shape shape, Class<?> into) {

    /** One part of a result row. */
    public sealed interface Item permits ModelItem, ValueItem {
        /** The number of result columns this item spans. */
        int width();
    }

    /**
     * A whole model whose columns start at 1-based result column {@code offset + 1}, in
     * field order.
     */
    public record ModelItem(ModelMeta<?> meta, int offset) implements Item {
        @Override
        public int width() {
            return meta.columns().size();
        }
    }

    /** One value at 1-based result column {@code column}, read as {@code type}. */
    public record ValueItem(Object expr, Class<?> type, int column) implements Item {
        @Override
        public int width() {
            return 1;
        }
    }

    /** The public form of this SQL. */
    public CompiledSql toCompiledSql() {
        return new CompiledSql(sql, params);
    }
}
