package dev.sqlmodel;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The results of {@link Session#exec}; read them once, with one of the methods below.
 *
 * @param <R> the result type
 */
public interface Results<R> extends Iterable<R> {

    /** Every result. */
    List<R> all();

    /** The first result, if any (the rest are not read). */
    Optional<R> first();

    /**
     * Exactly one result.
     *
     * @throws NoResultException when there is none
     * @throws MultipleResultsException when there are more
     */
    R one();

    /**
     * At most one result.
     *
     * @throws MultipleResultsException when there are more
     */
    Optional<R> oneOrNone();

    /**
     * A lazy stream read through a database cursor, in bounded memory. The cursor (and the
     * connection taken for it outside a transaction) is released when the stream is closed, read
     * to its end, or when its consumer throws; a stream left open is closed with its session.
     * A tracked {@link Session}'s stream evicts the rows it has passed unless they were changed.
     *
     * @throws SqlModelException when the query fails
     */
    Stream<R> stream();

    /**
     * Iterates through a database cursor, like {@link #stream()}: released at the end of the
     * iteration, or else when the session closes.
     *
     * @throws SqlModelException when the query fails
     */
    @Override
    Iterator<R> iterator();
}
