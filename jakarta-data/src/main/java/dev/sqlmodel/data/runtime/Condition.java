package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Expr;
import dev.sqlmodel.data.runtime.jdql.LikeMatch;
import dev.sqlmodel.impl.meta.FieldMeta;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One condition of a repository query on one attribute, taking its values from the call's arguments at fixed
 * positions (two for {@code Between}, none for {@code Null}, {@code True}, {@code False}). {@code Like},
 * {@code StartsWith}, {@code EndsWith} and {@code Contains} respect case on every database, as JDQL's LIKE does
 * (SQLite's and MySQL's LIKE would ignore it), unless {@code IgnoreCase} is given; the last three match their
 * argument literally, {@code %} and {@code _} included.
 */
final class Condition {

    /** The comparison, as named in query-by-method-name. */
    enum Op {
        EQUAL(1), LESS_THAN(1), LESS_THAN_EQUAL(1), GREATER_THAN(1), GREATER_THAN_EQUAL(1), BETWEEN(2), LIKE(1),
        STARTS_WITH(1), ENDS_WITH(1), CONTAINS(1), IN(1), NULL(0), TRUE(0), FALSE(0);

        final int arguments;

        Op(int arguments) {
            this.arguments = arguments;
        }
    }

    private final FieldMeta field;
    private final Expr<Object> column;
    /** The column as compared: upper-cased when the condition ignores case, built once per plan. */
    private final Expr<Object> compared;
    private final Op op;
    private final boolean not;
    private final boolean ignoreCase;
    private final int argument;

    Condition(EntityModel entity, FieldMeta field, Op op, boolean not, boolean ignoreCase, int argument) {
        this.field = field;
        this.column = entity.column(field);
        this.op = op;
        this.not = not;
        this.ignoreCase = ignoreCase && EntityModel.isText(field);
        this.argument = argument;
        @SuppressWarnings({"unchecked", "rawtypes"})
        Expr<Object> upper = this.ignoreCase ? (Expr) ((Expr<String>) (Expr) column).upper() : column;
        this.compared = upper;
    }

    Op op() {
        return op;
    }

    FieldMeta field() {
        return field;
    }

    /** The position of the (first) argument the condition compares with; -1 for none. */
    int argument() {
        return argument;
    }

    /** Whether the condition is more than plain equality: negated or ignoring case. */
    boolean negatedOrFolded() {
        return not || ignoreCase;
    }

    /** The condition with the call's values bound. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Expr<Boolean> toExpr(Object[] args) {
        Expr col = compared;
        Expr<Boolean> e = switch (op) {
            case EQUAL -> {
                Object v = value(args[argument]);
                yield not ? col.ne(v) : col.eq(v);
            }
            case LESS_THAN -> col.lt(value(args[argument]));
            case LESS_THAN_EQUAL -> col.le(value(args[argument]));
            case GREATER_THAN -> col.gt(value(args[argument]));
            case GREATER_THAN_EQUAL -> col.ge(value(args[argument]));
            case BETWEEN -> not ? col.notBetween(value(args[argument]), value(args[argument + 1]))
                    : col.between(value(args[argument]), value(args[argument + 1]));
            case LIKE -> {
                String pattern = text(args[argument]);
                yield ignoreCase ? (not ? column.notIlike(pattern) : column.ilike(pattern))
                        : LikeMatch.of(column, pattern, null, not);
            }
            // the literal matches are case-sensitive on every database unless they ignore case
            case STARTS_WITH -> negate(ignoreCase ? column.istartsWith(text(args[argument]))
                    : column.startsWith(text(args[argument])));
            case ENDS_WITH -> negate(ignoreCase ? column.iendsWith(text(args[argument]))
                    : column.endsWith(text(args[argument])));
            case CONTAINS -> negate(ignoreCase ? column.icontains(text(args[argument]))
                    : column.contains(text(args[argument])));
            case IN -> {
                List<Object> values = values(args[argument]);
                yield not ? col.notIn(values) : col.in(values);
            }
            case NULL -> not ? column.isNotNull() : column.isNull();
            case TRUE -> not ? column.ne(Boolean.TRUE) : column.eq(Boolean.TRUE);
            case FALSE -> not ? column.ne(Boolean.FALSE) : column.eq(Boolean.FALSE);
        };
        boolean negated = not && switch (op) {
            case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL -> true;
            default -> false;
        };
        return negated ? Expr.not(e) : e;
    }

    private Expr<Boolean> negate(Expr<Boolean> e) {
        return not ? Expr.not(e) : e;
    }

    private Object value(Object v) {
        if (ignoreCase && v != null) {
            return v.toString().toUpperCase(Locale.ROOT);
        }
        return v;
    }

    private String text(Object v) {
        if (v == null) {
            throw new NullPointerException("the value compared with " + field.name() + " (" + op + ") is null");
        }
        return v.toString();
    }

    private List<Object> values(Object v) {
        if (v == null) {
            throw new NullPointerException("the values of " + field.name() + " In are null");
        }
        List<Object> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                out.add(value(o));
            }
        } else if (v.getClass().isArray()) {
            for (int i = 0, n = Array.getLength(v); i < n; i++) {
                out.add(value(Array.get(v, i)));
            }
        } else if (v instanceof Iterable<?> it) {
            for (Object o : it) {
                out.add(value(o));
            }
        } else {
            out.add(value(v));
        }
        return out;
    }

    @Override
    public String toString() {
        return field.name() + (ignoreCase ? " IgnoreCase" : "") + (not ? " Not " : " ") + op;
    }
}
