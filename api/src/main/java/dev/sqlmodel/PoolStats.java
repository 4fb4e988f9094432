package dev.sqlmodel;

/**
 * Pool counters at one moment.
 *
 * @param active connections handed out now
 * @param idle connections open and free now
 * @param maxUsed the most connections handed out at once so far
 * @param awaiting callers waiting for a connection now
 * @param created connections opened so far
 * @param destroyed connections closed so far
 * @param acquired successful checkouts so far
 * @param timeouts checkouts that timed out so far
 */
public record PoolStats(int active, int idle, int maxUsed, int awaiting, long created, long destroyed,
        long acquired, long timeouts) {
}
