package dev.sqlmodel;

import dev.sqlmodel.ast.Between;
import dev.sqlmodel.ast.Binary;
import dev.sqlmodel.ast.BinaryOp;
import dev.sqlmodel.ast.BoolConst;
import dev.sqlmodel.ast.CaseNode;
import dev.sqlmodel.ast.Cast;
import dev.sqlmodel.ast.Exists;
import dev.sqlmodel.ast.Fn;
import dev.sqlmodel.ast.FnKind;
import dev.sqlmodel.ast.InList;
import dev.sqlmodel.ast.InSelect;
import dev.sqlmodel.ast.Like;
import dev.sqlmodel.ast.Named;
import dev.sqlmodel.ast.NamedColumn;
import dev.sqlmodel.ast.Param;
import dev.sqlmodel.ast.Raw;
import dev.sqlmodel.ast.SelectNode;
import dev.sqlmodel.ast.Subquery;
import dev.sqlmodel.ast.Unary;
import dev.sqlmodel.ast.UnaryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed SQL expression: a column, a bound value, or an operation on other expressions.
 * Expressions are immutable; every method returns a new one. Values are always sent as
 * bound parameters. An {@code Expr} passed where a value is expected is used as an
 * expression, not bound.
 *
 * @param <T> the Java type of the expression's value
 */
public interface Expr<T> {

    /** The Java type that values of this expression are converted to when read. */
    Class<T> javaType();

    // ---- comparisons -------------------------------------------------------------------

    /** {@code this = value}; a null value renders {@code IS NULL}. */
    default Expr<Boolean> eq(T value) {
        return value == null ? isNull() : Binary.of(BinaryOp.EQ, this, value);
    }

    /** {@code this = other}. */
    default Expr<Boolean> eq(Expr<T> other) {
        return Binary.of(BinaryOp.EQ, this, other);
    }

    /** {@code this <> value}; a null value renders {@code IS NOT NULL}. */
    default Expr<Boolean> ne(T value) {
        return value == null ? isNotNull() : Binary.of(BinaryOp.NE, this, value);
    }

    /** {@code this <> other}. */
    default Expr<Boolean> ne(Expr<T> other) {
        return Binary.of(BinaryOp.NE, this, other);
    }

    /** {@code this < value}. */
    default Expr<Boolean> lt(T value) {
        return Binary.of(BinaryOp.LT, this, value);
    }

    /** {@code this < other}. */
    default Expr<Boolean> lt(Expr<T> other) {
        return Binary.of(BinaryOp.LT, this, other);
    }

    /** {@code this <= value}. */
    default Expr<Boolean> le(T value) {
        return Binary.of(BinaryOp.LE, this, value);
    }

    /** {@code this <= other}. */
    default Expr<Boolean> le(Expr<T> other) {
        return Binary.of(BinaryOp.LE, this, other);
    }

    /** {@code this > value}. */
    default Expr<Boolean> gt(T value) {
        return Binary.of(BinaryOp.GT, this, value);
    }

    /** {@code this > other}. */
    default Expr<Boolean> gt(Expr<T> other) {
        return Binary.of(BinaryOp.GT, this, other);
    }

    /** {@code this >= value}. */
    default Expr<Boolean> ge(T value) {
        return Binary.of(BinaryOp.GE, this, value);
    }

    /** {@code this >= other}. */
    default Expr<Boolean> ge(Expr<T> other) {
        return Binary.of(BinaryOp.GE, this, other);
    }

    /** {@code this IN (values)}; no values matches nothing. */
    @SuppressWarnings("unchecked")
    default Expr<Boolean> in(T... values) {
        return InList.of(this, Arrays.asList(values), false);
    }

    /** {@code this IN (values)}; an empty collection matches nothing. */
    default Expr<Boolean> in(Collection<? extends T> values) {
        return InList.of(this, values, false);
    }

    /** {@code this IN (subquery)}. */
    default Expr<Boolean> in(Select<T> subquery) {
        return new InSelect(this, SelectNode.of(subquery), false);
    }

    /** {@code this NOT IN (values)}; no values matches everything. */
    @SuppressWarnings("unchecked")
    default Expr<Boolean> notIn(T... values) {
        return InList.of(this, Arrays.asList(values), true);
    }

