package dev.sqlmodel;

import java.time.Duration;
import java.util.Objects;

/** Connection pool settings; every timeout is a {@link Duration}. */
public final class PoolOptions {
    private int minSize = 0;
    private int maxSize = 10;
    private Duration acquireTimeout = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Duration maxLifetime = Duration.ofMinutes(30);
    private boolean validateOnCheckout = false;

    /** Default options: 0 to 10 connections, 30 s acquire timeout. */
    public PoolOptions() {
    }

    /** Connections kept open even when idle. */
    public PoolOptions minSize(int minSize) {
        if (minSize < 0) {
            throw new IllegalArgumentException("minSize must not be negative: " + minSize);
        }
        this.minSize = minSize;
        return this;
    }

    /** The most connections open at once. */
    public PoolOptions maxSize(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1: " + maxSize);
        }
        this.maxSize = maxSize;
        return this;
    }

    /** How long to wait for a free connection before {@link PoolExhaustedException}. */
    public PoolOptions acquireTimeout(Duration timeout) {
        this.acquireTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** How long an idle connection above {@code minSize} stays open. */
    public PoolOptions idleTimeout(Duration timeout) {
        this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** How long a connection lives before it is replaced. */
    public PoolOptions maxLifetime(Duration lifetime) {
        this.maxLifetime = Objects.requireNonNull(lifetime, "lifetime");
        return this;
    }

    /**
     * Whether every connection is checked (JDBC {@code isValid}) before it is handed out. When
     * false (the default), a PostgreSQL or MySQL/MariaDB connection is checked only after it sat
     * idle in the pool for over a second, which is enough to replace connections a server
     * restart or an idle-killing proxy closed, at no cost under load.
     */
    public PoolOptions validateOnCheckout(boolean validate) {
        this.validateOnCheckout = validate;
        return this;
    }

    /** Connections kept open even when idle. */
    public int minSize() {
        return minSize;
    }

    /** The most connections open at once. */
    public int maxSize() {
        return maxSize;
    }

    /** The acquire timeout. */
    public Duration acquireTimeout() {
        return acquireTimeout;
    }

    /** The idle timeout. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The maximum connection lifetime. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** Whether connections are validated on checkout. */
    public boolean validateOnCheckout() {
        return validateOnCheckout;
    }

    @Override
    public String toString() {
        return "PoolOptions[min=" + minSize + ", max=" + maxSize + ", acquireTimeout=" + acquireTimeout
                + ", idleTimeout=" + idleTimeout + ", maxLifetime=" + maxLifetime + ", validateOnCheckout="
                + validateOnCheckout + "]";
    }
}
