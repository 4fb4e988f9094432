package dev.sqlmodel.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link Scenarios} and prints one table per database: the median µs/op of each library
 * and scenario, and each library's ratio to raw JDBC.
 *
 * <pre>
 * java -jar benchmarks.jar [--quick] [--db sqlite,postgresql] [--lib jdbc,sqlmodel,...] [--only a_findById,...] [--rounds N]
 * </pre>
 *
 * {@code --quick}: one fork, four warm-up iterations of 0.85 s and five measured ones of
 * 0.3 s. {@code --rounds N}: the whole selection N times over, each library's median taken over
 * the iterations of all rounds; on a machine whose speed drifts over minutes this spreads every
 * library over the same stretches of time. With more than one round a second table gives each
 * library's ratio to raw JDBC within each round, as median and range ({@link #roundTable}). Without
 * it the settings on {@link Scenarios} apply. Any other JMH option: run
 * {@code org.openjdk.jmh.Main} from the same jar.
 */
public final class Runner {
    private static final String[] LIBRARIES = {"jdbc", "sqlmodel", "stateless", "repository", "hibernate", "jooq", "jdbi"};
    private static final Map<String, String> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("a_findById", "(a) find by primary key");
        SCENARIOS.put("b_select100", "(b) select 100, filter + order");
        SCENARIOS.put("c_select1000", "(c) select 1,000");
        SCENARIOS.put("d_insertOne", "(d) insert 1, generated key");
        SCENARIOS.put("e_insert1000", "(e) insert 1,000 with keys");
        SCENARIOS.put("f_updateOne", "(f) load, change, commit");
        SCENARIOS.put("g_teamsWithHeroes", "(g) 50 teams x 20 heroes");
        SCENARIOS.put("h_upsert100", "(h) upsert 100");
    }

    private Runner() {
    }

    /** Runs the benchmarks named by {@code args} and prints the table. */
    public static void main(String[] args) throws Exception {
        boolean quick = false;
        int rounds = 1;
        String dbs = "sqlite,postgresql";
        String libs = String.join(",", LIBRARIES);
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--db" -> dbs = args[++i];
                case "--lib" -> libs = args[++i];
                case "--only" -> only = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --quick, --db, --lib, --only, --rounds; or run org.openjdk.jmh.Main for JMH options)");
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .param("database", dbs.split(","))
                .param("library", libs.split(","))
                .shouldFailOnError(true);
        if (only == null) {
            options.include(Scenarios.class.getName() + "\\.");
        } else {
            for (String s : only.split(",")) {
                options.include(Scenarios.class.getName() + "\\." + s + "$");
            }
        }
        if (quick) {
            // Most of the time goes to warming up: on two cores the JIT compiles a library's code
            // for about three seconds while competing with the benchmark thread for the CPU, and
            // the larger libraries only reach their steady state after that. Five short measured
            // iterations then give a median that survives one disturbed iteration.
            options.forks(1).warmupIterations(4).warmupTime(TimeValue.milliseconds(850))
                    .measurementIterations(5).measurementTime(TimeValue.milliseconds(300));
        }
        String warning = idleWarning();
        if (warning != null) {
            System.err.println(warning);
        }
        List<RunResult> results = new ArrayList<>();
        List<Collection<RunResult>> perRound = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Collection<RunResult> one = new org.openjdk.jmh.runner.Runner(options.build()).run();
            perRound.add(one);
            results.addAll(one);
        }
        System.out.println();
        System.out.print(table(results));
        if (rounds > 1) {
            System.out.print(roundTable(perRound));
        }
        if (warning != null) {
            System.out.println();
            System.out.println(warning);
        }
    }

    /**
     * A warning when this is a KVM guest whose idle CPUs halt at once (the {@code haltpoll}
     * idle driver with {@code guest_halt_poll_ns} 0), else null. Every round trip to a server on
     * the same machine then waits for the hypervisor to wake the CPU it sleeps on: on such a
     * machine (the README's earlier runs) raw JDBC's PostgreSQL find by key took 560 µs instead of 120, and a
     * library whose background threads (JIT, GC) happened to keep the CPUs busy looked faster
     * than raw JDBC.
     */
    static String idleWarning() {
        Path driver = Path.of("/sys/devices/system/cpu/cpuidle/current_driver");
        Path poll = Path.of("/sys/module/haltpoll/parameters/guest_halt_poll_ns");
        try {
            if (!Files.isReadable(driver) || !Files.isReadable(poll)
                    || !Files.readString(driver).strip().equals("haltpoll")
                    || !Files.readString(poll).strip().equals("0")) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return "WARNING: idle CPUs halt without polling (" + poll + " is 0): round trips to PostgreSQL measure "
                + "the hypervisor's wake-up more than the libraries. As root: echo 200000 > " + poll;
    }

    /**
     * The results as one table per database: per library and scenario the median, in µs/op,
     * of every measured iteration of every run of it (one per round).
     */
    static String table(Collection<RunResult> results) {
        List<String> libraries = new ArrayList<>();
        Map<String, Map<String, Map<String, List<Double>>>> all = scores(results, libraries);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Map<String, Map<String, List<Double>>>> db : all.entrySet()) {
            out.append("µs/op (median), ratio to jdbc — ").append(db.getKey()).append('\n');
            header(out, libraries);
            for (Map.Entry<String, String> s : SCENARIOS.entrySet()) {
                Map<String, List<Double>> scores = db.getValue().get(s.getKey());
                if (scores == null) {
                    continue;
                }
                Map<String, Double> row = new LinkedHashMap<>();
                scores.forEach((lib, values) -> row.put(lib, median(values)));
                Double base = row.get("jdbc");
                out.append(String.format(Locale.ROOT, "| %-32s", s.getValue()));
                for (String lib : libraries) {
                    Double v = row.get(lib);
                    String cell = v == null ? "" : base == null || lib.equals("jdbc")
                            ? String.format(Locale.ROOT, "%.1f", v)
                            : String.format(Locale.ROOT, "%.1f (%.2fx)", v, v / base);
                    out.append(String.format(Locale.ROOT, "| %-18s", cell));
                }
                out.append("|\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Each library's ratio to raw JDBC within each round (the medians of that round's
     * iterations), as the median and range over the rounds. A machine that changes speed
     * between rounds moves every library of a round together, so these ratios hold where the
     * median over all rounds' iterations mixes fast and slow rounds in different proportions.
     */
    static String roundTable(List<? extends Collection<RunResult>> rounds) {
        List<String> libraries = new ArrayList<>();
        List<Map<String, Map<String, Map<String, List<Double>>>>> byRound = new ArrayList<>();
        for (Collection<RunResult> round : rounds) {
            byRound.add(scores(round, libraries));
        }
        libraries.remove("jdbc");
        StringBuilder out = new StringBuilder();
        for (String db : byRound.get(0).keySet()) {
            out.append("ratio to jdbc per round, median (range) of ").append(rounds.size())
                    .append(" rounds — ").append(db).append('\n');
            header(out, libraries);
            for (Map.Entry<String, String> s : SCENARIOS.entrySet()) {
                if (!byRound.get(0).get(db).containsKey(s.getKey())) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %-32s", s.getValue()));
                for (String lib : libraries) {
                    List<Double> ratios = new ArrayList<>();
                    for (Map<String, Map<String, Map<String, List<Double>>>> round : byRound) {
                        Map<String, List<Double>> scores = round.getOrDefault(db, Map.of()).get(s.getKey());
                        List<Double> base = scores == null ? null : scores.get("jdbc");
                        List<Double> own = scores == null ? null : scores.get(lib);
                        if (base != null && own != null && !base.isEmpty() && !own.isEmpty()) {
                            ratios.add(median(own) / median(base));
                        }
                    }
                    String cell = ratios.isEmpty() ? "" : String.format(Locale.ROOT, "%.2f (%.2f-%.2f)",
                            median(ratios), java.util.Collections.min(ratios), java.util.Collections.max(ratios));
                    out.append(String.format(Locale.ROOT, "| %-18s", cell));
                }
                out.append("|\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void header(StringBuilder out, List<String> libraries) {
        out.append(String.format(Locale.ROOT, "| %-32s", "scenario"));
        for (String lib : libraries) {
            out.append(String.format(Locale.ROOT, "| %-18s", lib));
        }
        out.append("|\n|").append("-".repeat(33));
        for (int i = 0; i < libraries.size(); i++) {
            out.append("|").append("-".repeat(19));
        }
        out.append("|\n");
    }

    /**
     * Database → scenario → library → µs/op of each measured iteration of {@code results};
     * adds the libraries met to {@code libraries}, in the runner's order.
     */
    private static Map<String, Map<String, Map<String, List<Double>>>> scores(Collection<RunResult> results,
            List<String> libraries) {
        Map<String, Map<String, Map<String, List<Double>>>> all = new LinkedHashMap<>();
        for (RunResult r : results) {
            String db = r.getParams().getParam("database");
            String lib = r.getParams().getParam("library");
            String bench = r.getParams().getBenchmark();
            String scenario = bench.substring(bench.lastIndexOf('.') + 1);
            double toMicros = r.getParams().getTimeUnit().toNanos(1) / 1000.0;
            List<Double> scores = all.computeIfAbsent(db, k -> new LinkedHashMap<>())
                    .computeIfAbsent(scenario, k -> new LinkedHashMap<>())
                    .computeIfAbsent(lib, k -> new ArrayList<>());
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore() * toMicros);
                }
            }
            if (!libraries.contains(lib)) {
                libraries.add(lib);
            }
        }
        libraries.sort((a, b) -> Integer.compare(order(a), order(b)));
        return all;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int order(String library) {
        for (int i = 0; i < LIBRARIES.length; i++) {
            if (LIBRARIES[i].equals(library)) {
                return i;
            }
        }
        return LIBRARIES.length;
    }
}
