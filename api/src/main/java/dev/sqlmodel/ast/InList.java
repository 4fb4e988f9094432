package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@code operand [NOT] IN (values)}; never empty (an empty list becomes a constant). */
public record InList(Expr<?> operand, List<Expr<?>> values, boolean negated) implements Expr<Boolean> {

    /** The IN test, or the constant it reduces to for an empty collection. */
    public static Expr<Boolean> of(Expr<?> operand, Collection<?> values, boolean negated) {
        if (values.isEmpty()) {
            return negated ? BoolConst.TRUE : BoolConst.FALSE;
        }
        List<Expr<?>> params = new ArrayList<>(values.size());
        for (Object v : values) {
            params.add(Param.wrap(v, operand.javaType()));
        }
        return new InList(operand, List.copyOf(params), negated);
    }

    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }
}
