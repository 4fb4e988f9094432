package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Column;
import dev.sqlmodel.Expr;
import dev.sqlmodel.FieldInfo;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.ast.Binary;
import dev.sqlmodel.ast.BinaryOp;
import dev.sqlmodel.ast.Fn;
import dev.sqlmodel.ast.FnKind;
import dev.sqlmodel.ast.InList;
import dev.sqlmodel.ast.Like;
import dev.sqlmodel.ast.Param;
import dev.sqlmodel.ast.Unary;
import dev.sqlmodel.ast.UnaryOp;
import dev.sqlmodel.data.runtime.jdql.Syntax.Node;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.meta.Types;
import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Resolves a syntax tree against the queried entity: attribute names become columns, enum
 * literals constants, literals values typed by what they meet, and every node a {@link Term}.
 * Type errors (a string compared with a number, LIKE on a number) are found here, once.
 */
final class Resolver {
    private final String query;
    private final Class<?> entity;
    private final ModelMeta<?> meta;
    private final Functions functions = new Functions(this);

    Resolver(String query, Class<?> entity) {
        this.query = query;
        this.entity = entity;
        try {
            this.meta = ModelRegistry.of(entity);
        } catch (MappingException e) {
            throw new JdqlException(query, 0, "the entity " + entity.getName() + " is not a model: " + e.getMessage());
        }
    }

    // ---- conditions ---------------------------------------------------------------------

    /** The term of a condition; its expressions are {@code Expr<Boolean>}. */
    Term condition(Node node) {
        if (node instanceof Syntax.Logic l) {
            List<Term> parts = new ArrayList<>();
            for (Node n : l.operands()) {
                parts.add(condition(n));
            }
            BinaryOp op = l.op();
            return Term.of(Boolean.class, parts, exprs -> {
                List<Expr<Boolean>> conditions = booleans(exprs);
                return op == BinaryOp.AND ? Expr.and(conditions) : Expr.or(conditions);
            });
        }
        if (node instanceof Syntax.Not n) {
            return Term.of(Boolean.class, List.of(condition(n.operand())),
                    e -> new Unary<>(UnaryOp.NOT, e.get(0), Boolean.class));
        }
        if (node instanceof Syntax.Compare c) {
            return compare(c);
        }
        if (node instanceof Syntax.Between b) {
            List<Term> t = unify(List.of(b.operand(), b.low(), b.high()), null);
            checkComparable(t.get(0), t.get(1), b.low());
            checkComparable(t.get(0), t.get(2), b.high());
            boolean negated = b.negated();
            return Term.of(Boolean.class, t,
                    e -> new dev.sqlmodel.ast.Between(e.get(0), e.get(1), e.get(2), negated));
        }
        if (node instanceof Syntax.Like l) {
            return like(l);
        }
        if (node instanceof Syntax.In in) {
            return in(in);
        }
        if (node instanceof Syntax.NullTest n) {
            Term operand = scalar(n.operand(), null);
            UnaryOp op = n.negated() ? UnaryOp.IS_NOT_NULL : UnaryOp.IS_NULL;
            return Term.of(Boolean.class, List.of(operand), e -> new Unary<>(op, e.get(0), Boolean.class));
        }
        if (node instanceof Syntax.Truth t) {
            if (t.operand() instanceof Syntax.BooleanLiteral b) {
                return Term.constant(Expr.bool(b.value()), Boolean.class);
            }
            Term operand = scalar(t.operand(), Boolean.class);
            if (operand.type() != null && operand.type() != Boolean.class) {
                throw error(t.operand(), describe(t.operand()) + " is of type " + operand.type().getSimpleName()
                        + ", not boolean: expected a comparison operator (= <> < <= > >=), IS, BETWEEN, LIKE or IN after it");
            }
            return Term.of(Boolean.class, List.of(operand),
                    e -> new Binary<>(BinaryOp.EQ, e.get(0), new Param<>(Boolean.TRUE, Boolean.class), Boolean.class));
        }
        throw error(node, "expected a condition, found " + describe(node));
    }

