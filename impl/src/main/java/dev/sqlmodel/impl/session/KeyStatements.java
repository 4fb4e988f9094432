package dev.sqlmodel.impl.session;

import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.sql.SqlDialect;
import java.util.List;

/**
 * The statements that address one row by its primary key: the {@code SELECT <columns> FROM
 * <table> WHERE <key> = ?} of {@code get} and {@code refresh}, the narrower one that reads back
 * database-supplied values after an insert, and the {@code DELETE} by key (and version) of a flush
 * and of a stateless {@code delete}. The texts of {@code get} and {@code delete} are rendered once
 * per model and dialect: they depend on nothing else, and building one for every call cost more
 * than binding and reading the row.
 */
final class KeyStatements {
    private static final List<ModelMeta.Slot<String>> SELECTS = ModelMeta.Slot.perDialect();
    private static final List<ModelMeta.Slot<Deletes>> DELETES = ModelMeta.Slot.perDialect();

    /** The two DELETE texts of a model: with {@code version = ?}, and with {@code version IS NULL}. */
    private record Deletes(String plain, String versionNull) {
    }

    private KeyStatements() {
    }

    /** The SELECT of every column of {@code meta}'s row by key, on {@code dialect}. */
    static String select(SqlDialect dialect, ModelMeta<?> meta) {
        ModelMeta.Slot<String> slot = SELECTS.get(dialect.kind().ordinal());
        String text = meta.cached(slot);
        return text != null ? text : meta.cache(slot, select(dialect, meta, meta.columns()));
    }

    /** The SELECT of {@code fields} of {@code meta}'s row by key, on {@code dialect}: not kept. */
    static String select(SqlDialect dialect, ModelMeta<?> meta, List<FieldMeta> fields) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(dialect.quote(fields.get(i).column()));
        }
        sql.append(" FROM ");
        dialect.table(sql, meta);
        where(dialect, sql, meta);
        return sql.toString();
    }

    /**
     * The DELETE of {@code meta}'s row by key, on {@code dialect}; for a versioned model also by
     * version: {@code version IS NULL} when {@code versionNull}, else {@code version = ?} as the
     * last parameter.
     */
    static String delete(SqlDialect dialect, ModelMeta<?> meta, boolean versionNull) {
        ModelMeta.Slot<Deletes> slot = DELETES.get(dialect.kind().ordinal());
        Deletes texts = meta.cached(slot);
        if (texts == null) {
            StringBuilder sql = new StringBuilder("DELETE FROM ");
            dialect.table(sql, meta);
            where(dialect, sql, meta);
            String plain = sql.toString();
            FieldMeta version = meta.versionField();
            texts = version == null ? new Deletes(plain, plain)
                    : new Deletes(plain + " AND " + dialect.quote(version.column()) + " = ?",
                            plain + " AND " + dialect.quote(version.column()) + " IS NULL");
            meta.cache(slot, texts);
        }
        return versionNull ? texts.versionNull() : texts.plain();
    }

    /** Appends {@code WHERE k1 = ? AND ...} over {@code meta}'s key columns. */
    private static void where(SqlDialect dialect, StringBuilder sql, ModelMeta<?> meta) {
        sql.append(" WHERE ");
        List<FieldMeta> kf = meta.keyFields();
        for (int i = 0; i < kf.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            sql.append(dialect.quote(kf.get(i).column())).append(" = ?");
        }
    }
}
