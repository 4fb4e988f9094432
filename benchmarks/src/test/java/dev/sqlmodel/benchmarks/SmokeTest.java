package dev.sqlmodel.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Keeps the benchmarks building and running: every scenario of every library once on SQLite,
 * one 100 ms iteration without warm-up, in this JVM. Each trial's setup checks the answers,
 * including the two queries of this library's (g), so a wrong result fails the build.
 */
class SmokeTest {
    @Test
    void everyScenarioOfEveryLibraryRunsOnSqlite() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(Scenarios.class.getName() + "\\.")
                .param("database", "sqlite")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .build()).run();
        assertEquals(7 * 8, results.size());
        for (RunResult r : results) {
            assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().id());
        }
        String table = dev.sqlmodel.benchmarks.Runner.table(results);
        assertTrue(table.contains("(g) 50 teams x 20 heroes"), table);
        System.out.print(table);
        String perRound = dev.sqlmodel.benchmarks.Runner.roundTable(java.util.List.of(results, results));
        assertTrue(perRound.contains("ratio to jdbc per round, median (range) of 2 rounds — sqlite"), perRound);
        assertTrue(perRound.contains("(g) 50 teams x 20 heroes"), perRound);
        assertTrue(!perRound.contains("| jdbc "), perRound);
        System.out.print(perRound);
    }
}
