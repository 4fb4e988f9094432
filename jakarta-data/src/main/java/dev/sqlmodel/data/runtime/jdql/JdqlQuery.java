package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Column;
import dev.sqlmodel.Delete;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Order;
import dev.sqlmodel.Sql;
import dev.sqlmodel.Statement;
import dev.sqlmodel.Update;
import dev.sqlmodel.impl.meta.FieldMeta;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled JDQL query (Jakarta Data 1.0): parsed and resolved against its entity once, then
 * translated into the statement builder's expressions on each call with the call's values bound.
 *
 * <p>Parsing checks the whole query: the grammar, the entity, every attribute name, enum
 * literal and function, and the types of operands (a string compared with a number fails
 * here, with the position). Literals become bound values typed by the column they meet, like
 * parameters; a part of the query without parameters is built once and shared by every call.
 * The translation never writes SQL text: the dialect's compiler renders the expressions.
 */
public final class JdqlQuery {

    /** The kind of statement. */
    public enum Kind {
        /** A SELECT statement (also a query of only WHERE/ORDER BY clauses, or of none). */
        SELECT,
        /** An UPDATE statement. */
        UPDATE,
        /** A DELETE statement. */
        DELETE
    }

    /** The values of the call, looked up by the query's parameters. */
    public interface Parameters {
        /** The value of {@code :name}. */
        Object named(String name);

        /** The value of {@code ?position} (1-based). */
        Object positional(int position);
    }

    private static final Parameters NONE = new Parameters() {
        @Override
        public Object named(String name) {
            throw new IllegalArgumentException("no value given for the parameter :" + name);
        }

        @Override
        public Object positional(int position) {
            throw new IllegalArgumentException("no value given for the parameter ?" + position);
        }
    };

    private final String text;
    private final Kind kind;
    private final Class<?> entity;
    private final List<Expr<?>> selection;
    private final List<String> namedParameters;
    private final int positionalParameters;
    private final Term where;
    private final List<Order> orderBy;
    private final List<Column<?, ?>> setColumns;
    private final List<Term> setValues;

    private JdqlQuery(String text, Kind kind, Class<?> entity, List<Expr<?>> selection, List<String> namedParameters,
            int positionalParameters, Term where, List<Order> orderBy, List<Column<?, ?>> setColumns,
            List<Term> setValues) {
        this.text = text;
        this.kind = kind;
        this.entity = entity;
        this.selection = List.copyOf(selection);
        this.namedParameters = List.copyOf(namedParameters);
        this.positionalParameters = positionalParameters;
        this.where = where;
        this.orderBy = List.copyOf(orderBy);
        this.setColumns = List.copyOf(setColumns);
        this.setValues = List.copyOf(setValues);
    }

    /**
     * Parses and resolves {@code text} once. {@code primaryEntity} is the entity queried when the
     * query has no FROM clause (may be null when it has one).
     *
     * @throws JdqlException when the query is not valid JDQL or names an unknown entity or attribute
     */
    public static JdqlQuery parse(String text, Class<?> primaryEntity) {
        return parse(text, primaryEntity, List.of());
    }

    /**
     * Parses and resolves {@code text} once. A FROM, UPDATE or DELETE entity name is looked up
     * among {@code primaryEntity} and {@code entities} by entity name (a Jakarta Persistence
     * {@code @Entity(name)}, else the simple class name), then as a class of that name in their
     * packages. Without FROM, {@code primaryEntity} is queried.
     *
     * @throws JdqlException when the query is not valid JDQL or names an unknown entity or attribute
     */
    public static JdqlQuery parse(String text, Class<?> primaryEntity, Collection<Class<?>> entities) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(entities, "entities");
        Parser.Result parsed = Parser.parse(text);
        Syntax.Statement s = parsed.statement();
        Class<?> entity;
        if (s.entityName() != null) {
            entity = entityNamed(text, s, primaryEntity, entities);
        } else if (primaryEntity != null) {
            entity = primaryEntity;
        } else {
            throw new JdqlException(text, 0, "the query has no FROM clause and there is no primary entity to query"
                    + " (write FROM and the entity name)");
        }
        Resolver resolver = new Resolver(text, entity);

