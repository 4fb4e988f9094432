package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import dev.sqlmodel.LockOption;
import dev.sqlmodel.Order;
import dev.sqlmodel.RelationshipRef;
import dev.sqlmodel.Select;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The data of a SELECT. {@code items} holds model classes and expressions in select-list
 * order; {@code shape} says how a row becomes a result; {@code into} is the DTO type, if any.
 */
public final class SelectNode<R> extends Select<R> {

    /** How a result row becomes an {@code R}. */
    public enum Shape {
        /** One model class: each row is that model. */
        MODEL,
        /** One expression: each row is its value. */
        SCALAR,
        /** Several items: each row is a {@link dev.sqlmodel.Row}. */
        ROW
    }

    /** A UNION part. */
    public record SetOp(boolean all, SelectNode<?> select) {
    }

    private final List<Object> items;
    private final Shape shape;
    private final Class<?> into;
    private final Class<?> from;
    private final List<Join> joins;
    private final Expr<Boolean> where;
    private final List<Expr<?>> groupBy;
    private final Expr<Boolean> having;
    private final List<Order> orderBy;
    private final Long limit;
    private final Long offset;
    private final boolean distinct;
    private final Set<LockOption> lock;
    private final List<RelationshipRef<?, ?>> fetches;
    private final List<SetOp> setOps;

    private SelectNode(List<Object> items, Shape shape, Class<?> into, Class<?> from, List<Join> joins,
            Expr<Boolean> where, List<Expr<?>> groupBy, Expr<Boolean> having, List<Order> orderBy, Long limit,
            Long offset, boolean distinct, Set<LockOption> lock, List<RelationshipRef<?, ?>> fetches,
            List<SetOp> setOps) {
        this.items = items;
        this.shape = shape;
        this.into = into;
        this.from = from;
        this.joins = joins;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.lock = lock;
        this.fetches = fetches;
        this.setOps = setOps;
    }

