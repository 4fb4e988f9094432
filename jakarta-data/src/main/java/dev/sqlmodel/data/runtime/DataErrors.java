package dev.sqlmodel.data.runtime;

import dev.sqlmodel.IntegrityException;
import dev.sqlmodel.MultipleResultsException;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.PoolExhaustedException;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.StaleObjectException;
import dev.sqlmodel.TransientDatabaseException;
import jakarta.data.exceptions.DataConnectionException;
import jakarta.data.exceptions.DataException;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.exceptions.OptimisticLockingFailureException;

/**
 * Our exceptions as Jakarta Data's: a failed version check becomes {@link OptimisticLockingFailureException}, a
 * duplicate key on insert {@link EntityExistsException}, a lost or unobtainable connection
 * {@link DataConnectionException}, a class that is no model (met while running) Jakarta Data's
 * {@link jakarta.data.exceptions.MappingException}, and any other database failure {@link DataException}, with ours
 * as the cause.
 * Everything else (validation, illegal arguments, Jakarta Data's own exceptions) passes unchanged.
 */
final class DataErrors {

    private DataErrors() {
    }

    static RuntimeException translate(RuntimeException e, boolean inserting) {
        if (e instanceof DataException) {
            return e;
        }
        if (e instanceof StaleObjectException) {
            return new OptimisticLockingFailureException(e.getMessage(), e);
        }
        if (e instanceof NoResultException) {
            return new EmptyResultException(e.getMessage(), e);
        }
        if (e instanceof MultipleResultsException) {
            return new NonUniqueResultException(e.getMessage(), e);
        }
        if (e instanceof IntegrityException ie) {
            if (inserting && isDuplicateKey(ie)) {
                return new EntityExistsException(ie.getMessage(), ie);
            }
            return new DataException(ie.getMessage(), ie);
        }
        if (e instanceof PoolExhaustedException
                || e instanceof TransientDatabaseException t && t.reason() == TransientDatabaseException.Reason.CONNECTION_LOST) {
            return new DataConnectionException(e.getMessage(), e);
        }
        if (e instanceof dev.sqlmodel.MappingException) {
            return new jakarta.data.exceptions.MappingException(e.getMessage(), e);
        }
        if (e instanceof SqlModelException) {
            return new DataException(e.getMessage(), e);
        }
        return e;
    }

    /** A unique or primary key violation: SQLSTATE 23505, or MySQL/MariaDB's error 1062 under 23000. */
    static boolean isDuplicateKey(IntegrityException e) {
        return "23505".equals(e.sqlState()) || e.vendorCode() == 1062;
    }
}
