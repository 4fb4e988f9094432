package dev.sqlmodel.impl.engine;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells what keeps state per physical connection (the session layer's prepared statements) that
 * a pool of the library's own has closed one, so that nothing holds on to a closed connection and
 * its statements until the next connection happens to come by.
 */
public final class ClosedConnections {
    private static final List<Consumer<Connection>> LISTENERS = new CopyOnWriteArrayList<>();

    private ClosedConnections() {
    }

    /** Calls {@code listener} with every physical connection a pool of the library destroys from now on. */
    public static void listen(Consumer<Connection> listener) {
        LISTENERS.add(listener);
    }

    /** Reports that {@code physical}, the driver's connection behind a pooled handle, was closed. */
    static void closed(Connection physical) {
        for (Consumer<Connection> l : LISTENERS) {
            l.accept(physical);
        }
    }
}
