package dev.sqlmodel.ast;

import dev.sqlmodel.CaseExpr;
import dev.sqlmodel.Expr;
import java.util.ArrayList;
import java.util.List;

/** {@code CASE WHEN ... THEN ... [ELSE ...] END}; {@code otherwise} may be null. */
public record CaseNode<T>(List<When> whens, Expr<T> otherwise, Class<T> javaType) implements CaseExpr<T> {

    /** One {@code WHEN condition THEN result} branch. */
    public record When(Expr<Boolean> condition, Expr<?> result) {
    }

    /** A CASE with its first branch. */
    public static <T> CaseNode<T> start(Expr<Boolean> condition, Expr<T> result) {
        return new CaseNode<>(List.of(new When(condition, result)), null, result.javaType());
    }

    @Override
    public CaseExpr<T> orWhen(Expr<Boolean> condition, Expr<T> result) {
        List<When> all = new ArrayList<>(whens);
        all.add(new When(condition, result));
        return new CaseNode<>(List.copyOf(all), otherwise, javaType);
    }

    @Override
    public CaseExpr<T> orWhen(Expr<Boolean> condition, T value) {
        return orWhen(condition, Param.wrap(value, javaType));
    }

    @Override
    public Expr<T> otherwise(Expr<T> result) {
        return new CaseNode<>(whens, result, javaType);
    }

    @Override
    public Expr<T> otherwise(T value) {
        return otherwise(Param.wrap(value, javaType));
    }
}
