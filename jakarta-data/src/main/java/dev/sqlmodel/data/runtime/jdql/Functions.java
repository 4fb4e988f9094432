package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Expr;
import dev.sqlmodel.ast.Binary;
import dev.sqlmodel.ast.BinaryOp;
import dev.sqlmodel.ast.Fn;
import dev.sqlmodel.ast.FnKind;
import dev.sqlmodel.ast.Param;
import dev.sqlmodel.data.runtime.jdql.Syntax.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions of a query: JDQL's ABS, LENGTH, LOWER, UPPER, LEFT and RIGHT, and the JPQL ones
 * every database here computes alike. Each becomes a function of the statement builder, or an
 * expression of them where a database lacks the function (LEFT and RIGHT on SQLite).
 */
final class Functions {
    private final Resolver resolver;

    Functions(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The term of a function call; the parser has checked the number of arguments. */
    Term call(Syntax.Call c) {
        List<Node> args = c.args();
        switch (c.name()) {
            case "ABS" -> {
                Term x = resolver.scalar(args.get(0), null);
                resolver.requireNumeric(x, args.get(0), "ABS");
                return Term.of(x.type(), List.of(x), e -> new Fn<>(FnKind.ABS, null, e, e.get(0).javaType()));
            }
            case "LENGTH" -> {
                Term x = resolver.scalar(args.get(0), String.class);
                resolver.requireText(x, args.get(0), "LENGTH");
                return Term.of(Integer.class, List.of(x), e -> new Fn<>(FnKind.LENGTH, null, e, Integer.class));
            }
            case "LOWER", "UPPER" -> {
                Term x = resolver.scalar(args.get(0), String.class);
                resolver.requireText(x, args.get(0), c.name());
                FnKind kind = c.name().equals("LOWER") ? FnKind.LOWER : FnKind.UPPER;
                return Term.of(String.class, List.of(x), e -> new Fn<>(kind, null, e, String.class));
            }
            case "LEFT", "RIGHT" -> {
                Term x = resolver.scalar(args.get(0), String.class);
                resolver.requireText(x, args.get(0), c.name());
                Term n = resolver.scalar(args.get(1), Integer.class);
                resolver.requireIntegral(n, args.get(1), "the length given to " + c.name());
                boolean left = c.name().equals("LEFT");
                return Term.of(String.class, List.of(x, n), e -> left ? leftOf(e.get(0), e.get(1)) : rightOf(e.get(0), e.get(1)));
            }
            case "CONCAT" -> {
                List<Term> t = new ArrayList<>();
                for (Node n : args) {
                    Term term = resolver.scalar(n, String.class);
                    resolver.requireText(term, n, "CONCAT");
                    t.add(term);
                }
                return Term.of(String.class, t, e -> new Fn<>(FnKind.CONCAT, null, e, String.class));
            }
            case "TRIM" -> {
                Term x = resolver.scalar(args.get(0), String.class);
                resolver.requireText(x, args.get(0), "TRIM");
                return Term.of(String.class, List.of(x), e -> new Fn<>(FnKind.TRIM, null, e, String.class));
            }
            case "SUBSTRING" -> {
                List<Term> t = new ArrayList<>();
                t.add(resolver.scalar(args.get(0), String.class));
                resolver.requireText(t.get(0), args.get(0), "SUBSTRING");
                for (int i = 1; i < args.size(); i++) {
                    t.add(resolver.scalar(args.get(i), Integer.class));
                    resolver.requireIntegral(t.get(i), args.get(i),
                            i == 1 ? "the start given to SUBSTRING" : "the length given to SUBSTRING");
                }
                return Term.of(String.class, t, e -> new Fn<>(FnKind.SUBSTR, null, e, String.class));
            }
            case "MOD" -> {
                List<Term> t = resolver.unify(args, null);
                resolver.requireIntegral(t.get(0), args.get(0), "the dividend of MOD");
                resolver.requireIntegral(t.get(1), args.get(1), "the divisor of MOD");
                Class<?> type = t.get(0).type() == null && t.get(1).type() == null ? null
                        : Values.promote(t.get(0).type(), t.get(1).type());
                return Term.of(type, t, e -> Resolver.arithmetic(BinaryOp.MOD, e.get(0), e.get(1)));
            }
            case "CEILING", "FLOOR" -> {
                Term x = resolver.scalar(args.get(0), null);
                resolver.requireNumeric(x, args.get(0), c.name());
                FnKind kind = c.name().equals("FLOOR") ? FnKind.FLOOR : FnKind.CEIL;
                return Term.of(x.type(), List.of(x), e -> new Fn<>(kind, null, e, e.get(0).javaType()));
            }
            case "ROUND" -> {
                Term x = resolver.scalar(args.get(0), null);
                resolver.requireNumeric(x, args.get(0), "ROUND");
                Term digits = resolver.scalar(args.get(1), Integer.class);
                resolver.requireIntegral(digits, args.get(1), "the number of places given to ROUND");
                return Term.of(x.type(), List.of(x, digits), e -> new Fn<>(FnKind.ROUND, null, e, e.get(0).javaType()));
            }
            case "COALESCE", "NULLIF" -> {
                List<Term> t = resolver.unify(args, null);
                for (int i = 1; i < t.size(); i++) {
                    resolver.checkComparable(t.get(0), t.get(i), args.get(i));
                }
                Class<?> type = null;
                for (Term term : t) {
                    type = type == null ? term.type() : type;
                }
                FnKind kind = c.name().equals("COALESCE") ? FnKind.COALESCE : FnKind.NULLIF;
                Class<?> known = type;
                return Term.of(type, t, e -> fn(kind, e, known != null ? known : e.get(0).javaType()));
            }
            default -> throw resolver.error(c, "unknown function " + c.name());
        }
    }

    /** {@code LEFT(x, n)} as {@code SUBSTR(x, 1, n)}: SQLite has no LEFT. */
    private static Expr<?> leftOf(Expr<?> x, Expr<?> n) {
        return new Fn<>(FnKind.SUBSTR, null, List.of(x, new Param<>(1, Integer.class), n), String.class);
    }

    /**
     * {@code RIGHT(x, n)} as {@code CASE WHEN LENGTH(x) <= n THEN x ELSE SUBSTR(x, LENGTH(x) - n + 1) END}:
     * SQLite has no RIGHT, and the databases disagree on SUBSTR from a position before the start.
     */
    @SuppressWarnings("unchecked")
    private static Expr<?> rightOf(Expr<?> x, Expr<?> n) {
        Expr<Integer> length = new Fn<>(FnKind.LENGTH, null, List.of(x), Integer.class);
        Expr<Boolean> whole = new Binary<>(BinaryOp.LE, length, n, Boolean.class);
        Expr<Integer> start = new Binary<>(BinaryOp.ADD, new Binary<>(BinaryOp.SUB, length, n, Integer.class),
                new Param<>(1, Integer.class), Integer.class);
        Expr<String> tail = new Fn<>(FnKind.SUBSTR, null, List.of(x, start), String.class);
        return Expr.caseWhen(whole, (Expr<String>) x).otherwise(tail);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expr<?> fn(FnKind kind, List<Expr<?>> args, Class<?> type) {
        return new Fn(kind, null, args, type);
    }

}
