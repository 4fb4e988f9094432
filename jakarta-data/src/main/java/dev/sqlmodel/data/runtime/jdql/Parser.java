package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.ast.BinaryOp;
import dev.sqlmodel.data.runtime.jdql.Syntax.Node;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser of JDQL (Jakarta Data 1.0, "Syntax"), one method per rule. The
 * precedence, from tightest: unary {@code + -}; {@code * /}; {@code + -}; {@code ||}; the
 * comparisons, BETWEEN, LIKE, IN and IS NULL; NOT; AND; OR. A parenthesis at the start of a
 * condition may open a nested condition or an arithmetic expression: the parser reads it as a
 * condition first and reads it again as an expression when an operator of expressions follows.
 */
final class Parser {
    /** Words that cannot start an attribute name (the keywords of the grammar). */
    private static final Set<String> RESERVED = Set.of("SELECT", "UPDATE", "SET", "DELETE", "FROM", "WHERE", "ORDER",
            "BY", "ASC", "DESC", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "NULL", "LOCAL", "TRUE", "FALSE",
            "THIS");

    /**
     * The functions and their least and greatest number of arguments: those of JDQL, then
     * those of JPQL that every database here computes alike.
     */
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("ABS", new int[] {1, 1}), Map.entry("LENGTH", new int[] {1, 1}),
            Map.entry("LOWER", new int[] {1, 1}), Map.entry("UPPER", new int[] {1, 1}),
            Map.entry("LEFT", new int[] {2, 2}), Map.entry("RIGHT", new int[] {2, 2}),
            Map.entry("CONCAT", new int[] {2, Integer.MAX_VALUE}), Map.entry("SUBSTRING", new int[] {2, 3}),
            Map.entry("TRIM", new int[] {1, 1}), Map.entry("MOD", new int[] {2, 2}),
            Map.entry("CEILING", new int[] {1, 1}), Map.entry("FLOOR", new int[] {1, 1}),
            Map.entry("ROUND", new int[] {2, 2}), Map.entry("COALESCE", new int[] {2, Integer.MAX_VALUE}),
            Map.entry("NULLIF", new int[] {2, 2}));
    private static final String FUNCTIONS = "ABS, LENGTH, LOWER, UPPER, LEFT, RIGHT, ID(THIS), COUNT(THIS);"
            + " from JPQL: CONCAT, SUBSTRING, TRIM, MOD, CEILING, FLOOR, ROUND, COALESCE, NULLIF";

    private final String query;
    private final List<Token> tokens;
    private int pos;
    private final Set<String> named = new LinkedHashSet<>();
    private int positional;
    private Token firstNamed;
    private Token firstPositional;

    private Parser(String query) {
        this.query = query;
        this.tokens = Lexer.tokenize(query);
    }

    /** The result of parsing: the statement and the parameters it uses. */
    record Result(Syntax.Statement statement, List<String> namedParameters, int positionalParameters) {
    }

    /**
     * Parses one statement.
     *
     * @throws JdqlException at the first token that does not fit the grammar
     */
    static Result parse(String query) {
        Parser p = new Parser(query);
        Syntax.Statement s = p.statement();
        return new Result(s, List.copyOf(p.named), p.positional);
    }

    // ---- statements ---------------------------------------------------------------------

    private Syntax.Statement statement() {
        Token t = peek();
        if (t.is("UPDATE")) {
            next();
            Token name = entityName("UPDATE");
            expectKeyword("SET", "SET after the entity name of UPDATE");
            List<Syntax.Assignment> set = new ArrayList<>();
            do {
                set.add(assignment());
            } while (acceptSymbol(","));
            Node where = acceptKeyword("WHERE") ? condition() : null;
            end(where == null ? "',', WHERE or the end of the query" : "AND, OR or the end of the query");
            return new Syntax.Statement(JdqlQuery.Kind.UPDATE, List.of(), name.text(), name.start(), set, where, List.of());
        }
        if (t.is("DELETE")) {
            next();
            expectKeyword("FROM", "FROM after DELETE");
            Token name = entityName("DELETE FROM");
            Node where = acceptKeyword("WHERE") ? condition() : null;
            end(where == null ? "WHERE or the end of the query" : "AND, OR or the end of the query");
            return new Syntax.Statement(JdqlQuery.Kind.DELETE, List.of(), name.text(), name.start(), List.of(), where,
                    List.of());
        }
        List<Syntax.SelectItem> select = List.of();
        if (acceptKeyword("SELECT")) {
            select = selectList();
        }
        Token name = null;
        if (acceptKeyword("FROM")) {
            name = entityName("FROM");
        }
        Node where = null;
        if (acceptKeyword("WHERE")) {
            where = condition();
        }
        List<Syntax.OrderItem> orderBy = List.of();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY", "BY after ORDER");
            orderBy = orderList();
        }
        if (peek().kind() != Token.Kind.END) {
            String expected;
            if (!orderBy.isEmpty()) {
                expected = "',', ASC, DESC or the end of the query";
            } else if (where != null) {
                expected = "AND, OR, ORDER BY or the end of the query";
            } else if (name != null) {
                expected = "WHERE, ORDER BY or the end of the query";
            } else if (!select.isEmpty()) {
                expected = "',', FROM, WHERE, ORDER BY or the end of the query";
            } else {
                expected = "SELECT, FROM, WHERE, ORDER BY, UPDATE or DELETE";
            }
            throw expected(expected);
        }
        return new Syntax.Statement(JdqlQuery.Kind.SELECT, select, name == null ? null : name.text(),
                name == null ? -1 : name.start(), List.of(), where, orderBy);
    }

    private Token entityName(String after) {
        Token t = peek();
        if (t.kind() != Token.Kind.IDENTIFIER || RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
            throw expected("an entity name after " + after);
        }
        next();
        if (peek().isSymbol(".")) {
            throw error(peek(), "an entity name is a single identifier (the entity's name, not its class name)");
        }
        return t;
    }

    private Syntax.Assignment assignment() {
        skipThis();
        Token t = peek();
        if (t.kind() != Token.Kind.IDENTIFIER || RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
            throw expected("an attribute name to SET");
        }
        Syntax.Path target = path();
        if (!acceptSymbol("=")) {
            throw expected("'=' after the attribute " + target.dotted() + " in SET");
        }
        if (peek().is("NULL")) {
            int start = next().start();
            return new Syntax.Assignment(target, null, start);
        }
        int start = peek().start();
        return new Syntax.Assignment(target, scalar(), start);
    }

    private List<Syntax.SelectItem> selectList() {
        List<Syntax.SelectItem> items = new ArrayList<>();
        do {
            Token t = peek();
            if (t.is("COUNT") && peek(1).isSymbol("(")) {
                next();
                next();
                if (!peek().is("THIS")) {
                    throw expected("THIS in COUNT(THIS)");
                }
                next();
                expectSymbol(")", "')' to close COUNT(THIS");
                items.add(new Syntax.SelectItem(null, true, false, t.start()));
            } else if (t.is("THIS") && !peek(1).isSymbol(".")) {
                next();
                items.add(new Syntax.SelectItem(null, false, true, t.start()));
            } else {
                items.add(new Syntax.SelectItem(scalar(), false, false, t.start()));
            }
        } while (acceptSymbol(","));
        if (items.size() > 1) {
            for (Syntax.SelectItem item : items) {
                if (item.countThis() || item.all()) {
                    throw new JdqlException(query, item.start() + 1,
                            (item.countThis() ? "COUNT(THIS)" : "THIS") + " must be the only item of the SELECT list");
                }
            }
        }
        return items;
    }

    private List<Syntax.OrderItem> orderList() {
        List<Syntax.OrderItem> items = new ArrayList<>();
        do {
            Node e = scalar();
            boolean desc = false;
            if (acceptKeyword("DESC")) {
                desc = true;
            } else {
                acceptKeyword("ASC");
            }
            items.add(new Syntax.OrderItem(e, desc));
        } while (acceptSymbol(","));
        return items;
    }

    private void end(String expected) {
        if (peek().kind() != Token.Kind.END) {
            throw expected(expected);
        }
    }

    // ---- conditions ---------------------------------------------------------------------

    private Node condition() {
        int start = peek().start();
        List<Node> operands = new ArrayList<>();
        operands.add(conjunction());
        while (acceptKeyword("OR")) {
            operands.add(conjunction());
        }
        return operands.size() == 1 ? operands.get(0) : new Syntax.Logic(BinaryOp.OR, List.copyOf(operands), start);
    }

    private Node conjunction() {
        int start = peek().start();
        List<Node> operands = new ArrayList<>();
        operands.add(negation());
        while (acceptKeyword("AND")) {
            operands.add(negation());
        }
        return operands.size() == 1 ? operands.get(0) : new Syntax.Logic(BinaryOp.AND, List.copyOf(operands), start);
    }

    private Node negation() {
        Token t = peek();
        if (t.is("NOT")) {
            next();
            return new Syntax.Not(negation(), t.start());
        }
        return predicate();
    }

    private Node predicate() {
        if (!peek().isSymbol("(")) {
            return simplePredicate();
        }
        int mark = pos;
        JdqlException asCondition = null;
        try {
            next();
            Node inner = condition();
            expectSymbol(")", "')'");
            if (!continuesExpression(peek())) {
                return inner;
            }
        } catch (JdqlException e) {
            asCondition = e;
        }
        pos = mark;
        try {
            return simplePredicate();
        } catch (JdqlException asExpression) {
            // Report the reading that got further into the query.
            throw asCondition != null && asCondition.position() > asExpression.position() ? asCondition : asExpression;
        }
    }

    private static boolean continuesExpression(Token t) {
        if (t.kind() == Token.Kind.SYMBOL) {
            return switch (t.text()) {
                case "=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "||" -> true;
                default -> false;
            };
        }
        return t.is("IS") || t.is("NOT") || t.is("BETWEEN") || t.is("LIKE") || t.is("IN");
    }

    private Node simplePredicate() {
        Token first = peek();
        Node left = scalar();
        Token t = peek();
        BinaryOp op = comparison(t);
        if (op != null) {
            next();
            return new Syntax.Compare(op, left, scalar(), first.start());
        }
        if (t.is("IS")) {
            next();
            boolean negated = acceptKeyword("NOT");
            expectKeyword("NULL", negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
            return new Syntax.NullTest(left, negated, first.start());
        }
        boolean negated = false;
        if (t.is("NOT")) {
            if (!(peek(1).is("BETWEEN") || peek(1).is("LIKE") || peek(1).is("IN"))) {
                throw error(peek(1), "expected BETWEEN, LIKE or IN after NOT, found " + peek(1).describe());
            }
            next();
            negated = true;
            t = peek();
        }
        if (t.is("BETWEEN")) {
            next();
            Node low = scalar();
            expectKeyword("AND", "AND between the bounds of BETWEEN");
            Node high = scalar();
            return new Syntax.Between(left, low, high, negated, first.start());
        }
        if (t.is("LIKE")) {
            next();
            Token p = peek();
            Node pattern;
            if (p.kind() == Token.Kind.STRING) {
                next();
                pattern = new Syntax.StringLiteral(p.text(), p.start());
            } else if (p.kind() == Token.Kind.NAMED_PARAMETER || p.kind() == Token.Kind.POSITIONAL_PARAMETER) {
                pattern = primary();
            } else {
                throw expected("a string or a parameter as the pattern of LIKE");
            }
            Character escape = null;
            if (acceptKeyword("ESCAPE")) {
                Token e = peek();
                if (e.kind() != Token.Kind.STRING || e.text().length() != 1) {
                    throw expected("a string of one character after ESCAPE");
                }
                next();
                escape = e.text().charAt(0);
            }
            return new Syntax.Like(left, pattern, escape, negated, first.start());
        }
        if (t.is("IN")) {
            next();
            expectSymbol("(", "'(' after IN");
            List<Node> items = new ArrayList<>();
            do {
                items.add(scalar());
            } while (acceptSymbol(","));
            expectSymbol(")", "',' or ')' in the list of IN");
            return new Syntax.In(left, List.copyOf(items), negated, first.start());
        }
        boolean mayBeBoolean = left instanceof Syntax.Path || left instanceof Syntax.NamedParameter
                || left instanceof Syntax.PositionalParameter || left instanceof Syntax.BooleanLiteral;
        if (mayBeBoolean && (t.kind() == Token.Kind.END || t.is("AND") || t.is("OR") || t.is("ORDER")
                || t.isSymbol(")"))) {
            return new Syntax.Truth(left, first.start());
        }
        throw expected("a comparison operator (= <> < <= > >=), IS, BETWEEN, LIKE or IN");
    }

    private static BinaryOp comparison(Token t) {
        if (t.kind() != Token.Kind.SYMBOL) {
            return null;
        }
        return switch (t.text()) {
            case "=" -> BinaryOp.EQ;
            case "<>" -> BinaryOp.NE;
            case "<" -> BinaryOp.LT;
            case "<=" -> BinaryOp.LE;
            case ">" -> BinaryOp.GT;
            case ">=" -> BinaryOp.GE;
            default -> null;
        };
    }

    // ---- scalar expressions -------------------------------------------------------------

    private Node scalar() {
        Node left = additive();
        while (peek().isSymbol("||")) {
            Token op = next();
            left = new Syntax.Concat(left, additive(), op.start());
        }
        return left;
    }

    private Node additive() {
        Node left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token op = next();
            BinaryOp kind = op.text().equals("+") ? BinaryOp.ADD : BinaryOp.SUB;
            left = new Syntax.Arithmetic(kind, left, multiplicative(), op.start());
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/")) {
            Token op = next();
            BinaryOp kind = op.text().equals("*") ? BinaryOp.MUL : BinaryOp.DIV;
            left = new Syntax.Arithmetic(kind, left, unary(), op.start());
        }
        return left;
    }

    private Node unary() {
        Token t = peek();
        if (t.isSymbol("-")) {
            next();
            Node operand = unary();
            if (operand instanceof Syntax.NumberLiteral n && !n.negative()) {
                return new Syntax.NumberLiteral(n.text(), n.decimal(), true, t.start());
            }
            return new Syntax.Negate(operand, t.start());
        }
        if (t.isSymbol("+")) {
            next();
            return unary();
        }
        return primary();
    }

    private Node primary() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                next();
                return new Syntax.StringLiteral(t.text(), t.start());
            }
            case INTEGER, DECIMAL -> {
                next();
                return new Syntax.NumberLiteral(t.text(), t.kind() == Token.Kind.DECIMAL, false, t.start());
            }
            case NAMED_PARAMETER -> {
                next();
                if (firstPositional != null) {
                    throw mixed(t, firstPositional);
                }
                if (firstNamed == null) {
                    firstNamed = t;
                }
                named.add(t.text());
                return new Syntax.NamedParameter(t.text(), t.start());
            }
            case POSITIONAL_PARAMETER -> {
                next();
                if (firstNamed != null) {
                    throw mixed(t, firstNamed);
                }
                if (firstPositional == null) {
                    firstPositional = t;
                }
                int n = Integer.parseInt(t.text());
                positional = Math.max(positional, n);
                return new Syntax.PositionalParameter(n, t.start());
            }
            case SYMBOL -> {
                if (t.isSymbol("(")) {
                    next();
                    Node inner = scalar();
                    expectSymbol(")", "')'");
                    return inner;
                }
                throw expected("an expression");
            }
            case IDENTIFIER -> {
                return identifier(t);
            }
            default -> throw expected("an expression");
        }
    }

    private Node identifier(Token t) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (peek(1).isSymbol("(") && !RESERVED.contains(upper)) {
            return call(t, upper);
        }
        switch (upper) {
            case "TRUE", "FALSE" -> {
                next();
                return new Syntax.BooleanLiteral(upper.equals("TRUE"), t.start());
            }
            case "LOCAL" -> {
                next();
                Token kind = peek();
                Class<?> type;
                if (kind.is("DATE")) {
                    type = LocalDate.class;
                } else if (kind.is("DATETIME")) {
                    type = LocalDateTime.class;
                } else if (kind.is("TIME")) {
                    type = LocalTime.class;
                } else {
                    throw expected("DATE, DATETIME or TIME after LOCAL");
                }
                next();
                return new Syntax.LocalNow(type, t.start());
            }
            case "NULL" -> throw error(t, "NULL is allowed only in IS [NOT] NULL and as a value of SET");
            case "THIS" -> {
                if (skipThis()) {
                    return path();
                }
                throw error(t, "THIS is allowed only as SELECT THIS, COUNT(THIS), ID(THIS) and before '.' in this.attribute");
            }
            default -> {
                if (RESERVED.contains(upper)) {
                    throw expected("an expression");
                }
                return path();
            }
        }
    }

    private Node call(Token name, String upper) {
        next(); // the name
        next(); // '('
        switch (upper) {
            case "ID" -> {
                if (!peek().is("THIS")) {
                    throw expected("THIS in ID(THIS)");
                }
                next();
                expectSymbol(")", "')' to close ID(THIS");
                return new Syntax.IdThis(name.start());
            }
            case "COUNT" -> throw error(name, "COUNT(THIS) is allowed only as the SELECT list");
            default -> {
                int[] arity = ARITY.get(upper);
                if (arity == null) {
                    throw error(name, "unknown function '" + name.text() + "' (functions: " + FUNCTIONS + ")");
                }
                List<Node> args = new ArrayList<>();
                if (!peek().isSymbol(")")) {
                    do {
                        args.add(scalar());
                    } while (acceptSymbol(","));
                }
                expectSymbol(")", args.isEmpty() ? "an argument of " + upper : "',' or ')' in the arguments of " + upper);
                if (args.size() < arity[0] || args.size() > arity[1]) {
                    throw error(name, upper + " takes " + arguments(arity) + ", found " + args.size());
                }
                return new Syntax.Call(upper, List.copyOf(args), name.start());
            }
        }
    }

    private static String arguments(int[] arity) {
        String[] words = {"no", "one", "two", "three"};
        if (arity[1] == Integer.MAX_VALUE) {
            return "at least " + words[arity[0]] + " arguments";
        }
        String low = words[arity[0]];
        String high = words[arity[1]] + (arity[1] == 1 ? " argument" : " arguments");
        return arity[0] == arity[1] ? high : low + " or " + high;
    }

    /** Skips {@code this.} before an attribute name (the queried entity named explicitly). */
    private boolean skipThis() {
        if (peek().is("THIS") && peek(1).isSymbol(".")) {
            Token name = peek(2);
            if (name.kind() != Token.Kind.IDENTIFIER) {
                pos += 2;
                throw expected("an attribute name after 'this.'");
            }
            pos += 2;
            return true;
        }
        return false;
    }

    private Syntax.Path path() {
        Token first = next();
        List<String> names = new ArrayList<>();
        names.add(first.text());
        while (peek().isSymbol(".")) {
            next();
            Token part = peek();
            if (part.kind() != Token.Kind.IDENTIFIER) {
                throw expected("a name after '.'");
            }
            next();
            names.add(part.text());
        }
        return new Syntax.Path(List.copyOf(names), first.start());
    }

    // ---- tokens -------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.END) {
            pos++;
        }
        return t;
    }

    private boolean acceptKeyword(String word) {
        if (peek().is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String word, String expected) {
        if (!acceptKeyword(word)) {
            throw expected(expected);
        }
    }

    private void expectSymbol(String symbol, String expected) {
        if (!acceptSymbol(symbol)) {
            throw expected(expected);
        }
    }

    private JdqlException expected(String what) {
        return error(peek(), "expected " + what + ", found " + peek().describe());
    }

    private JdqlException error(Token at, String problem) {
        return new JdqlException(query, at.start() + 1, problem);
    }

    private JdqlException mixed(Token at, Token other) {
        String first = (other.kind() == Token.Kind.NAMED_PARAMETER ? ":" : "?") + other.text();
        return error(at, "named and positional parameters cannot be mixed (parameter " + first + " at position "
                + (other.start() + 1) + ")");
    }
}