    /** {@code this NOT IN (values)}; an empty collection matches everything. */
    default Expr<Boolean> notIn(Collection<? extends T> values) {
        return InList.of(this, values, true);
    }

    /** {@code this NOT IN (subquery)}. */
    default Expr<Boolean> notIn(Select<T> subquery) {
        return new InSelect(this, SelectNode.of(subquery), true);
    }

    /** {@code this BETWEEN low AND high} (both ends included). */
    default Expr<Boolean> between(T low, T high) {
        return new Between(this, Param.wrap(low, javaType()), Param.wrap(high, javaType()), false);
    }

    /** {@code this BETWEEN low AND high} with expression bounds. */
    default Expr<Boolean> between(Expr<T> low, Expr<T> high) {
        return new Between(this, low, high, false);
    }

    /** {@code this NOT BETWEEN low AND high}. */
    default Expr<Boolean> notBetween(T low, T high) {
        return new Between(this, Param.wrap(low, javaType()), Param.wrap(high, javaType()), true);
    }

    /** {@code this IS NULL}. */
    default Expr<Boolean> isNull() {
        return new Unary<>(UnaryOp.IS_NULL, this, Boolean.class);
    }

    /** {@code this IS NOT NULL}. */
    default Expr<Boolean> isNotNull() {
        return new Unary<>(UnaryOp.IS_NOT_NULL, this, Boolean.class);
    }

    /** Null-safe inequality: true when exactly one side is null or the values differ. */
    default Expr<Boolean> isDistinctFrom(T value) {
        return Binary.of(BinaryOp.IS_DISTINCT_FROM, this, value);
    }

    /** Null-safe inequality with another expression. */
    default Expr<Boolean> isDistinctFrom(Expr<T> other) {
        return Binary.of(BinaryOp.IS_DISTINCT_FROM, this, other);
    }

    /** Null-safe equality: true when both sides are null or the values are equal. */
    default Expr<Boolean> isNotDistinctFrom(T value) {
        return Binary.of(BinaryOp.IS_NOT_DISTINCT_FROM, this, value);
    }

    /** Null-safe equality with another expression. */
    default Expr<Boolean> isNotDistinctFrom(Expr<T> other) {
        return Binary.of(BinaryOp.IS_NOT_DISTINCT_FROM, this, other);
    }

    // ---- strings -----------------------------------------------------------------------

    /** {@code this LIKE pattern}; the pattern is used as is. */
    default Expr<Boolean> like(String pattern) {
        return Like.pattern(this, pattern, false, false);
    }

    /** {@code this NOT LIKE pattern}; the pattern is used as is. */
    default Expr<Boolean> notLike(String pattern) {
        return Like.pattern(this, pattern, false, true);
    }

    /** Case-insensitive LIKE ({@code ILIKE} on PostgreSQL, {@code LOWER() LIKE LOWER()} elsewhere). */
    default Expr<Boolean> ilike(String pattern) {
        return Like.pattern(this, pattern, true, false);
    }

    /** Case-insensitive NOT LIKE. */
    default Expr<Boolean> notIlike(String pattern) {
        return Like.pattern(this, pattern, true, true);
    }

    /** Contains {@code text} literally ({@code %} and {@code _} are escaped). */
    default Expr<Boolean> contains(String text) {
        return Like.literal(this, "%", text, "%", false);
    }

    /** Starts with {@code text} literally. */
    default Expr<Boolean> startsWith(String text) {
        return Like.literal(this, "", text, "%", false);
    }

    /** Ends with {@code text} literally. */
    default Expr<Boolean> endsWith(String text) {
        return Like.literal(this, "%", text, "", false);
    }

    /** Contains {@code text} literally, ignoring case. */
    default Expr<Boolean> icontains(String text) {
        return Like.literal(this, "%", text, "%", true);
    }

    /** Starts with {@code text} literally, ignoring case. */
    default Expr<Boolean> istartsWith(String text) {
        return Like.literal(this, "", text, "%", true);
    }

    /** Ends with {@code text} literally, ignoring case. */
    default Expr<Boolean> iendsWith(String text) {
        return Like.literal(this, "%", text, "", true);
    }

    /** {@code UPPER(this)}. */
    default Expr<String> upper() {
        return Fn.of(FnKind.UPPER, String.class, this);
    }

