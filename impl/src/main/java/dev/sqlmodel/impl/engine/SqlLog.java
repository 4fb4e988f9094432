package dev.sqlmodel.impl.engine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's statement log on the {@code java.util.logging} logger {@value #LOGGER}: every
 * statement at INFO when echo is on, and any statement slower than the slow-query threshold at
 * WARNING whether echo is on or not. Thread-safe.
 */
public final class SqlLog {
    /** The logger name. */
    public static final String LOGGER = "dev.sqlmodel.sql";

    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final int MAX_VALUE_CHARS = 200;

    private final boolean echo;
    private final long slowNanos;

    /**
     * A log that echoes when {@code echo} is true and warns about statements slower than
     * {@code slowQueryThreshold} (null: never).
     */
    public SqlLog(boolean echo, Duration slowQueryThreshold) {
        this.echo = echo;
        this.slowNanos = slowQueryThreshold == null ? Long.MAX_VALUE : slowQueryThreshold.toNanos();
    }

    /** Whether callers need to time statements and report them (echo on or a slow threshold set). */
    public boolean enabled() {
        return echo || slowNanos != Long.MAX_VALUE;
    }

    /** Whether every statement is echoed. */
    public boolean echo() {
        return echo;
    }

    /** Reports one executed statement with its parameters (may be null or empty) and elapsed time. */
    public void statement(String sql, List<?> params, long nanos) {
        Level level = level(nanos);
        if (level != null && LOG.isLoggable(level)) {
            StringBuilder sb = new StringBuilder(sql);
            if (params != null && !params.isEmpty()) {
                sb.append(" -- params: ");
                appendParams(sb, params);
            }
            LOG.log(level, sb.append(elapsed(nanos)).toString());
        }
    }

    /** Reports one executed JDBC batch of {@code rows} parameter sets. */
    public void batch(String sql, int rows, long nanos) {
        Level level = level(nanos);
        if (level != null && LOG.isLoggable(level)) {
            LOG.log(level, sql + " -- batch of " + rows + " rows" + elapsed(nanos));
        }
    }

    private Level level(long nanos) {
        if (nanos >= slowNanos) {
            return Level.WARNING;
        }
        return echo ? Level.INFO : null;
    }

    private static String elapsed(long nanos) {
        return String.format(Locale.ROOT, " (%.3f ms)", nanos / 1_000_000.0);
    }

    private static void appendParams(StringBuilder sb, List<?> params) {
        sb.append('[');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = params.get(i);
            if (v instanceof byte[] bytes) {
                sb.append("<").append(bytes.length).append(" bytes>");
            } else if (v instanceof CharSequence s) {
                String text = s.length() > MAX_VALUE_CHARS ? s.subSequence(0, MAX_VALUE_CHARS) + "..." : s.toString();
                sb.append('\'').append(text).append('\'');
            } else {
                sb.append(v);
            }
        }
        sb.append(']');
    }

    @Override
    public String toString() {
        return "SqlLog[echo=" + echo + ", slow=" + (slowNanos == Long.MAX_VALUE ? "off" : Duration.ofNanos(slowNanos))
                + "]";
    }
}