    @SuppressWarnings("unchecked")
    private static List<Expr<Boolean>> booleans(List<Expr<?>> exprs) {
        List<Expr<Boolean>> out = new ArrayList<>(exprs.size());
        for (Expr<?> e : exprs) {
            out.add((Expr<Boolean>) e);
        }
        return out;
    }

    private Term compare(Syntax.Compare c) {
        List<Term> t = unify(List.of(c.left(), c.right()), null);
        checkComparable(t.get(0), t.get(1), c.right());
        BinaryOp op = c.op();
        return Term.of(Boolean.class, t, e -> new Binary<>(op, e.get(0), e.get(1), Boolean.class));
    }

    private Term like(Syntax.Like l) {
        Term operand = scalar(l.operand(), String.class);
        if (operand.type() != null && !Values.textual(operand.type())) {
            throw error(l.operand(), "LIKE needs a string, but " + describe(l.operand()) + " is of type "
                    + operand.type().getSimpleName());
        }
        Character escape = l.escape();
        boolean negated = l.negated();
        Term pattern;
        if (l.pattern() instanceof Syntax.StringLiteral s) {
            String rewritten;
            try {
                rewritten = LikeMatch.pattern(s.value(), escape);
            } catch (IllegalArgumentException e) {
                throw error(s, e.getMessage());
            }
            pattern = Term.constant(new Param<>(rewritten, String.class), String.class);
        } else {
            Term raw = scalar(l.pattern(), String.class);
            String name = describe(l.pattern());
            pattern = Term.dynamic(String.class, p -> {
                Object v = ((Param<?>) raw.bind(p)).value();
                if (v == null) {
                    return new Param<>(null, String.class);
                }
                if (!(v instanceof String text)) {
                    throw new IllegalArgumentException("JDQL query \"" + query + "\": the LIKE pattern " + name
                            + " must be a String, found " + v.getClass().getName());
                }
                return new Param<>(LikeMatch.pattern(text, escape), String.class);
            });
        }
        // Matched as literal text with our escape character: case-sensitive on every database.
        return Term.of(Boolean.class, List.of(operand, pattern),
                e -> new Like(e.get(0), e.get(1), false, negated, true));
    }

