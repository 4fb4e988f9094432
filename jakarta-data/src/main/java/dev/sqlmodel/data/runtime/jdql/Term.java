package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A resolved expression of a query: its static Java type (boxed; null for a parameter whose
 * type is known only from its value) and how to build the statement builder's expression for a
 * call. A term without parameters is built once, at parse time, and shared by every call.
 */
final class Term {
    private final Class<?> type;
    private final Expr<?> constant;
    private final Function<JdqlQuery.Parameters, Expr<?>> binder;

    private Term(Class<?> type, Expr<?> constant, Function<JdqlQuery.Parameters, Expr<?>> binder) {
        this.type = type;
        this.constant = constant;
        this.binder = binder;
    }

    /** A term that is the same expression on every call. */
    static Term constant(Expr<?> expr, Class<?> type) {
        return new Term(type, expr, null);
    }

    /** A term built anew for each call (it holds parameters or the current time). */
    static Term dynamic(Class<?> type, Function<JdqlQuery.Parameters, Expr<?>> binder) {
        return new Term(type, null, binder);
    }

    /** A term made of {@code parts}: built once when they are all constant, else per call. */
    static Term of(Class<?> type, List<Term> parts, Function<List<Expr<?>>, Expr<?>> build) {
        boolean constant = true;
        for (Term t : parts) {
            constant &= t.isConstant();
        }
        if (constant) {
            return constant(build.apply(bindAll(parts, null)), type);
        }
        List<Term> copy = List.copyOf(parts);
        return dynamic(type, p -> build.apply(bindAll(copy, p)));
    }

    private static List<Expr<?>> bindAll(List<Term> parts, JdqlQuery.Parameters params) {
        List<Expr<?>> out = new ArrayList<>(parts.size());
        for (Term t : parts) {
            out.add(t.bind(params));
        }
        return out;
    }

    /** The static type, boxed; null when only the bound value will tell. */
    Class<?> type() {
        return type;
    }

    /** Whether the expression is the same on every call. */
    boolean isConstant() {
        return constant != null;
    }

    /** The expression for one call. */
    Expr<?> bind(JdqlQuery.Parameters params) {
        return constant != null ? constant : binder.apply(params);
    }

    @Override
    public String toString() {
        return constant != null ? constant.toString() : "Term[" + (type == null ? "?" : type.getSimpleName()) + "]";
    }
}