    /** {@code LOWER(this)}. */
    default Expr<String> lower() {
        return Fn.of(FnKind.LOWER, String.class, this);
    }

    /** {@code TRIM(this)}: spaces removed at both ends. */
    default Expr<String> trim() {
        return Fn.of(FnKind.TRIM, String.class, this);
    }

    /** {@code LTRIM(this)}. */
    default Expr<String> ltrim() {
        return Fn.of(FnKind.LTRIM, String.class, this);
    }

    /** {@code RTRIM(this)}. */
    default Expr<String> rtrim() {
        return Fn.of(FnKind.RTRIM, String.class, this);
    }

    /** {@code REPLACE(this, from, to)}. */
    default Expr<String> replace(String from, String to) {
        return Fn.of(FnKind.REPLACE, String.class, this, Param.of(from), Param.of(to));
    }

    /** String concatenation of this and {@code others}. */
    default Expr<String> concat(Expr<?>... others) {
        List<Expr<?>> args = new ArrayList<>();
        args.add(this);
        args.addAll(Arrays.asList(others));
        return new Fn<>(FnKind.CONCAT, null, args, String.class);
    }

    /** The number of characters. */
    default Expr<Integer> length() {
        return Fn.of(FnKind.LENGTH, Integer.class, this);
    }

    /** {@code SUBSTR(this, start, length)}, 1-based as in SQL. */
    default Expr<String> substr(int start, int length) {
        return Fn.of(FnKind.SUBSTR, String.class, this, Param.of(start), Param.of(length));
    }

    // ---- numbers -----------------------------------------------------------------------

    /** {@code this + value}. */
    default Expr<T> plus(Number value) {
        return Binary.arith(BinaryOp.ADD, this, value);
    }

    /** {@code this + other}. */
    default Expr<T> plus(Expr<? extends Number> other) {
        return Binary.arith(BinaryOp.ADD, this, other);
    }

    /** {@code this - value}. */
    default Expr<T> minus(Number value) {
        return Binary.arith(BinaryOp.SUB, this, value);
    }

    /** {@code this - other}. */
    default Expr<T> minus(Expr<? extends Number> other) {
        return Binary.arith(BinaryOp.SUB, this, other);
    }

    /** {@code this * value}. */
    default Expr<T> times(Number value) {
        return Binary.arith(BinaryOp.MUL, this, value);
    }

    /** {@code this * other}. */
    default Expr<T> times(Expr<? extends Number> other) {
        return Binary.arith(BinaryOp.MUL, this, other);
    }

    /** {@code this / value}: truncates toward zero for integers, exact for decimals. */
    default Expr<T> div(Number value) {
        return Binary.arith(BinaryOp.DIV, this, value);
    }

    /** {@code this / other}: truncates toward zero for integers, exact for decimals. */
    default Expr<T> div(Expr<? extends Number> other) {
        return Binary.arith(BinaryOp.DIV, this, other);
    }

    /** The remainder of {@code this / value}. */
    default Expr<T> mod(Number value) {
        return Binary.arith(BinaryOp.MOD, this, value);
    }

    /** The remainder of {@code this / other}. */
    default Expr<T> mod(Expr<? extends Number> other) {
        return Binary.arith(BinaryOp.MOD, this, other);
    }

    /** {@code ABS(this)}. */
    default Expr<T> abs() {
        return Fn.of(FnKind.ABS, javaType(), this);
    }

    /** {@code -this}. */
    default Expr<T> neg() {
        return new Unary<>(UnaryOp.NEG, this, javaType());
    }

    /** Rounds to {@code digits} decimal places (floating-point columns too, on every dialect). */
    default Expr<T> round(int digits) {
        return Fn.of(FnKind.ROUND, javaType(), this, Param.of(digits));
    }

    /** The largest integer not greater than this. */
    default Expr<T> floor() {
        return Fn.of(FnKind.FLOOR, javaType(), this);
    }

    /** The smallest integer not less than this. */
    default Expr<T> ceil() {
        return Fn.of(FnKind.CEIL, javaType(), this);
    }

    // ---- types, aliases, ordering ------------------------------------------------------

