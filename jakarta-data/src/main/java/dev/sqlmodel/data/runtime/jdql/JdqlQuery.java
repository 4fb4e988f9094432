package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Expr;
import dev.sqlmodel.Order;
import dev.sqlmodel.Statement;
import java.util.Collection;
import java.util.List;

/**
 * A compiled JDQL query (Jakarta Data 1.0): parsed and resolved against its entity once, then
 * translated into the statement builder's expressions on each call with the call's values bound.
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

    private JdqlQuery() {
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
     * Parses and resolves {@code text} once; a FROM, UPDATE or DELETE entity name is looked up
     * among {@code primaryEntity} and {@code entities} (by JPA entity name, else simple class name).
     *
     * @throws JdqlException when the query is not valid JDQL or names an unknown entity or attribute
     */
    public static JdqlQuery parse(String text, Class<?> primaryEntity, Collection<Class<?>> entities) {
        throw new UnsupportedOperationException("JDQL compiler not built yet");
    }

    /** The kind of statement. */
    public Kind kind() {
        throw new UnsupportedOperationException();
    }

    /** The queried entity: the FROM (UPDATE, DELETE) entity, else the primary entity. */
    public Class<?> entity() {
        throw new UnsupportedOperationException();
    }

    /** The SELECT expressions; empty when whole entities are selected. */
    public List<Expr<?>> selection() {
        throw new UnsupportedOperationException();
    }

    /** The named parameters, in order of first appearance. */
    public List<String> namedParameters() {
        throw new UnsupportedOperationException();
    }

    /** The highest positional parameter number, 0 when there is none. */
    public int positionalParameters() {
        throw new UnsupportedOperationException();
    }

    /** The WHERE condition with the call's values bound, or null when there is none. */
    public Expr<Boolean> where(Parameters params) {
        throw new UnsupportedOperationException();
    }

    /** The ORDER BY items. */
    public List<Order> orderBy() {
        throw new UnsupportedOperationException();
    }

    /**
     * The UPDATE or DELETE statement with the call's values bound.
     *
     * @throws IllegalStateException for a SELECT query
     */
    public Statement statement(Parameters params) {
        throw new UnsupportedOperationException();
    }
}
