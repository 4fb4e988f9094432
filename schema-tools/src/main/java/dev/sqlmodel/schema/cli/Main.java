package dev.sqlmodel.schema.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sqlmodel} command line. Exit codes: 0 success, 1 a failure (one line on standard
 * error, the stack trace only with {@code --verbose}), 2 a usage error.
 */
@Command(name = "sqlmodel", mixinStandardHelpOptions = true, version = "sqlmodel 0.1.0",
        description = "Inspect a database, compare it with your models, write and apply migrations.",
        subcommands = {InspectCommand.class, DiffCommand.class, GenerateCommand.class, MigrateCommand.class,
            StatusCommand.class, BaselineCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // Driver and pool warnings would bury the one-line reason; --verbose brings them back.
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.SEVERE);
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setLevel(verbose ? Level.INFO : Level.SEVERE);
        }
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            err.println("error: " + oneLine(ex.getMessage()) + " (see 'sqlmodel --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("error: " + reason(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The one-line reason of a failure: its message, or its cause's when it has none. */
    static String reason(Throwable ex) {
        Throwable t = ex;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return oneLine(m);
    }

    private static String oneLine(String m) {
        String s = m == null ? "" : m.strip();
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).strip();
    }
}
