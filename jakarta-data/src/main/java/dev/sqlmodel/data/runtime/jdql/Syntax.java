package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.ast.BinaryOp;
import java.util.List;

/**
 * The syntax tree the parser builds: what the query says, before its names are resolved
 * against an entity. Every node keeps the 0-based offset where it starts, for error messages.
 */
final class Syntax {
    private Syntax() {
    }

    /** A node of the tree. */
    sealed interface Node permits Path, StringLiteral, NumberLiteral, BooleanLiteral, LocalNow, NamedParameter,
            PositionalParameter, IdThis, Call, Negate, Arithmetic, Concat, Compare, Between, Like, In, NullTest,
            Not, Logic, Truth {
        /** The offset of the node's first character. */
        int start();
    }

    /** {@code a} or {@code a.b.c}: an attribute, or an enum constant by its class name. */
    record Path(List<String> names, int start) implements Node {
        String dotted() {
            return String.join(".", names);
        }
    }

    /** {@code 'text'}. */
    record StringLiteral(String value, int start) implements Node {
    }

    /** An integer or decimal literal, as written ({@code 12}, {@code 12L}, {@code 1.5f}, {@code 1e3}). */
    record NumberLiteral(String text, boolean decimal, boolean negative, int start) implements Node {
    }

    /** {@code TRUE} or {@code FALSE}. */
    record BooleanLiteral(boolean value, int start) implements Node {
    }

    /** {@code LOCAL DATE}, {@code LOCAL DATETIME} or {@code LOCAL TIME}: type is the java.time class. */
    record LocalNow(Class<?> type, int start) implements Node {
    }

    /** {@code :name}. */
    record NamedParameter(String name, int start) implements Node {
    }

    /** {@code ?n}. */
    record PositionalParameter(int number, int start) implements Node {
    }

    /** {@code ID(THIS)}: the entity's identifier. */
    record IdThis(int start) implements Node {
    }

    /** A function call; {@code name} in upper case. */
    record Call(String name, List<Node> args, int start) implements Node {
    }

    /** Unary minus. */
    record Negate(Node operand, int start) implements Node {
    }

    /** {@code + - * /}. */
    record Arithmetic(BinaryOp op, Node left, Node right, int start) implements Node {
    }

    /** {@code left || right}. */
    record Concat(Node left, Node right, int start) implements Node {
    }

    /** {@code = <> < <= > >=}. */
    record Compare(BinaryOp op, Node left, Node right, int start) implements Node {
    }

    /** {@code operand [NOT] BETWEEN low AND high}. */
    record Between(Node operand, Node low, Node high, boolean negated, int start) implements Node {
    }

    /** {@code operand [NOT] LIKE pattern [ESCAPE 'c']}; the pattern is a string or a parameter. */
    record Like(Node operand, Node pattern, Character escape, boolean negated, int start) implements Node {
    }

    /** {@code operand [NOT] IN (items)}. */
    record In(Node operand, List<Node> items, boolean negated, int start) implements Node {
    }

    /** {@code operand IS [NOT] NULL}. */
    record NullTest(Node operand, boolean negated, int start) implements Node {
    }

    /** {@code NOT condition}. */
    record Not(Node operand, int start) implements Node {
    }

    /** Conditions joined by AND or OR. */
    record Logic(BinaryOp op, List<Node> operands, int start) implements Node {
    }

    /** A boolean scalar used as a condition on its own ({@code WHERE isOdd}). */
    record Truth(Node operand, int start) implements Node {
    }

    /** One item of the SELECT list: {@code COUNT(THIS)}, {@code THIS}, or an expression. */
    record SelectItem(Node expr, boolean countThis, boolean all, int start) {
    }

    /** One item of ORDER BY. */
    record OrderItem(Node expr, boolean descending) {
    }

    /** {@code attribute = value} of SET; a null value is the keyword NULL. */
    record Assignment(Path target, Node value, int start) {
    }

    /** A parsed statement. {@code entityName} is null when the query has no FROM (SELECT only). */
    record Statement(JdqlQuery.Kind kind, List<SelectItem> select, String entityName, int entityStart,
            List<Assignment> set, Node where, List<OrderItem> orderBy) {
    }
}
