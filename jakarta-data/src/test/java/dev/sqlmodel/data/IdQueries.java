package dev.sqlmodel.data;

/** Queries a repository inherits from an interface of its own. */
public interface IdQueries {

    long countByIdBetween(long min, long max);

    boolean existsById(long id);
}
