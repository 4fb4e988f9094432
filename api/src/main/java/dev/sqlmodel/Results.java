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

    /** A lazy stream that holds the cursor open until it is closed. */
    Stream<R> stream();

    /** Iterates over every result (read into memory first). */
    @Override
    Iterator<R> iterator();
}
