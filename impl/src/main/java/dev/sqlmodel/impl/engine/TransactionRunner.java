package dev.sqlmodel.impl.engine;

import dev.sqlmodel.IsolationLevel;
import dev.sqlmodel.Session;
import dev.sqlmodel.TransientDatabaseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a unit of work in its own transaction and runs it again when the database reports a
 * {@link TransientDatabaseException}: the engine's {@code transaction(...)}.
 *
 * <p>Each attempt opens a new session (so nothing an earlier attempt loaded or changed leaks
 * into the next), begins a transaction, runs the work and commits; closing the session rolls
 * back whatever an attempt left open. Between attempts the thread sleeps a random time between
 * half and all of {@code 20 ms * 2^(attempt-1)}, capped at one second: the randomness keeps two
 * transactions that just deadlocked each other from colliding again in lock step, the growth
 * lets a restarting server come back. An interrupt during the pause ends the retries: the failure
 * is rethrown with the interrupt flag set again.
 *
 * <p>Two failures are never retried even though they are transient: a connection lost during
 * {@code COMMIT} (the transaction may have committed) and any failure while the thread runs in a
 * global (JTA) transaction, which the runner does not own; there the work runs once in a session
 * joined to that transaction and is flushed before returning.
 */
final class TransactionRunner {
    private static final long BASE_PAUSE_MILLIS = 20;
    private static final long MAX_PAUSE_MILLIS = 1000;

    private final EngineImpl engine;
    private final int retries;

    TransactionRunner(EngineImpl engine, int retries) {
        this.engine = Objects.requireNonNull(engine, "engine");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
        }
        this.retries = retries;
    }

    <T> T run(IsolationLevel isolation, Function<Session, T> work) {
        Objects.requireNonNull(work, "work");
        if (engine.transactions().inGlobalTransaction()) {
            return runJoined(work);
        }
        List<TransientDatabaseException> earlier = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(isolation, work);
            } catch (TransientDatabaseException e) {
                if (attempt > retries || committing(e)) {
                    throw withEarlier(e, earlier);
                }
                if (earlier == null) {
                    earlier = new ArrayList<>(retries);
                }
                earlier.add(e);
                if (!pause(attempt)) {
                    throw withEarlier(e, earlier);
                }
            }
        }
    }

    private <T> T runOnce(IsolationLevel isolation, Function<Session, T> work) {
        try (Session session = engine.session()) {
            if (isolation != null) {
                session.begin(isolation);
            } else {
                session.begin();
            }
            T result = work.apply(session);
            session.commit();
            return result;
        }
    }

    private <T> T runJoined(Function<Session, T> work) {
        try (Session session = engine.session()) {
            T result = work.apply(session);
            session.flush();
            return result;
        }
    }

    /** Whether {@code e} is a connection lost while the COMMIT was under way: its outcome is unknown. */
    private static boolean committing(TransientDatabaseException e) {
        return e.reason() == TransientDatabaseException.Reason.CONNECTION_LOST && SqlErrors.COMMIT.equals(e.sql());
    }

    private static TransientDatabaseException withEarlier(TransientDatabaseException last,
            List<TransientDatabaseException> earlier) {
        if (earlier != null) {
            for (TransientDatabaseException e : earlier) {
                if (e != last) {
                    last.addSuppressed(e);
                }
            }
        }
        return last;
    }

    /** Sleeps before attempt {@code attempt + 1}; false when interrupted. */
    private static boolean pause(int attempt) {
        long ceiling = Math.min(MAX_PAUSE_MILLIS, BASE_PAUSE_MILLIS << Math.min(attempt - 1, 16));
        long millis = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return "TransactionRunner[retries=" + retries + "]";
    }
}
