package dev.sqlmodel.impl.session;

import dev.sqlmodel.Engine;
import dev.sqlmodel.PoolStats;
import dev.sqlmodel.impl.engine.ConnectionSource;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.engine.SqlLog;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine over another engine's connections that records, at the JDBC level, every
 * statement executed, every statement object still open, and the isolation level of each
 * connection as it is given back. Tests use it to prove that something ran no SQL at all,
 * ran exactly one UPDATE, or closed its cursor.
 */
final class TrackedEngine implements AutoCloseable {
    private final EngineImpl engine;
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> releasedIsolation = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger acquired = new AtomicInteger();

    private TrackedEngine(EngineImpl base, Class<?>... models) {
        Map<Connection, Connection> real = Collections.synchronizedMap(new IdentityHashMap<>());
        ConnectionSource source = new ConnectionSource() {
            @Override
            public Connection acquire() {
                Connection c = base.acquire();
                Connection p = connection(c);
                real.put(p, c);
                acquired.incrementAndGet();
                return p;
            }

            @Override
            public void release(Connection connection) {
                Connection c = real.remove(connection);
                try {
                    releasedIsolation.add(c.getTransactionIsolation());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                base.release(c);
            }

            @Override
            public void close() {
                // the base engine owns the pool
            }

            @Override
            public PoolStats stats() {
                return base.stats();
            }
        };
        this.engine = EngineImpl.create(source, List.of(models), new SqlLog(false, null));
        reset();
    }

    /** A tracking engine over {@code base}'s pool knowing {@code models}. */
    static TrackedEngine over(Engine base, Class<?>... models) {
        return new TrackedEngine((EngineImpl) base, models);
    }

    Engine engine() {
        return engine;
    }

    /** Forgets what was recorded so far. */
    void reset() {
        executed.clear();
        releasedIsolation.clear();
        acquired.set(0);
    }

    /** The SQL of every statement executed since the last reset, COMMIT and ROLLBACK included. */
    List<String> executed() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    /** The executed statements starting with {@code verb} (case-insensitive). */
    List<String> executed(String verb) {
        String v = verb.toUpperCase(Locale.ROOT);
        return executed().stream().filter(s -> s.stripLeading().toUpperCase(Locale.ROOT).startsWith(v)).toList();
    }

    /** How many connections were taken since the last reset. */
    int acquired() {
        return acquired.get();
    }

    /** Statement objects created and not closed yet. */
    int openStatements() {
        return open.get();
    }

    /** The isolation level of each connection when it was given back, in order. */
    List<Integer> releasedIsolation() {
        synchronized (releasedIsolation) {
            return List.copyOf(releasedIsolation);
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    private Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "commit" -> executed.add("COMMIT");
                        // switching auto-commit on inside a transaction commits it (the session ends transactions so)
                        case "setAutoCommit" -> {
                            if ((Boolean) args[0] && !c.getAutoCommit()) {
                                executed.add("COMMIT");
                            }
                        }
                        case "rollback" -> executed.add(args == null ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT");
                        default -> {
                        }
                    }
                    Object r = call(c, m, args);
                    if (r instanceof CallableStatement s) {
                        return statement(s, CallableStatement.class, (String) args[0]);
                    }
                    if (r instanceof PreparedStatement s) {
                        return statement(s, PreparedStatement.class, (String) args[0]);
                    }
                    if (r instanceof Statement s) {
                        return statement(s, Statement.class, null);
                    }
                    return r;
                });
    }

    private Object statement(Statement s, Class<? extends Statement> type, String sql) {
        open.incrementAndGet();
        boolean[] closed = {false};
        InvocationHandler h = (proxy, m, args) -> {
            String name = m.getName();
            if (name.equals("close") && !closed[0]) {
                closed[0] = true;
                open.decrementAndGet();
            } else if (name.startsWith("execute")) {
                executed.add(sql != null ? sql : args != null && args.length > 0 ? (String) args[0] : "?");
            }
            return call(s, m, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