    /** A new select of {@code items} (model classes or expressions) with the given shape. */
    public static <R> SelectNode<R> create(List<?> items, Shape shape) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("select needs at least one model class or expression");
        }
        for (Object item : items) {
            if (!(item instanceof Class<?>) && !(item instanceof Expr<?>)) {
                throw new IllegalArgumentException("select item must be a model class or an Expr: " + item);
            }
        }
        return new SelectNode<>(List.copyOf(items), shape, null, null, List.of(), null, List.of(), null, List.of(),
                null, null, false, null, List.of(), List.of());
    }

    /** The node behind a {@link Select} (every Select is one). */
    @SuppressWarnings("unchecked")
    public static <R> SelectNode<R> of(Select<R> select) {
        return (SelectNode<R>) Objects.requireNonNull(select, "select");
    }

    private <X> SelectNode<X> copy(List<Object> items, Shape shape, Class<?> into, Class<?> from, List<Join> joins,
            Expr<Boolean> where, List<Expr<?>> groupBy, Expr<Boolean> having, List<Order> orderBy, Long limit,
            Long offset, boolean distinct, Set<LockOption> lock, List<RelationshipRef<?, ?>> fetches,
            List<SetOp> setOps) {
        return new SelectNode<>(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset,
                distinct, lock, fetches, setOps);
    }

    private static <E> List<E> plus(List<E> list, List<? extends E> more) {
        List<E> all = new ArrayList<>(list);
        for (E e : more) {
            all.add(Objects.requireNonNull(e));
        }
        return List.copyOf(all);
    }

    private static Expr<Boolean> conjoin(Expr<Boolean> current, List<? extends Expr<Boolean>> more) {
        List<Expr<Boolean>> all = new ArrayList<>();
        if (current != null) {
            all.add(current);
        }
        all.addAll(more);
        return all.isEmpty() ? null : Binary.chain(BinaryOp.AND, all);
    }

    @Override
    public SelectNode<R> from(Class<?> model) {
        return copy(items, shape, into, Objects.requireNonNull(model, "model"), joins, where, groupBy, having, orderBy,
                limit, offset, distinct, lock, fetches, setOps);
    }

    @Override
    public SelectNode<R> where(List<? extends Expr<Boolean>> conditions) {
        return copy(items, shape, into, from, joins, conjoin(where, conditions), groupBy, having, orderBy, limit, offset,
                distinct, lock, fetches, setOps);
    }

    @Override
    public SelectNode<R> orWhere(Expr<Boolean> condition) {
        Objects.requireNonNull(condition, "condition");
        Expr<Boolean> w = where == null ? condition : Binary.chain(BinaryOp.OR, List.of(where, condition));
        return copy(items, shape, into, from, joins, w, groupBy, having, orderBy, limit, offset, distinct, lock,
                fetches, setOps);
    }

    private SelectNode<R> join(JoinType type, Class<?> model, Expr<Boolean> on) {
        return copy(items, shape, into, from, plus(joins, List.of(new Join(type, model, on))), where, groupBy, having,
                orderBy, limit, offset, distinct, lock, fetches, setOps);
    }

    @Override
    public SelectNode<R> join(Class<?> model) {
        return join(JoinType.INNER, model, null);
    }

    @Override
    public SelectNode<R> join(Class<?> model, Expr<Boolean> on) {
        return join(JoinType.INNER, model, Objects.requireNonNull(on, "on"));
    }

    @Override
    public SelectNode<R> leftJoin(Class<?> model) {
        return join(JoinType.LEFT, model, null);
    }

    @Override
    public SelectNode<R> leftJoin(Class<?> model, Expr<Boolean> on) {
        return join(JoinType.LEFT, model, Objects.requireNonNull(on, "on"));
    }

    @Override
    public SelectNode<R> rightJoin(Class<?> model) {
        return join(JoinType.RIGHT, model, null);
    }

    @Override
    public SelectNode<R> rightJoin(Class<?> model, Expr<Boolean> on) {
        return join(JoinType.RIGHT, model, Objects.requireNonNull(on, "on"));
    }

    @Override
    public SelectNode<R> fullJoin(Class<?> model) {
        return join(JoinType.FULL, model, null);
    }

    @Override
    public SelectNode<R> fullJoin(Class<?> model, Expr<Boolean> on) {
        return join(JoinType.FULL, model, Objects.requireNonNull(on, "on"));
    }

    @Override
    public SelectNode<R> groupBy(Expr<?>... exprs) {
        return copy(items, shape, into, from, joins, where, plus(groupBy, Arrays.asList(exprs)), having, orderBy, limit,
                offset, distinct, lock, fetches, setOps);
    }

    @Override
    public SelectNode<R> having(Expr<Boolean> condition) {
        return copy(items, shape, into, from, joins, where, groupBy,
                conjoin(having, List.of(Objects.requireNonNull(condition, "condition"))), orderBy, limit, offset,
                distinct, lock, fetches, setOps);
    }

    @Override
    public SelectNode<R> orderBy(Order... orders) {
        return copy(items, shape, into, from, joins, where, groupBy, having, plus(orderBy, Arrays.asList(orders)), limit,
                offset, distinct, lock, fetches, setOps);
    }

    @Override
    public SelectNode<R> orderBy(Expr<?>... exprs) {
        List<Order> orders = new ArrayList<>();
        for (Expr<?> e : exprs) {
            orders.add(e.asc());
        }
        return orderBy(orders.toArray(new Order[0]));
    }

    @Override
    public SelectNode<R> limit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return copy(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                fetches, setOps);
    }

    @Override
    public SelectNode<R> offset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        return copy(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                fetches, setOps);
    }

    @Override
    public SelectNode<R> distinct() {
        return copy(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset, true, lock, fetches,
                setOps);
    }

    @Override
    public SelectNode<R> forUpdate() {
        return copy(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset, distinct,
                Set.of(), fetches, setOps);
    }

    @Override
    public SelectNode<R> forUpdate(LockOption... options) {
        Set<LockOption> set = options.length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(Arrays.asList(options)));
        return copy(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, set,
                fetches, setOps);
    }

    @Override
    public SelectNode<R> fetch(RelationshipRef<?, ?>... relationships) {
        return copy(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                plus(fetches, Arrays.asList(relationships)), setOps);
    }

    @Override
    public SelectNode<R> union(Select<R> other) {
        return copy(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                fetches, plus(setOps, List.of(new SetOp(false, of(other)))));
    }

    @Override
    public SelectNode<R> unionAll(Select<R> other) {
        return copy(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                fetches, plus(setOps, List.of(new SetOp(true, of(other)))));
    }

    @Override
    public <D> SelectNode<D> into(Class<D> type) {
        return copy(items, shape, Objects.requireNonNull(type, "type"), from, joins, where, groupBy, having, orderBy,
                limit, offset, distinct, lock, fetches, setOps);
    }

    /** The Java type of the single selected expression (for scalar subqueries). */
    @SuppressWarnings("unchecked")
    public <T> Class<T> scalarType() {
        Object first = items.get(0);
        return first instanceof Expr<?> e ? (Class<T>) e.javaType() : (Class<T>) Object.class;
    }

    /** Model classes and expressions in select-list order. */
    public List<Object> items() {
        return items;
    }

    /** How a row becomes a result. */
    public Shape shape() {
        return shape;
    }

    /** The DTO type of {@code into}, or null. */
    public Class<?> into() {
        return into;
    }

    /** The explicit FROM model, or null. */
    public Class<?> fromModel() {
        return from;
    }

    /** The joins, in order. */
    public List<Join> joins() {
        return joins;
    }

    /** The WHERE condition, or null. */
    public Expr<Boolean> whereCondition() {
        return where;
    }

    /** The GROUP BY expressions. */
    public List<Expr<?>> groupByExprs() {
        return groupBy;
    }

    /** The HAVING condition, or null. */
    public Expr<Boolean> havingCondition() {
        return having;
    }

    /** The ORDER BY items. */
    public List<Order> orders() {
        return orderBy;
    }

    /** The LIMIT, or null. */
    public Long limitValue() {
        return limit;
    }

    /** The OFFSET, or null. */
    public Long offsetValue() {
        return offset;
    }

    /** Whether DISTINCT was asked for. */
    public boolean isDistinct() {
        return distinct;
    }

    /** The FOR UPDATE options, or null without FOR UPDATE. */
    public Set<LockOption> lockOptions() {
        return lock;
    }

    /** The relationships to load eagerly. */
    public List<RelationshipRef<?, ?>> fetches() {
        return fetches;
    }

    /** The UNION parts. */
    public List<SetOp> setOps() {
        return setOps;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelectNode<?> s && items.equals(s.items) && shape == s.shape
                && Objects.equals(into, s.into) && Objects.equals(from, s.from) && joins.equals(s.joins)
                && Objects.equals(where, s.where) && groupBy.equals(s.groupBy) && Objects.equals(having, s.having)
                && orderBy.equals(s.orderBy) && Objects.equals(limit, s.limit) && Objects.equals(offset, s.offset)
                && distinct == s.distinct && Objects.equals(lock, s.lock) && fetches.equals(s.fetches)
                && setOps.equals(s.setOps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, shape, into, from, joins, where, groupBy, having, orderBy, limit, offset, distinct,
                lock, fetches, setOps);
    }

    @Override
    public String toString() {
        return "Select" + items + (where == null ? "" : " WHERE " + where);
    }
}
