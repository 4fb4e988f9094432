package dev.sqlmodel.impl.session;

import dev.sqlmodel.MultipleResultsException;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.RelationshipRef;
import dev.sqlmodel.Results;
import dev.sqlmodel.impl.sql.Compiled;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Results that run their query when read; each instance is read once. */
final class ResultsImpl<R> implements Results<R> {
    /** The session that runs the query. */
    interface Host {
        /** Runs the query and reads up to {@code max} results (negative: all). */
        List<Object> fetch(Compiled compiled, RowReader reader, int max);

        /** Loads the relationships of {@code select(...).fetch(...)} for the results. */
        void fetchRelations(List<?> results, List<RelationshipRef<?, ?>> refs);

        /** {@link #fetch}, then {@link #fetchRelations} for {@code refs}. */
        default List<Object> fetchWithRelations(Compiled compiled, RowReader reader, int max,
                List<RelationshipRef<?, ?>> refs) {
            List<Object> rows = fetch(compiled, reader, max);
            fetchRelations(rows, refs);
            return rows;
        }

        /** Runs the query through a cursor and returns the lazy stream of its results. */
        Stream<Object> stream(Compiled compiled, RowReader reader, List<RelationshipRef<?, ?>> fetches);
    }

    private final Host session;
    private final Compiled compiled;
    private final RowReader reader;
    private final List<RelationshipRef<?, ?>> fetches;
    private boolean read;

    ResultsImpl(SessionImpl session, Compiled compiled, RowReader reader, List<RelationshipRef<?, ?>> fetches) {
        this(new Host() {
            @Override
            public List<Object> fetch(Compiled c, RowReader r, int max) {
                return session.fetch(c, r, max);
            }

            @Override
            public void fetchRelations(List<?> results, List<RelationshipRef<?, ?>> refs) {
                session.fetchRelations(results, refs);
            }

            @Override
            public Stream<Object> stream(Compiled c, RowReader r, List<RelationshipRef<?, ?>> refs) {
                return session.stream(c, r, refs);
            }
        }, compiled, reader, fetches);
    }

    ResultsImpl(Host session, Compiled compiled, RowReader reader, List<RelationshipRef<?, ?>> fetches) {
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
        return (List<R>) session.fetchWithRelations(compiled, reader, max, fetches);
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

    /**
     * A lazy stream read through a database cursor (see {@link Cursor}); close it, or read it to
     * the end, to release the cursor and any connection taken for it.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Stream<R> stream() {
        once();
        return (Stream<R>) session.stream(compiled, reader, fetches);
    }

    /**
     * Iterates through a database cursor, like {@link #stream()}: the cursor is released when the
     * iteration reaches the end, or else when the session closes.
     */
    @Override
    public Iterator<R> iterator() {
        return stream().iterator();
    }

    @Override
    public String toString() {
        return "Results[" + compiled.sql() + "]";
    }
}
