package dev.sqlmodel.examples.heroes;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The heroes demo: Weld SE with Narayana's transactions and an embedded SQLite file beside the
 * jar. {@code --echo} also prints each SQL statement.
 */
public final class HeroesApp {
    // Held here because java.util.logging keeps loggers only weakly: a configured level would be lost.
    private static final Logger SQL_LOG = Logger.getLogger("dev.sqlmodel.sql");
    private static final Logger NARAYANA_LOG = Logger.getLogger("com.arjuna");

    private HeroesApp() {
    }

    /**
     * Runs the tutorial.
     *
     * @throws Exception when the database file cannot be prepared or a step fails unexpectedly
     */
    public static void main(String[] args) throws Exception {
        boolean echo = List.of(args).contains("--echo");
        PrintStream out = System.out;
        Path db = home().resolve("heroes.db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        quietLogs(echo);
        // Narayana keeps its object store and status manager out of the working directory.
        Path store = Files.createDirectories(home().resolve("narayana"));
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", store.toString());
        System.setProperty("ObjectStoreEnvironmentBean.stateStore.objectStoreDir", store.toString());
        System.setProperty("ObjectStoreEnvironmentBean.communicationStore.objectStoreDir", store.toString());
        System.setProperty("CoordinatorEnvironmentBean.transactionStatusManagerEnable", "false");
        System.setProperty("sqlmodel.datasource.url", "jdbc:sqlite:" + db);
        System.setProperty("sqlmodel.datasource.echo", Boolean.toString(echo));

        out.println("SQLModel heroes demo: Weld SE + Narayana JTA on " + db);
        try (WeldContainer container = new Weld().initialize()) {
            RequestContextController request = container.select(RequestContextController.class).get();
            request.activate(); // one request for the whole demo: one session, one transaction per step
            try {
                Tutorial tutorial = container.select(Tutorial.class).get();
                tutorial.printTo(out);
                tutorial.createTables();
                tutorial.schemaStatus();
                tutorial.insertTeamsAndHeroes();
                tutorial.selectWithWhereOrderAndLimit();
                tutorial.relationshipsLoadedInOneBatch();
                tutorial.manyToManyThroughTheLinkModel();
                tutorial.showManyToMany();
                tutorial.update();
                tutorial.delete();
                tutorial.rollBackToASavepoint();
                try {
                    tutorial.addInvalidHero();
                    out.println("Minus Man was stored, which should not happen");
                } catch (Exception e) {
                    out.println("Validation failed, nothing written: " + violation(e));
                }
                tutorial.summary();
            } finally {
                request.deactivate();
            }
        }
        out.println("Done.");
    }

    private static String violation(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConstraintViolationException v) {
                return v.getMessage();
            }
        }
        return e.toString();
    }

    /** The folder of this application's jar (target/ after a build). */
    private static Path home() throws URISyntaxException, IOException {
        Path location = Path.of(HeroesApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(location) ? location : location.getParent();
    }

    /** Only warnings from the libraries; the SQL log as plain lines when echo is on. */
    private static void quietLogs(boolean echo) {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        // One stream for the demo's lines and the SQL, so that they appear in order.
        Handler console = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    System.out.println((r.getLoggerName().startsWith("dev.sqlmodel.sql") ? "  SQL: " : r.getLevel() + ": ")
                            + new SimpleFormatter().formatMessage(r));
                }
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        console.setLevel(Level.ALL);
        root.addHandler(console);
        SQL_LOG.setLevel(echo ? Level.INFO : Level.WARNING);
        // The failed validation step is expected; Narayana would warn about it.
        NARAYANA_LOG.setLevel(Level.SEVERE);
    }
}
