package dev.sqlmodel.impl.session;

import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.sql.SqlDialect;
import java.util.List;

/**
 * The {@code SELECT <columns> FROM <table> WHERE <key> = ?} that {@code Session.get} and
 * {@code refresh} send, rendered once per model and dialect: its text depends on nothing else,
 * and building it for every call cost more than binding and reading the row.
 */
final class KeySelect {
    /** The text of each model on each dialect, by the dialect's ordinal. */
    private static final List<ModelMeta.Slot<String>> TEXTS = ModelMeta.Slot.perDialect();

    private KeySelect() {
    }

    /** The statement text for {@code meta} on {@code dialect}. */
    static String sql(SqlDialect dialect, ModelMeta<?> meta) {
        ModelMeta.Slot<String> slot = TEXTS.get(dialect.kind().ordinal());
        String text = meta.cached(slot);
        if (text == null) {
            StringBuilder sql = new StringBuilder("SELECT ");
            List<FieldMeta> cols = meta.columns();
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.append(dialect.quote(cols.get(i).column()));
            }
            sql.append(" FROM ");
            if (!meta.schema().isEmpty()) {
                sql.append(dialect.quote(meta.schema())).append('.');
            }
            sql.append(dialect.quote(meta.tableName()));
            sql.append(" WHERE ");
            List<FieldMeta> kf = meta.keyFields();
            for (int i = 0; i < kf.size(); i++) {
                if (i > 0) {
                    sql.append(" AND ");
                }
                sql.append(dialect.quote(kf.get(i).column())).append(" = ?");
            }
            text = sql.toString();
            meta.cache(slot, text);
        }
        return text;
    }
}
