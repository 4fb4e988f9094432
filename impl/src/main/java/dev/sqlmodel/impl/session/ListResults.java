package dev.sqlmodel.impl.session;

import dev.sqlmodel.MultipleResultsException;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.Results;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Results already read into memory (emulated RETURNING). */
final class ListResults<R> implements Results<R> {
    private final List<R> rows;

    ListResults(List<R> rows) {
        this.rows = rows;
    }

    @Override
    public List<R> all() {
        return rows;
    }

    @Override
    public Optional<R> first() {
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    @Override
    public R one() {
        if (rows.isEmpty()) {
            throw new NoResultException("statement returned no row, one was expected");
        }
        if (rows.size() > 1) {
            throw new MultipleResultsException("statement returned " + rows.size() + " rows, one was expected");
        }
        return rows.get(0);
    }

    @Override
    public Optional<R> oneOrNone() {
        if (rows.size() > 1) {
            throw new MultipleResultsException("statement returned " + rows.size() + " rows, at most one was expected");
        }
        return first();
    }

    @Override
    public Stream<R> stream() {
        return rows.stream();
    }

    @Override
    public Iterator<R> iterator() {
        return rows.iterator();
    }
}
