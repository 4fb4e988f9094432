package dev.sqlmodel.impl.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that records every statement the driver is asked to prepare or run, so tests
 * count queries at the JDBC level rather than trusting the library's own counters.
 */
public final class CountingDataSource implements DataSource {
    private final DataSource target;
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final List<String> transactionCalls = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    /** Wraps {@code target}. */
    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** Every SQL text prepared or executed so far. */
    public List<String> statements() {
        synchronized (statements) {
            return new ArrayList<>(statements);
        }
    }

    /** The SELECT statements since the last {@link #reset()}. */
    public List<String> selects() {
        List<String> out = new ArrayList<>();
        for (String s : statements()) {
            if (s.strip().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The calls that begin or end transactions since the last {@link #reset()}: {@code
     * setAutoCommit(false)}, {@code setAutoCommit(true)}, {@code commit()}, {@code rollback()}.
     */
    public List<String> transactionCalls() {
        synchronized (transactionCalls) {
            return new ArrayList<>(transactionCalls);
        }
    }

    /** How many connections were opened since the last {@link #reset()}. */
    public int connections() {
        return connections.get();
    }

    /** Forgets what was recorded. */
    public void reset() {
        statements.clear();
        transactionCalls.clear();
        connections.set(0);
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                            && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    switch (method.getName()) {
                        case "setAutoCommit" -> transactionCalls.add("setAutoCommit(" + args[0] + ")");
                        case "commit", "rollback" -> transactionCalls.add(method.getName() + "()");
                        default -> {
                        }
                    }
                    Object result;
                    try {
                        result = method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("createStatement") && result instanceof java.sql.Statement st) {
                        return wrapStatement(st);
                    }
                    return result;
                });
    }

    private java.sql.Statement wrapStatement(java.sql.Statement st) {
        return (java.sql.Statement) Proxy.newProxyInstance(java.sql.Statement.class.getClassLoader(),
                new Class<?>[] {java.sql.Statement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args.length > 0
                            && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    try {
                        return method.invoke(st, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection() throws SQLException {
        connections.incrementAndGet();
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
