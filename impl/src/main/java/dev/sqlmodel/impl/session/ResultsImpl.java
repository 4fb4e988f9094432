package dev.sqlmodel.impl.session;

import dev.sqlmodel.MultipleResultsException;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.RelationshipRef;
import dev.sqlmodel.Results;
import dev.sqlmodel.impl.sql.Compiled;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Results that run their query when read; each instance is read once. */
final class ResultsImpl<R> implements Results<R> {
    private final SessionImpl session;
    private final Compiled compiled;
    private final RowReader reader;
    private final List<RelationshipRef<?, ?>> fetches;
    private boolean read;

    ResultsImpl(SessionImpl session, Compiled compiled, RowReader reader, List<RelationshipRef<?, ?>> fetches) {
        this.session = session;
        this.compiled = compiled;
        this.reader = reader;
        this.fetches = fetches;
    }

    private void once() {
        if (read) {
            throw new IllegalStateException("these results were read already: run the query again with exec()");
        }
        read = true;
    }

    @SuppressWarnings("unchecked")
    private List<R> fetch(int max) {
        once();
        List<R> rows = (List<R>) session.fetch(compiled, reader, max);
        session.fetchRelations(rows, fetches);
        return rows;
    }

    @Override
    public List<R> all() {
        return fetch(-1);
    }

    @Override
    public Optional<R> first() {
        List<R> rows = fetch(1);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    @Override
    public R one() {
        List<R> rows = fetch(2);
        if (rows.isEmpty()) {
            throw new NoResultException("query returned no row, one was expected [SQL: " + compiled.sql() + "]");
        }
        if (rows.size() > 1) {
            throw new MultipleResultsException("query returned more than one row, one was expected [SQL: "
                    + compiled.sql() + "]");
        }
        return rows.get(0);
    }

    @Override
    public Optional<R> oneOrNone() {
        List<R> rows = fetch(2);
        if (rows.size() > 1) {
            throw new MultipleResultsException("query returned more than one row, at most one was expected [SQL: "
                    + compiled.sql() + "]");
        }
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    @Override
    public Stream<R> stream() {
        once();
        long start = session.clock();
        PreparedStatement ps = session.open(compiled);
        ResultSet rs;
        try {
            rs = ps.executeQuery();
        } catch (SQLException e) {
            close(ps);
            session.streamClosed();
            throw session.translate(e, compiled.sql());
        }
        session.logged(compiled.sql(), compiled.params(), start);
        Spliterator<R> split = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            @SuppressWarnings("unchecked")
            public boolean tryAdvance(Consumer<? super R> action) {
                try {
                    if (!rs.next()) {
                        return false;
                    }
                    action.accept((R) reader.read(rs));
                    return true;
                } catch (SQLException e) {
                    throw session.translate(e, compiled.sql());
                }
            }
        };
        return StreamSupport.stream(split, false).onClose(() -> {
            close(ps);
            session.streamClosed();
        });
    }

    private static void close(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // closing a cursor that failed already
        }
    }

    @Override
    public Iterator<R> iterator() {
        return all().iterator();
    }

    @Override
    public String toString() {
        return "Results[" + compiled.sql() + "]";
    }
}
