package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Expr;
import dev.sqlmodel.Order;
import dev.sqlmodel.impl.meta.FieldMeta;
import java.util.Locale;

/** One sort criterion resolved against an entity: the attribute, its direction, and whether case is ignored. */
record SortKey(FieldMeta field, Expr<Object> column, boolean descending, boolean ignoreCase) {

    static SortKey of(EntityModel entity, FieldMeta field, boolean descending, boolean ignoreCase) {
        return new SortKey(field, entity.column(field), descending, ignoreCase && EntityModel.isText(field));
    }

    /** The expression sorted on. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Expr<Object> expr() {
        return ignoreCase ? (Expr) ((Expr<String>) (Expr) column).upper() : column;
    }

    /** The ORDER BY item, reversed for reading a page backwards. */
    Order order(boolean reversed) {
        return reversed != descending ? expr().desc() : expr().asc();
    }

    /** A cursor value as compared with {@link #expr()}. */
    Object comparable(Object value) {
        return ignoreCase && value != null ? value.toString().toUpperCase(Locale.ROOT) : value;
    }
}
