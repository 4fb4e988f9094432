package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Expr;
import java.util.ArrayList;
import java.util.List;

/** The conditions of a repository query: groups of conditions joined by AND, the groups joined by OR. */
final class Restriction {

    static final Restriction NONE = new Restriction(List.of());

    private final List<List<Condition>> groups;

    Restriction(List<List<Condition>> groups) {
        this.groups = List.copyOf(groups.stream().map(List::copyOf).toList());
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    List<List<Condition>> groups() {
        return groups;
    }

    /** The WHERE condition for the call, or null when there are no conditions. */
    Expr<Boolean> toExpr(Object[] args) {
        if (groups.isEmpty()) {
            return null;
        }
        List<Expr<Boolean>> ors = new ArrayList<>(groups.size());
        for (List<Condition> group : groups) {
            if (group.size() == 1) {
                ors.add(group.get(0).toExpr(args));
            } else {
                List<Expr<Boolean>> ands = new ArrayList<>(group.size());
                for (Condition c : group) {
                    ands.add(c.toExpr(args));
                }
                ors.add(Expr.and(ands));
            }
        }
        return ors.size() == 1 ? ors.get(0) : Expr.or(ors);
    }

    @Override
    public String toString() {
        return groups.toString();
    }
}