    /** {@code CAST(this AS sqlType)}; the SQL type is written verbatim. */
    default <R> Expr<R> cast(String sqlType, Class<R> javaType) {
        return new Cast<>(this, sqlType, javaType);
    }

    /** This expression labelled {@code alias} in a select list. */
    default Expr<T> as(String alias) {
        return new Named<>(this, alias);
    }

    /** Ascending order on this expression. */
    default Order asc() {
        return new Order(this, false, Order.Nulls.DEFAULT);
    }

    /** Descending order on this expression. */
    default Order desc() {
        return new Order(this, true, Order.Nulls.DEFAULT);
    }

    // ---- booleans ----------------------------------------------------------------------

    /** {@code this AND other}. */
    @SuppressWarnings("unchecked")
    default Expr<Boolean> and(Expr<Boolean> other) {
        return Expr.and(List.of((Expr<Boolean>) this, other));
    }

    /** {@code this OR other}. */
    @SuppressWarnings("unchecked")
    default Expr<Boolean> or(Expr<Boolean> other) {
        return Expr.or(List.of((Expr<Boolean>) this, other));
    }

    /** {@code NOT this}. */
    default Expr<Boolean> not() {
        return new Unary<>(UnaryOp.NOT, this, Boolean.class);
    }

    // ---- factories ---------------------------------------------------------------------

    /** An unqualified column reference by its SQL column name. */
    static Expr<Object> col(String column) {
        return new NamedColumn(null, column);
    }

    /** A column reference qualified by table name. */
    static Expr<Object> col(String table, String column) {
        return new NamedColumn(Objects.requireNonNull(table, "table"), column);
    }

    /** A bound value. */
    static <T> Expr<T> val(T value) {
        return Param.of(value);
    }

    /** The conjunction of at least two conditions. */
    @SafeVarargs
    static Expr<Boolean> and(Expr<Boolean> a, Expr<Boolean> b, Expr<Boolean>... more) {
        List<Expr<Boolean>> all = new ArrayList<>();
        all.add(a);
        all.add(b);
        all.addAll(Arrays.asList(more));
        return and(all);
    }

    /** The conjunction of the conditions; an empty collection is TRUE. */
    static Expr<Boolean> and(Collection<? extends Expr<Boolean>> conditions) {
        return Binary.chain(BinaryOp.AND, conditions);
    }

    /** The disjunction of at least two conditions. */
    @SafeVarargs
    static Expr<Boolean> or(Expr<Boolean> a, Expr<Boolean> b, Expr<Boolean>... more) {
        List<Expr<Boolean>> all = new ArrayList<>();
        all.add(a);
        all.add(b);
        all.addAll(Arrays.asList(more));
        return or(all);
    }

    /** The disjunction of the conditions; an empty collection is FALSE. */
    static Expr<Boolean> or(Collection<? extends Expr<Boolean>> conditions) {
        return Binary.chain(BinaryOp.OR, conditions);
    }

    /** {@code NOT condition}. */
    static Expr<Boolean> not(Expr<Boolean> condition) {
        return condition.not();
    }

    /** The constant TRUE or FALSE. */
    static Expr<Boolean> bool(boolean value) {
        return value ? BoolConst.TRUE : BoolConst.FALSE;
    }

    /** {@code COUNT(*)}. */
    static Expr<Long> count() {
        return new Fn<>(FnKind.COUNT_STAR, null, List.of(), Long.class);
    }

    /** {@code COUNT(expr)}: rows where {@code expr} is not null. */
    static Expr<Long> count(Expr<?> expr) {
        return Fn.of(FnKind.COUNT, Long.class, expr);
    }

    /** {@code COUNT(DISTINCT expr)}. */
    static Expr<Long> countDistinct(Expr<?> expr) {
        return Fn.of(FnKind.COUNT_DISTINCT, Long.class, expr);
    }

    /**
     * {@code SUM(expr)}, converted to the expression's type on every database (a decimal
     * column's sum keeps the column's scale); null when no row has a value. A sum outside
     * the type's range (an {@code Integer} column adding up past 2^31) throws
     * {@code IllegalArgumentException} when read: sum a {@code cast} to a wider type instead.
     */
    static <T> Expr<T> sum(Expr<T> expr) {
        return Fn.of(FnKind.SUM, expr.javaType(), expr);
    }

