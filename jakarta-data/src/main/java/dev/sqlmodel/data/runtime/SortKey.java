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

    /**
     * The ORDER BY item of keyset pagination: a null sorts as greater than every value (last when ascending, first
     * when descending, on every database), so that the cursor conditions can place it.
     */
    Order cursorOrder(boolean reversed) {
        Order order = order(reversed);
        if (!field.nullable()) {
            return order;
        }
        return reversed != descending ? order.nullsFirst() : order.nullsLast();
    }

    /** Rows whose key equals {@code value} (a cursor value, possibly null). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Expr<Boolean> equalTo(Object value) {
        return value == null ? expr().isNull() : ((Expr) expr()).eq(comparable(value));
    }

    /**
     * Rows whose key comes after {@code value} in ascending order ({@code greater}) or before it, a null being
     * greater than every value.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Expr<Boolean> beyond(Object value, boolean greater) {
        Expr e = expr();
        if (value == null) {
            return greater ? Expr.bool(false) : e.isNotNull();
        }
        Object v = comparable(value);
        if (!greater) {
            return e.lt(v);
        }
        return field.nullable() ? Expr.or(e.gt(v), e.isNull()) : e.gt(v);
    }

    /** A cursor value as compared with {@link #expr()}. */
    Object comparable(Object value) {
        return ignoreCase && value != null ? value.toString().toUpperCase(Locale.ROOT) : value;
    }
}