    private Term in(Syntax.In in) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(in.operand());
        nodes.addAll(in.items());
        List<Term> t = unify(nodes, null);
        for (int i = 1; i < t.size(); i++) {
            checkComparable(t.get(0), t.get(i), nodes.get(i));
        }
        boolean negated = in.negated();
        Class<?> hint = t.get(0).type();
        return Term.of(Boolean.class, t, e -> {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < e.size(); i++) {
                Expr<?> item = e.get(i);
                // A parameter given a collection or array stands for all of its elements.
                Object v = item instanceof Param<?> p ? p.value() : null;
                if (v instanceof Collection<?> c) {
                    for (Object o : c) {
                        values.add(Values.param(o, hint));
                    }
                } else if (v != null && v.getClass().isArray() && v.getClass() != byte[].class) {
                    for (int k = 0; k < Array.getLength(v); k++) {
                        values.add(Values.param(Array.get(v, k), hint));
                    }
                } else {
                    values.add(item);
                }
            }
            return InList.of(e.get(0), values, negated);
        });
    }

    // ---- scalar expressions -------------------------------------------------------------

    /** The term of a scalar expression; {@code hint} types literals and parameters (may be null). */
    Term scalar(Node node, Class<?> hint) {
        if (node instanceof Syntax.Path p) {
            return path(p, hint);
        }
        if (node instanceof Syntax.StringLiteral s) {
            Object v = s.value();
            if (hint != null && hint.isEnum()) {
                v = enumConstant(hint, s.value(), s);
            }
            Param<?> param = Values.param(v, hint);
            return Term.constant(param, param.javaType());
        }
        if (node instanceof Syntax.NumberLiteral n) {
            Param<?> param = Values.param(number(n), hint);
            return Term.constant(param, param.javaType());
        }
        if (node instanceof Syntax.BooleanLiteral b) {
            return Term.constant(new Param<>(b.value(), Boolean.class), Boolean.class);
        }
        if (node instanceof Syntax.LocalNow now) {
            return now(now.type());
        }
        if (node instanceof Syntax.NamedParameter p) {
            String name = p.name();
            return Term.dynamic(hint, params -> Values.param(params.named(name), hint));
        }
        if (node instanceof Syntax.PositionalParameter p) {
            int number = p.number();
            return Term.dynamic(hint, params -> Values.param(params.positional(number), hint));
        }
        if (node instanceof Syntax.IdThis id) {
            List<FieldInfo> key = meta.primaryKey();
            if (key.size() != 1) {
                throw error(id, "ID(THIS) needs a single-column identifier, but " + entity.getSimpleName() + " has "
                        + (key.isEmpty() ? "none" : key.size() + " key columns"));
            }
            return column((FieldMeta) key.get(0));
        }
        if (node instanceof Syntax.Call c) {
            return functions.call(c);
        }
        if (node instanceof Syntax.Negate n) {
            Term operand = scalar(n.operand(), hint);
            requireNumeric(operand, n.operand(), "unary '-'");
            return Term.of(operand.type(), List.of(operand), e -> new Unary<>(UnaryOp.NEG, e.get(0), e.get(0).javaType()));
        }
        if (node instanceof Syntax.Arithmetic a) {
            Class<?> outer = Values.numeric(hint) ? hint : null;
            List<Term> t = unify(List.of(a.left(), a.right()), outer);
            String symbol = switch (a.op()) {
                case ADD -> "'+'";
                case SUB -> "'-'";
                case MUL -> "'*'";
                default -> "'/'";
            };
            requireNumeric(t.get(0), a.left(), symbol);
            requireNumeric(t.get(1), a.right(), symbol);
            Class<?> type = t.get(0).type() == null && t.get(1).type() == null ? null
                    : Values.promote(t.get(0).type(), t.get(1).type());
            BinaryOp op = a.op();
            return Term.of(type, t, e -> arithmetic(op, e.get(0), e.get(1)));
        }
        if (node instanceof Syntax.Concat c) {
            List<Node> operands = new ArrayList<>();
            flatten(c, operands);
            List<Term> t = new ArrayList<>();
            for (Node n : operands) {
                Term term = scalar(n, String.class);
                requireText(term, n, "'||'");
                t.add(term);
            }
            return Term.of(String.class, t, e -> new Fn<>(FnKind.CONCAT, null, e, String.class));
        }
        throw error(node, "expected an expression, found " + describe(node));
    }

    static Expr<?> arithmetic(BinaryOp op, Expr<?> left, Expr<?> right) {
        Class<?> type = Values.promote(Types.box(left.javaType()), Types.box(right.javaType()));
        return new Binary<>(op, left, right, type);
    }

    private static void flatten(Node n, List<Node> out) {
        if (n instanceof Syntax.Concat c) {
            flatten(c.left(), out);
            flatten(c.right(), out);
        } else {
            out.add(n);
        }
    }

    private Term now(Class<?> type) {
        // Evaluated when each call binds it; micro-seconds are what every database keeps.
        if (type == LocalDate.class) {
            return Term.dynamic(type, p -> new Param<>(LocalDate.now(), LocalDate.class));
        }
        if (type == LocalTime.class) {
            return Term.dynamic(type, p -> new Param<>(LocalTime.now().truncatedTo(ChronoUnit.MICROS), LocalTime.class));
        }
        return Term.dynamic(type, p -> new Param<>(LocalDateTime.now().truncatedTo(ChronoUnit.MICROS), LocalDateTime.class));
    }

    private Term path(Syntax.Path p, Class<?> hint) {
        List<String> names = p.names();
        String first = names.get(0);
        FieldMeta field = meta.field(first);
        if (names.size() == 1) {
            if (field != null) {
                return column(field);
            }
            if (meta.relation(first) != null) {
                throw error(p, "'" + first + "' of " + entity.getSimpleName()
                        + " is a relationship; JDQL here compares attributes stored in the entity's own table");
            }
            if (hint != null && hint.isEnum()) {
                for (Object c : hint.getEnumConstants()) {
                    if (((Enum<?>) c).name().equals(first)) {
                        return Term.constant(new Param<>(c, hint), hint);
                    }
                }
            }
            throw unknownAttribute(p, first);
        }
        if (field != null || meta.relation(first) != null) {
            throw error(p, "'" + p.dotted() + "': paths into embedded or related entities are not supported;"
                    + " name an attribute of " + entity.getSimpleName());
        }
        String className = String.join(".", names.subList(0, names.size() - 1));
        String constant = names.get(names.size() - 1);
        Class<?> type = findClass(className);
        if (type == null) {
            throw error(p, "'" + first + "' is no attribute of " + entity.getSimpleName() + " and '" + className
                    + "' no class on the class path, so '" + p.dotted()
                    + "' is neither an attribute nor an enum constant (attributes: " + attributes() + ")");
        }
        if (!type.isEnum()) {
            throw error(p, "'" + p.dotted() + "': " + type.getName() + " is not an enum");
        }
        Object value = enumConstant(type, constant, p);
        return Term.constant(new Param<>(value, type), type);
    }

    private Object enumConstant(Class<?> type, String name, Node at) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            names.add(((Enum<?>) c).name());
        }
        throw error(at, "'" + name + "' is not a constant of " + type.getName() + " (constants: "
                + String.join(", ", names) + ")");
    }

    /** The class {@code name} where nested classes may be written with dots ({@code a.Outer.Inner}). */
    private Class<?> findClass(String name) {
        String candidate = name;
        while (true) {
            Class<?> c = load(candidate);
            if (c != null) {
                return c;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
        }
    }

    private Class<?> load(String name) {
        ClassLoader[] loaders = {entity.getClassLoader(), Thread.currentThread().getContextClassLoader()};
        for (ClassLoader loader : loaders) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not this loader's
            }
        }
        return null;
    }

    /** The column term of an attribute. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Term column(FieldMeta field) {
        Class<?> type = field.boxedType();
        Column<?, ?> col = Column.of((Class) entity, field.name(), type);
        return Term.constant(col, type);
    }

    /** The column named by a SET target. */
    FieldMeta settable(Syntax.Path p) {
        if (p.names().size() > 1) {
            throw error(p, "'" + p.dotted() + "': SET assigns an attribute of " + entity.getSimpleName()
                    + " itself; paths into other objects are not supported");
        }
        FieldMeta field = meta.field(p.names().get(0));
        if (field == null) {
            if (meta.relation(p.names().get(0)) != null) {
                throw error(p, "'" + p.dotted() + "' of " + entity.getSimpleName() + " is a relationship; SET assigns attributes");
            }
            throw unknownAttribute(p, p.names().get(0));
        }
        return field;
    }

    // ---- typing -------------------------------------------------------------------------

    /**
     * Resolves operands that must agree in type: those whose type they carry themselves
     * (attributes, functions) first, then literals and parameters typed by the first of those,
     * else by {@code outer}.
     */
    List<Term> unify(List<Node> nodes, Class<?> outer) {
        Term[] out = new Term[nodes.size()];
        Class<?> hint = null;
        for (int i = 0; i < nodes.size(); i++) {
            if (!typedByContext(nodes.get(i))) {
                out[i] = scalar(nodes.get(i), null);
                if (hint == null) {
                    hint = out[i].type();
                }
            }
        }
        if (hint == null) {
            hint = outer;
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (out[i] == null) {
                out[i] = scalar(nodes.get(i), hint);
                if (hint == null) {
                    hint = out[i].type();
                }
            }
        }
        return List.of(out);
    }

    /** Whether the node takes its type from the expression it meets. */
    private boolean typedByContext(Node n) {
        if (n instanceof Syntax.StringLiteral || n instanceof Syntax.NumberLiteral
                || n instanceof Syntax.NamedParameter || n instanceof Syntax.PositionalParameter) {
            return true;
        }
        if (n instanceof Syntax.Path p) {
            // A single name that is not an attribute may be a constant of the other side's enum.
            return p.names().size() == 1 && meta.field(p.names().get(0)) == null;
        }
        if (n instanceof Syntax.Negate neg) {
            return typedByContext(neg.operand());
        }
        if (n instanceof Syntax.Arithmetic a) {
            return typedByContext(a.left()) && typedByContext(a.right());
        }
        return false;
    }

    void checkComparable(Term a, Term b, Node at) {
        Class<?> x = a.type();
        Class<?> y = b.type();
        if (x == null || y == null || x == y) {
            return;
        }
        if (Values.numeric(x) && Values.numeric(y) || Values.textual(x) && Values.textual(y)) {
            return;
        }
        if (x.isEnum() && y == String.class || y.isEnum() && x == String.class) {
            return; // an enum column stores the constant's name
        }
        throw error(at, "cannot compare a value of type " + x.getSimpleName() + " with " + describe(at)
                + " of type " + y.getSimpleName());
    }

    void requireNumeric(Term t, Node at, String operator) {
        if (t.type() != null && !Values.numeric(t.type())) {
            throw error(at, operator + " needs numbers, but " + describe(at) + " is of type " + t.type().getSimpleName());
        }
    }

    void requireIntegral(Term t, Node at, String what) {
        if (t.type() != null && !Values.integral(t.type())) {
            throw error(at, what + " must be an integer, but " + describe(at) + " is of type " + t.type().getSimpleName());
        }
    }

    void requireText(Term t, Node at, String operator) {
        if (t.type() != null && !Values.textual(t.type())) {
            throw error(at, operator + " needs strings, but " + describe(at) + " is of type " + t.type().getSimpleName());
        }
    }

    private Number number(Syntax.NumberLiteral n) {
        String text = n.text().replace("_", "");
        String sign = n.negative() ? "-" : "";
        char last = Character.toLowerCase(text.charAt(text.length() - 1));
        try {
            if (!n.decimal()) {
                if (last == 'l') {
                    return Long.parseLong(sign + text.substring(0, text.length() - 1));
                }
                return Integer.parseInt(sign + text);
            }
            if (last == 'f') {
                return Float.parseFloat(sign + text);
            }
            return Double.parseDouble(sign + text);
        } catch (NumberFormatException e) {
            throw error(n, "the integer " + sign + n.text() + " is too large for an int"
                    + (last == 'l' ? " or a long" : " (write it with an L suffix for a long)"));
        }
    }

    // ---- messages -----------------------------------------------------------------------

    private JdqlException unknownAttribute(Syntax.Path p, String name) {
        String hint = "";
        for (FieldMeta f : meta.columns()) {
            if (f.name().equalsIgnoreCase(name)) {
                hint = " (did you mean '" + f.name() + "'? attribute names are case-sensitive)";
            }
        }
        if (hint.isEmpty()) {
            hint = " (attributes: " + attributes() + ")";
        }
        return error(p, "unknown attribute '" + name + "' of entity " + entity.getSimpleName() + hint);
    }

    private String attributes() {
        List<String> names = new ArrayList<>();
        for (FieldMeta f : meta.columns()) {
            names.add(f.name());
        }
        return String.join(", ", names);
    }

    static String describe(Node n) {
        if (n instanceof Syntax.Path p) {
            return "'" + p.dotted() + "'";
        }
        if (n instanceof Syntax.NamedParameter p) {
            return "the parameter :" + p.name();
        }
        if (n instanceof Syntax.PositionalParameter p) {
            return "the parameter ?" + p.number();
        }
        if (n instanceof Syntax.StringLiteral s) {
            return "the string '" + s.value().replace("'", "''") + "'";
        }
        if (n instanceof Syntax.NumberLiteral num) {
            return "the number " + (num.negative() ? "-" : "") + num.text();
        }
        if (n instanceof Syntax.BooleanLiteral b) {
            return b.value() ? "TRUE" : "FALSE";
        }
        if (n instanceof Syntax.Call c) {
            return c.name() + "(...)";
        }
        if (n instanceof Syntax.IdThis) {
            return "ID(THIS)";
        }
        if (n instanceof Syntax.LocalNow now) {
            return now.type() == java.time.LocalDate.class ? "LOCAL DATE"
                    : now.type() == java.time.LocalTime.class ? "LOCAL TIME" : "LOCAL DATETIME";
        }
        return "the expression";
    }

    JdqlException error(Node at, String problem) {
        return new JdqlException(query, at.start() + 1, problem);
    }
}
