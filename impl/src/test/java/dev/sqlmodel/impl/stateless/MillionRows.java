package dev.sqlmodel.impl.stateless;

import static dev.sqlmodel.Sql.select;
import static dev.sqlmodel.Sql.text;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.testing.Db;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.stream.Stream;

/**
 * Run in a JVM of its own with a small heap ({@link MillionRowStreamTest}): fills {@code tick}
 * with a million rows by one INSERT ... SELECT, then counts them through the streams of a
 * stateless and of a tracked session. Prints one line per stream and exits 0, or dies of
 * {@code OutOfMemoryError} when a stream holds the whole result.
 */
public final class MillionRows {
    static final int ROWS = 1_000_000;

    private MillionRows() {
    }

    /** Arguments: the {@link Db} name and the JDBC URL of its prepared database. */
    public static void main(String[] args) {
        Db db = Db.valueOf(args[0]);
        try (Engine engine = db.engine(args[1], null, Tick.class)) {
            engine.createAll();
            long start = System.nanoTime();
            fill(db, engine);
            System.out.println("filled in " + millis(start) + " ms");

            start = System.nanoTime();
            long count = 0;
            long sum = 0;
            try (StatelessSession s = engine.stateless();
                    Stream<Tick> ticks = s.exec(select(Tick.class)).stream()) {
                for (Tick t : (Iterable<Tick>) ticks::iterator) {
                    count++;
                    sum += t.id;
                }
            }
            System.out.println("stateless " + count + " " + sum + " in " + millis(start) + " ms");

            start = System.nanoTime();
            try (Session s = engine.session();
                    Stream<Tick> ticks = s.exec(select(Tick.class)).stream()) {
                count = ticks.filter(t -> t.label != null).count();
            }
            System.out.println("session " + count + " in " + millis(start) + " ms");
            System.out.println("active " + engine.stats().active());
            System.out.println("peak heap " + peakHeap() / (1024 * 1024) + " MB of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        }
    }

    private static void fill(Db db, Engine engine) {
        try (StatelessSession s = engine.stateless()) {
            switch (db) {
                case POSTGRESQL -> s.execute(text("INSERT INTO tick (id, value, label) SELECT g, g % 1000, 'tick-' || g"
                        + " FROM generate_series(1, " + ROWS + ") g"));
                case SQLITE -> s.execute(text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                        + ROWS + ") INSERT INTO tick (id, value, label) SELECT i, i % 1000, 'tick-' || i FROM n"));
                default -> {
                    s.connection(); // one connection: the session variable below must be seen by the INSERT
                    s.execute(text("SET SESSION max_recursive_iterations = " + ROWS));
                    s.execute(text("INSERT INTO tick (id, value, label) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
                            + " SELECT i + 1 FROM n WHERE i < " + ROWS + ") SELECT i, i % 1000, CONCAT('tick-', i) FROM n"));
                }
            }
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
