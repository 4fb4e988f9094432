package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** A binary operation; the result type is Boolean for comparisons, the left type for arithmetic. */
public record Binary<T>(BinaryOp op, Expr<?> left, Expr<?> right, Class<T> javaType) implements Expr<T> {
    /** Checks the parts are present. */
    public Binary {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    /** A comparison of {@code left} with a value or expression. */
    public static Expr<Boolean> of(BinaryOp op, Expr<?> left, Object right) {
        return new Binary<>(op, left, Param.wrap(right, left.javaType()), Boolean.class);
    }

    /** An arithmetic operation typed like {@code left}. */
    @SuppressWarnings("unchecked")
    public static <T> Expr<T> arith(BinaryOp op, Expr<T> left, Object right) {
        Expr<?> r = right instanceof Expr<?> e ? e : Param.of(right);
        return new Binary<>(op, left, r, left.javaType());
    }

    /**
     * AND or OR over the conditions, flattened; empty gives the operator's neutral constant
     * (TRUE for AND, FALSE for OR) and one condition gives itself.
     */
    @SuppressWarnings("unchecked")
    public static Expr<Boolean> chain(BinaryOp op, Collection<? extends Expr<Boolean>> conditions) {
        List<Expr<Boolean>> flat = new ArrayList<>();
        for (Expr<Boolean> c : conditions) {
            Objects.requireNonNull(c, "condition");
            if (c instanceof Junction j && j.op() == op) {
                flat.addAll(j.conditions());
            } else {
                flat.add(c);
            }
        }
        if (flat.isEmpty()) {
            return op == BinaryOp.AND ? BoolConst.TRUE : BoolConst.FALSE;
        }
        if (flat.size() == 1) {
            return flat.get(0);
        }
        return new Junction(op, List.copyOf(flat));
    }
}
