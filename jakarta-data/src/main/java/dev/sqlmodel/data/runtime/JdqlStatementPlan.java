package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Engine;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.data.runtime.jdql.JdqlQuery;
import java.util.function.Function;

/** A JDQL UPDATE or DELETE: runs the statement and returns the row count as declared (or nothing). */
final class JdqlStatementPlan implements MethodPlan {

    private final String method;
    private final JdqlQuery query;
    private final Function<Object[], JdqlQuery.Parameters> parameters;
    private final ResultShape shape;

    JdqlStatementPlan(String method, JdqlQuery query, Function<Object[], JdqlQuery.Parameters> parameters,
            ResultShape shape) {
        this.method = method;
        this.query = query;
        this.parameters = parameters;
        this.shape = shape;
    }

    @Override
    public Object invoke(Engine engine, Object[] args) {
        try (StatelessSession s = engine.stateless()) {
            long n = s.execute(query.statement(parameters.apply(args)));
            return shape.count(n);
        } catch (RuntimeException e) {
            throw DataErrors.translate(e, false);
        }
    }

    @Override
    public String toString() {
        return method;
    }
}