    /** {@code MIN(expr)}, of the expression's type; null when no row has a value. */
    static <T> Expr<T> min(Expr<T> expr) {
        return Fn.of(FnKind.MIN, expr.javaType(), expr);
    }

    /** {@code MAX(expr)}, of the expression's type; null when no row has a value. */
    static <T> Expr<T> max(Expr<T> expr) {
        return Fn.of(FnKind.MAX, expr.javaType(), expr);
    }

    /**
     * {@code AVG(expr)} as a double, computed in double precision on every database so the
     * same rows give the same value everywhere; null when no row has a value.
     */
    static Expr<Double> avg(Expr<? extends Number> expr) {
        return Fn.of(FnKind.AVG, Double.class, expr);
    }

    /** {@code COALESCE(exprs)}: the first non-null value. */
    @SafeVarargs
    static <T> Expr<T> coalesce(Expr<T>... exprs) {
        if (exprs.length == 0) {
            throw new IllegalArgumentException("coalesce needs at least one expression");
        }
        return new Fn<>(FnKind.COALESCE, null, List.of(exprs), exprs[0].javaType());
    }

    /** {@code COALESCE(expr, fallback)}. */
    static <T> Expr<T> coalesce(Expr<T> expr, T fallback) {
        return Fn.of(FnKind.COALESCE, expr.javaType(), expr, Param.wrap(fallback, expr.javaType()));
    }

    /** {@code NULLIF(a, b)}: null when both are equal, else {@code a}. */
    static <T> Expr<T> nullif(Expr<T> a, Expr<T> b) {
        return Fn.of(FnKind.NULLIF, a.javaType(), a, b);
    }

    /** {@code NULLIF(a, value)}. */
    static <T> Expr<T> nullif(Expr<T> a, T value) {
        return Fn.of(FnKind.NULLIF, a.javaType(), a, Param.wrap(value, a.javaType()));
    }

    /** {@code IFNULL(a, b)} (COALESCE where the database lacks IFNULL). */
    static <T> Expr<T> ifnull(Expr<T> a, Expr<T> b) {
        return Fn.of(FnKind.COALESCE, a.javaType(), a, b);
    }

    /** {@code IFNULL(a, value)}. */
    static <T> Expr<T> ifnull(Expr<T> a, T value) {
        return Fn.of(FnKind.COALESCE, a.javaType(), a, Param.wrap(value, a.javaType()));
    }

    /** {@code CASE WHEN condition THEN result}; add branches with {@code orWhen}/{@code otherwise}. */
    static <T> CaseExpr<T> caseWhen(Expr<Boolean> condition, Expr<T> result) {
        return CaseNode.start(condition, result);
    }

    /** {@code CASE WHEN condition THEN value}. */
    static <T> CaseExpr<T> caseWhen(Expr<Boolean> condition, T value) {
        return CaseNode.start(condition, Param.of(value));
    }

    /** A call of the SQL function {@code name} with the given arguments. */
    static <T> Expr<T> func(String name, Class<T> type, Expr<?>... args) {
        return new Fn<>(FnKind.CUSTOM, Objects.requireNonNull(name, "name"), List.of(args), type);
    }

    /** Verbatim SQL with {@code ?} placeholders bound to {@code params}. */
    static Expr<Object> raw(String sql, Object... params) {
        return new Raw<>(sql, Arrays.asList(params.clone()), Object.class);
    }

    /** Verbatim SQL of a known Java type, with {@code ?} placeholders bound to {@code params}. */
    static <T> Expr<T> raw(Class<T> type, String sql, Object... params) {
        return new Raw<>(sql, Arrays.asList(params.clone()), type);
    }

    /** A scalar subquery; it may refer to columns of the enclosing query. */
    static <T> Expr<T> subquery(Select<T> select) {
        SelectNode<T> node = SelectNode.of(select);
        return new Subquery<>(node, node.scalarType());
    }

    /** {@code EXISTS (select)}. */
    static Expr<Boolean> exists(Select<?> select) {
        return new Exists(SelectNode.of(select), false);
    }

    /** {@code NOT EXISTS (select)}. */
    static Expr<Boolean> notExists(Select<?> select) {
        return new Exists(SelectNode.of(select), true);
    }
}
