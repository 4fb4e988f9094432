package dev.sqlmodel.impl.session;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The lazy stream of {@code Results.stream()} over a {@link Cursor}. Rows are read a chunk at a
 * time (one row, or {@link #CHUNK} when relationships are fetched, so that they are loaded with
 * one query per chunk and level); the session's {@link Chunks} hooks see each chunk before it is
 * handed out and after it has been. The cursor is closed when the rows run out, when reading
 * or the consumer throws, when the stream is closed, or when the session closes, whichever
 * comes first: a consumer that fails leaves no cursor or connection behind.
 */
final class CursorStream implements Spliterator<Object> {
    /** Rows per chunk when relationships are fetched. */
    static final int CHUNK = 256;

    /** What a session does around each chunk of rows. */
    interface Chunks {
        /** The previous chunk has been handed out (or the stream closed) and a new one is to be read. */
        default void done() {
        }

        /** The rows of a chunk were read (not yet handed out): load their fetched relationships. */
        default void read(List<Object> rows) {
        }

        /** The stream is closed (once). */
        default void closed(CursorStream stream) {
        }
    }

    private final Cursor cursor;
    private final RowReader reader;
    private final Executor exec;
    private final int chunk;
    private final Chunks hooks;
    private final List<Object> buffer;
    private int next;
    private boolean closed;

    private CursorStream(Cursor cursor, RowReader reader, Executor exec, int chunk, Chunks hooks) {
        this.cursor = cursor;
        this.reader = reader;
        this.exec = exec;
        this.chunk = chunk;
        this.hooks = hooks;
        this.buffer = new ArrayList<>(chunk);
    }

    /** A stream over {@code cursor}'s rows, read by {@code reader}; closing it closes the cursor. */
    static CursorStream of(Cursor cursor, RowReader reader, Executor exec, boolean fetches, Chunks hooks) {
        return new CursorStream(cursor, reader, exec, fetches ? CHUNK : 1, hooks);
    }

    @SuppressWarnings("unchecked")
    <R> Stream<R> stream() {
        return (Stream<R>) StreamSupport.stream(this, false).onClose(this::close);
    }

    @Override
    public boolean tryAdvance(Consumer<? super Object> action) {
        if (closed) {
            return false;
        }
        if (next == buffer.size() && !fill()) {
            return false;
        }
        Object row = buffer.get(next);
        buffer.set(next++, null); // handed out: the stream no longer keeps it
        try {
            action.accept(row);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return true;
    }

    /** Reads the next chunk; false (and closed) when the rows have run out. */
    private boolean fill() {
        buffer.clear();
        next = 0;
        try {
            hooks.done();
            var rs = cursor.rows();
            while (buffer.size() < chunk && rs.next()) {
                buffer.add(reader.read(rs));
            }
            if (buffer.isEmpty()) {
                close();
                return false;
            }
            hooks.read(buffer);
            return true;
        } catch (SQLException e) {
            close();
            throw exec.translate(e, cursor.sql());
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Whether the cursor reads on a connection taken for it alone. */
    boolean ownsConnection() {
        return cursor.ownsConnection();
    }

    /** Closes the cursor (and gives back its own connection); idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        buffer.clear();
        try {
            hooks.done();
        } finally {
            cursor.close();
            hooks.closed(this);
        }
    }

    @Override
    public Spliterator<Object> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return Spliterator.ORDERED;
    }

    @Override
    public String toString() {
        return "CursorStream[" + cursor + "]";
    }
}
