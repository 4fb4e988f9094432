package dev.sqlmodel.data.runtime;

import dev.sqlmodel.impl.meta.FieldMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A repository method name read as a query (Jakarta Data "Query by Method Name"):
 * {@code find|count|exists|delete}, for {@code find} an optional {@code First} or {@code FirstN}, text that is
 * ignored, then {@code By} and conditions joined by {@code And}/{@code Or} ({@code And} binds tighter), and for
 * {@code find} an {@code OrderBy} clause. A condition is an attribute, then optionally {@code IgnoreCase},
 * {@code Not} and one operator. Attribute names are matched against the entity's attributes, longest first, so
 * that an attribute containing a keyword ({@code orderDate}, {@code isNotified}) is read whole.
 */
final class MethodName {

    enum Action { FIND, COUNT, EXISTS, DELETE }

    /** A condition before its arguments are assigned. */
    record Term(FieldMeta field, Condition.Op op, boolean not, boolean ignoreCase, boolean orBefore) {
    }

    /** An OrderBy item. */
    record OrderTerm(FieldMeta field, boolean descending, boolean ignoreCase) {
    }

    record Parsed(Action action, int first, List<Term> terms, List<OrderTerm> orderBy) {
    }

    private static final String[][] OPERATORS = {
        {"GreaterThanEqual", "GREATER_THAN_EQUAL"}, {"LessThanEqual", "LESS_THAN_EQUAL"},
        {"GreaterThan", "GREATER_THAN"}, {"LessThan", "LESS_THAN"}, {"StartsWith", "STARTS_WITH"},
        {"EndsWith", "ENDS_WITH"}, {"Contains", "CONTAINS"}, {"Between", "BETWEEN"}, {"Like", "LIKE"},
        {"Null", "NULL"}, {"True", "TRUE"}, {"False", "FALSE"}, {"In", "IN"},
    };

    private final String name;
    private final EntityModel entity;
    private final List<FieldMeta> attributes;
    private int pos;

    private MethodName(String name, EntityModel entity) {
        this.name = name;
        this.entity = entity;
        this.attributes = new ArrayList<>(entity.meta().columns());
        this.attributes.sort(Comparator.comparingInt((FieldMeta f) -> f.name().length()).reversed());
    }

    /** The prefix action of {@code name}, or null when the name does not start with one. */
    static Action action(String name) {
        for (Action a : Action.values()) {
            String prefix = a.name().toLowerCase(java.util.Locale.ROOT);
            if (name.startsWith(prefix) && (name.length() == prefix.length()
                    || !Character.isLowerCase(name.charAt(prefix.length())))) {
                return a;
            }
        }
        return null;
    }

    /**
     * Parses {@code name} against {@code entity}.
     *
     * @throws IllegalArgumentException with the reason when the name is not a valid query
     */
    static Parsed parse(String name, EntityModel entity) {
        return new MethodName(name, entity).parse();
    }

    private Parsed parse() {
        Action action = action(name);
        if (action == null) {
            throw new IllegalArgumentException("the name does not start with find, count, exists or delete");
        }
        pos = action.name().length();
        int first = 0;
        if (action == Action.FIND && name.startsWith("First", pos)) {
            pos += 5;
            int start = pos;
            while (pos < name.length() && Character.isDigit(name.charAt(pos))) {
                pos++;
            }
            first = start == pos ? 1 : Integer.parseInt(name.substring(start, pos));
            if (first < 1) {
                throw new IllegalArgumentException("First" + first + " asks for no results");
            }
        }
        // Text up to By (or OrderBy) is ignored: findAll, countAll, findAllByName.
        int by = name.indexOf("By", pos);
        List<Term> terms = new ArrayList<>();
        List<OrderTerm> orders = new ArrayList<>();
        if (by < 0) {
            return new Parsed(action, first, terms, orders);
        }
        boolean orderOnly = by >= 5 && name.startsWith("OrderBy", by - 5) && by - 5 >= pos;
        if (orderOnly) {
            pos = by - 5;
        } else {
            pos = by + 2;
            if (!name.startsWith("OrderBy", pos)) {
                parseTerms(terms);
            }
        }
        if (pos < name.length()) {
            if (!name.startsWith("OrderBy", pos)) {
                throw new IllegalArgumentException("unexpected \"" + name.substring(pos) + "\"");
            }
            if (action != Action.FIND) {
                throw new IllegalArgumentException("OrderBy applies to find methods only");
            }
            pos += 7;
            parseOrder(orders);
        }
        return new Parsed(action, first, terms, orders);
    }

    private void parseTerms(List<Term> terms) {
        boolean or = false;
        while (true) {
            FieldMeta field = attribute();
            boolean ignoreCase = skip("IgnoreCase");
            boolean not = skip("Not");
            Condition.Op op = Condition.Op.EQUAL;
            for (String[] o : OPERATORS) {
                if (name.startsWith(o[0], pos) && endsTerm(pos + o[0].length())) {
                    op = Condition.Op.valueOf(o[1]);
                    pos += o[0].length();
                    break;
                }
            }
            if (name.startsWith("Empty", pos) && endsTerm(pos + 5)) {
                throw new IllegalArgumentException("Empty on " + field.name() + ": Empty applies to collection"
                        + " attributes, and entities here have none");
            }
            if (!ignoreCase && skip("IgnoreCase")) {
                ignoreCase = true;
            }
            terms.add(new Term(field, op, not, ignoreCase, or));
            if (pos == name.length() || name.startsWith("OrderBy", pos)) {
                return;
            }
            if (name.startsWith("And", pos)) {
                pos += 3;
                or = false;
            } else if (name.startsWith("Or", pos)) {
                pos += 2;
                or = true;
            } else {
                throw new IllegalArgumentException("unexpected \"" + name.substring(pos) + "\" after attribute "
                        + field.name() + " (expected an operator, And, Or or OrderBy)");
            }
        }
    }

    /** Whether a term can end at {@code at}: at the end, or before And, Or, OrderBy or IgnoreCase. */
    private boolean endsTerm(int at) {
        return at == name.length() || name.startsWith("And", at) || name.startsWith("Or", at)
                || name.startsWith("IgnoreCase", at);
    }

    private void parseOrder(List<OrderTerm> orders) {
        while (pos < name.length()) {
            FieldMeta field = attribute();
            boolean ignoreCase = skip("IgnoreCase");
            boolean descending = false;
            if (skip("Desc")) {
                descending = true;
            } else {
                skip("Asc");
            }
            orders.add(new OrderTerm(field, descending, ignoreCase));
        }
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("OrderBy names no attribute");
        }
    }

    private boolean skip(String keyword) {
        if (name.startsWith(keyword, pos)) {
            pos += keyword.length();
            return true;
        }
        return false;
    }

    private FieldMeta attribute() {
        for (FieldMeta f : attributes) {
            String a = f.name();
            if (name.regionMatches(true, pos, a, 0, a.length())) {
                pos += a.length();
                return f;
            }
        }
        // "Id" names the key attribute whatever its field is called.
        if (name.startsWith("Id", pos) && entity.id() != null && entity.attribute("id") == entity.id()) {
            pos += 2;
            return entity.id();
        }
        String rest = name.substring(pos);
        throw new IllegalArgumentException("no attribute of " + entity.type().getSimpleName() + " at \"" + rest
                + "\" (attributes: " + String.join(", ", entity.attributeNames()) + ")");
    }
}
