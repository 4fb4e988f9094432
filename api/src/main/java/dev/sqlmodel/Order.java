package dev.sqlmodel;

import java.util.Objects;

/** One ORDER BY item: an expression, its direction and where nulls go. */
public final class Order {

    /** Where null values sort. */
    public enum Nulls {
        /** The database's default. */
        DEFAULT,
        /** Nulls before every value. */
        FIRST,
        /** Nulls after every value. */
        LAST
    }

    private final Expr<?> expr;
    private final boolean descending;
    private final Nulls nulls;

    /** Creates an order item; {@link Expr#asc()} and {@link Expr#desc()} are the usual way. */
    public Order(Expr<?> expr, boolean descending, Nulls nulls) {
        this.expr = Objects.requireNonNull(expr, "expr");
        this.descending = descending;
        this.nulls = Objects.requireNonNull(nulls, "nulls");
    }

    /** The same order with nulls first. */
    public Order nullsFirst() {
        return new Order(expr, descending, Nulls.FIRST);
    }

    /** The same order with nulls last. */
    public Order nullsLast() {
        return new Order(expr, descending, Nulls.LAST);
    }

    /** The expression ordered by. */
    public Expr<?> expr() {
        return expr;
    }

    /** Whether the order is descending. */
    public boolean descending() {
        return descending;
    }

    /** Where nulls sort. */
    public Nulls nulls() {
        return nulls;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order other && expr.equals(other.expr) && descending == other.descending
                && nulls == other.nulls;
    }

    @Override
    public int hashCode() {
        return Objects.hash(expr, descending, nulls);
    }

    @Override
    public String toString() {
        return expr + (descending ? " DESC" : " ASC") + (nulls == Nulls.DEFAULT ? "" : " NULLS " + nulls);
    }
}