        List<Expr<?>> selection = new ArrayList<>();
        for (Syntax.SelectItem item : s.select()) {
            if (item.countThis()) {
                selection.add(Expr.count());
            } else if (!item.all()) {
                selection.add(fixed(resolver, item.expr(), "the SELECT list"));
            }
        }
        List<Order> orderBy = new ArrayList<>();
        for (Syntax.OrderItem item : s.orderBy()) {
            orderBy.add(new Order(fixed(resolver, item.expr(), "ORDER BY"), item.descending(), Order.Nulls.DEFAULT));
        }
        List<Column<?, ?>> setColumns = new ArrayList<>();
        List<Term> setValues = new ArrayList<>();
        for (Syntax.Assignment a : s.set()) {
            FieldMeta field = resolver.settable(a.target());
            Term column = resolver.column(field);
            Term value;
            if (a.value() == null) {
                if (!field.nullable()) {
                    throw new JdqlException(text, a.start() + 1, "the attribute " + field.name() + " of "
                            + entity.getSimpleName() + " cannot be set to NULL (its column is NOT NULL)");
                }
                value = Term.constant(new dev.sqlmodel.ast.Param<>(null, field.boxedType()), field.boxedType());
            } else {
                value = resolver.scalar(a.value(), field.boxedType());
                assignable(text, a, field, value);
            }
            setColumns.add((Column<?, ?>) column.bind(null));
            setValues.add(value);
        }
        Term where = s.where() == null ? null : resolver.condition(s.where());
        return new JdqlQuery(text, s.kind(), entity, selection, parsed.namedParameters(),
                parsed.positionalParameters(), where, orderBy, setColumns, setValues);
    }

    private static Expr<?> fixed(Resolver resolver, Syntax.Node node, String clause) {
        Term t = resolver.scalar(node, null);
        if (!t.isConstant()) {
            throw resolver.error(node, "parameters and LOCAL DATE/TIME are not allowed in " + clause);
        }
        return t.bind(null);
    }

    private static void assignable(String text, Syntax.Assignment a, FieldMeta field, Term value) {
        Class<?> to = field.boxedType();
        Class<?> from = value.type();
        if (from == null || from == to || Values.numeric(to) && Values.numeric(from)
                || Values.textual(to) && Values.textual(from) || to.isEnum() && from == String.class) {
            return;
        }
        throw new JdqlException(text, a.start() + 1, "cannot assign a value of type " + from.getSimpleName()
                + " to the attribute " + field.name() + " (" + to.getSimpleName() + ")");
    }

    private static Class<?> entityNamed(String text, Syntax.Statement s, Class<?> primaryEntity,
            Collection<Class<?>> entities) {
        Set<Class<?>> candidates = new LinkedHashSet<>();
        if (primaryEntity != null) {
            candidates.add(primaryEntity);
        }
        candidates.addAll(entities);
        String name = s.entityName();
        for (Class<?> c : candidates) {
            if (entityName(c).equals(name)) {
                return c;
            }
        }
        Set<String> packages = new LinkedHashSet<>();
        for (Class<?> c : candidates) {
            packages.add(c.getPackageName());
        }
        for (String pkg : packages) {
            Class<?> c = load(pkg.isEmpty() ? name : pkg + "." + name, candidates);
            if (c != null && entityName(c).equals(name)) {
                return c;
            }
        }
        List<String> known = new ArrayList<>();
        for (Class<?> c : candidates) {
            known.add(entityName(c));
        }
        throw new JdqlException(text, s.entityStart() + 1, "unknown entity '" + name + "'"
                + (known.isEmpty() ? "" : " (entities of this repository: " + String.join(", ", known) + ")"));
    }

    private static Class<?> load(String name, Set<Class<?>> near) {
        for (Class<?> c : near) {
            try {
                return Class.forName(name, false, c.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }

    /** The entity name of {@code type}: {@code @jakarta.persistence.Entity(name)} when given, else the simple name. */
    static String entityName(Class<?> type) {
        for (Annotation a : type.getAnnotations()) {
            if (a.annotationType().getName().equals("jakarta.persistence.Entity")) {
                try {
                    Method m = a.annotationType().getMethod("name");
                    Object name = m.invoke(a);
                    if (name instanceof String n && !n.isEmpty()) {
                        return n;
                    }
                } catch (ReflectiveOperationException e) {
                    // an annotation without name(): use the class name
                }
            }
        }
        return type.getSimpleName();
    }

    /** The query text. */
    public String text() {
        return text;
    }

    /** The kind of statement. */
    public Kind kind() {
        return kind;
    }

    /** The queried entity: the FROM (UPDATE, DELETE) entity, else the primary entity. */
    public Class<?> entity() {
        return entity;
    }

    /**
     * The SELECT expressions: attributes, {@code ID(THIS)} as the key column, {@code COUNT(THIS)}
     * as {@code COUNT(*)} (a Long). Empty when whole entities are selected (no SELECT clause, or
     * {@code SELECT THIS}).
     */
    public List<Expr<?>> selection() {
        return selection;
    }

    /** The named parameters, in order of first appearance. */
    public List<String> namedParameters() {
        return namedParameters;
    }

    /** The highest positional parameter number, 0 when there is none. */
    public int positionalParameters() {
        return positionalParameters;
    }

    /**
     * The WHERE condition with the call's values bound, or null when there is none.
     * {@code params} may be null for a query without parameters.
     *
     * @throws IllegalArgumentException when a LIKE pattern parameter is not a String
     */
    @SuppressWarnings("unchecked")
    public Expr<Boolean> where(Parameters params) {
        return where == null ? null : (Expr<Boolean>) where.bind(params == null ? NONE : params);
    }

    /** The ORDER BY items (attributes or {@code ID(THIS)}, ascending unless DESC). */
    public List<Order> orderBy() {
        return orderBy;
    }

    /**
     * The UPDATE or DELETE statement with the call's values bound; run it with
     * {@code execute}, which returns the number of rows changed. {@code params} may be null for
     * a query without parameters.
     *
     * @throws IllegalStateException for a SELECT query
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Statement statement(Parameters params) {
        Parameters p = params == null ? NONE : params;
        Expr<Boolean> condition = where(p);
        switch (kind) {
            case DELETE -> {
                Delete<?> d = Sql.delete(entity);
                return condition == null ? d : d.where(condition);
            }
            case UPDATE -> {
                Update u = Sql.update(entity);
                for (int i = 0; i < setColumns.size(); i++) {
                    u = u.set((Column) setColumns.get(i), (Expr) setValues.get(i).bind(p));
                }
                return condition == null ? u : u.where(condition);
            }
            default -> throw new IllegalStateException("JDQL query \"" + text + "\" is a SELECT, not an UPDATE or DELETE");
        }
    }

    @Override
    public String toString() {
        return "JdqlQuery[" + kind + " " + entity.getSimpleName() + ": " + text + "]";
    }
}
