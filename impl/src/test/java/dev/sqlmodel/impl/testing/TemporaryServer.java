package dev.sqlmodel.impl.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL or MariaDB server of a test's own: a fresh data directory in a temporary
 * directory, a free port on 127.0.0.1, trust / empty-password authentication, optionally TLS.
 * Tests that must stop, restart or reconfigure a server use one of these, never the shared
 * servers on 5432/3306.
 *
 * <p>PostgreSQL is made with {@code initdb} and run with {@code pg_ctl} (as the {@code postgres}
 * user when the tests run as root, which PostgreSQL refuses to run as); its database is
 * {@code postgres}, its user {@code postgres}. MariaDB is made with {@code mariadb-install-db} and
 * run as a child {@code mariadbd} process ({@code --user=root} when run as root); its database is
 * {@code test}, its user {@code root}. Both are tuned for tests (no fsync, small buffers).
 *
 * <p>{@link #close()} stops the server and deletes the directory; it runs even when the start
 * failed halfway, and a JVM shutdown hook closes whatever a test left running. When the server
 * binaries are not installed, the factories skip the calling test (a JUnit assumption) with a
 * message saying what to install.
 */
public final class TemporaryServer implements AutoCloseable {
    /** Which server. */
    public enum Kind {
        /** PostgreSQL, through initdb and pg_ctl. */
        POSTGRESQL,
        /** MariaDB, through mariadb-install-db and mariadbd. */
        MARIADB
    }

    /**
     * TLS for a server: its certificate and key (PEM) and the CA it trusts; with
     * {@code required}, connections without TLS are refused (PostgreSQL: {@code hostssl}-only
     * {@code pg_hba.conf}; MariaDB: {@code --require-secure-transport}).
     */
    public record Tls(Path certificate, Path key, Path authority, boolean required) {
        /** TLS with {@code server}'s certificate, trusting {@code ca}. */
        public static Tls of(TestCertificates.ServerCertificate server, TestCertificates ca, boolean required) {
            return new Tls(server.certificate(), server.key(), ca.certificate(), required);
        }
    }

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final Set<TemporaryServer> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (TemporaryServer s : List.copyOf(LIVE)) {
                s.close();
            }
        }, "temporary-server-cleanup"));
    }

    private final Kind kind;
    private final Path dir;
    private final Path bin;
    private final int port;
    private final Tls tls;
    private Process mariadbd;
    private boolean running;

    private TemporaryServer(Kind kind, Path bin, Tls tls) throws IOException {
        this.kind = kind;
        this.bin = bin;
        this.tls = tls;
        this.dir = Files.createTempDirectory("sqlmodel-" + kind.name().toLowerCase() + "-");
        this.port = freePort();
        LIVE.add(this);
    }

    /**
     * Creates and starts a PostgreSQL server; {@code tls} may be null (TLS off). Skips the test
     * when {@code initdb}/{@code pg_ctl} are not installed.
     *
     * @throws IllegalStateException naming the command and its output when the server cannot be made or started
     */
    public static TemporaryServer postgresql(Tls tls) {
        Path bin = postgresBin();
        Assumptions.assumeTrue(bin != null, "PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
                + "no /usr/lib/postgresql/*/bin and none on PATH (apt-get install postgresql)");
        Assumptions.assumeTrue(!ROOT || onPath("runuser") != null,
                "running as root needs runuser to start PostgreSQL as the postgres user");
        return create(Kind.POSTGRESQL, bin, tls);
    }

    /**
     * Creates and starts a MariaDB server; {@code tls} may be null (TLS off). Skips the test
     * when {@code mariadbd}/{@code mariadb-install-db} are not installed.
     *
     * @throws IllegalStateException naming the command and its output when the server cannot be made or started
     */
    public static TemporaryServer mariadb(Tls tls) {
        Path server = onPath("mariadbd", "/usr/sbin", "/usr/local/sbin", "/usr/local/mysql/bin");
        Path install = onPath("mariadb-install-db", "/usr/local/mysql/scripts");
        Assumptions.assumeTrue(server != null && install != null,
                "MariaDB server binaries (mariadbd, mariadb-install-db) are not installed (apt-get install mariadb-server)");
        return create(Kind.MARIADB, server.getParent(), tls);
    }

    private static TemporaryServer create(Kind kind, Path bin, Tls tls) {
        TemporaryServer s;
        try {
            s = new TemporaryServer(kind, bin, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            s.initialize();
            s.start();
            return s;
        } catch (RuntimeException | Error e) {
            s.close();
            throw e;
        }
    }

    /** Which server this is. */
    public Kind kind() {
        return kind;
    }

    /** Its TCP port on 127.0.0.1 (kept across restarts). */
    public int port() {
        return port;
    }

    /** Its temporary directory (data directory, logs, certificates). */
    public Path directory() {
        return dir;
    }

    /** The user to connect as, with an empty password. */
    public String user() {
        return kind == Kind.POSTGRESQL ? "postgres" : "root";
    }

    /** The JDBC URL of its database on 127.0.0.1; {@code query} (without {@code ?}) may be empty. */
    public String url(String query) {
        String base = kind == Kind.POSTGRESQL
                ? "jdbc:postgresql://127.0.0.1:" + port + "/postgres"
                : "jdbc:mysql://127.0.0.1:" + port + "/test";
        return query == null || query.isEmpty() ? base : base + "?" + query;
    }

    /** Whether the server is running (started and not stopped). */
    public synchronized boolean running() {
        return running;
    }

    /**
     * Starts the server and waits until it accepts connections (at most 60 seconds).
     *
     * @throws IllegalStateException with the end of the server log when it does not come up
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        if (kind == Kind.POSTGRESQL) {
            run(asPostgres(bin.resolve("pg_ctl").toString(), "start", "-D", data().toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60"));
        } else {
            startMariadb();
        }
        running = true;
    }

    /**
     * Stops the server (PostgreSQL: fast shutdown; MariaDB: SIGTERM), ending every connection.
     *
     * @throws IllegalStateException when it does not stop
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (kind == Kind.POSTGRESQL) {
            run(asPostgres(bin.resolve("pg_ctl").toString(), "stop", "-D", data().toString(), "-m", "fast", "-w", "-t", "60"));
        } else {
            Process p = mariadbd;
            mariadbd = null;
            p.destroy();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new IllegalStateException("mariadbd did not stop within 60 s: " + logTail());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IllegalStateException("interrupted while stopping mariadbd", e);
            }
        }
    }

    /** {@link #stop()} then {@link #start()}. */
    public synchronized void restart() {
        stop();
        start();
    }

    /**
     * Serves {@code certificate} (signed by any CA) from now on: PostgreSQL restarts, MariaDB
     * reloads its certificates with {@code FLUSH SSL}.
     *
     * @throws IllegalStateException when the server has no TLS or does not come back
     */
    public synchronized void serve(TestCertificates.ServerCertificate certificate) {
        if (tls == null) {
            throw new IllegalStateException("this server was started without TLS");
        }
        copyCertificates(certificate.certificate(), certificate.key());
        if (kind == Kind.POSTGRESQL) {
            restart();
        } else {
            execute("FLUSH SSL");
        }
    }

    /**
     * Runs {@code sql} on its database as the superuser over a separate connection (TLS without
     * verification when the server has TLS).
     *
     * @throws IllegalStateException when it fails
     */
    public void execute(String... sql) {
        String query = kind == Kind.POSTGRESQL
                ? (tls != null ? "sslmode=require" : "sslmode=disable")
                : (tls != null ? "sslMode=REQUIRED" : "sslMode=DISABLED");
        try (Connection c = DriverManager.getConnection(url(query), user(), ""); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("on " + this + ": " + e.getMessage(), e);
        }
    }

    /** The last lines of the server log, for failure messages. */
    public String logTail() {
        Path log = dir.resolve("server.log");
        try {
            if (!Files.exists(log)) {
                return "(no server log)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(server log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the server if it runs and deletes its directory. Never throws. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("stopping " + this + " failed: " + e.getMessage());
        } finally {
            if (mariadbd != null) {
                mariadbd.destroyForcibly();
            }
            if (kind == Kind.POSTGRESQL && Files.exists(data().resolve("postmaster.pid"))) {
                // A start that failed halfway can leave a postmaster behind.
                try {
                    run(asPostgres(bin.resolve("pg_ctl").toString(), "stop", "-D", data().toString(), "-m", "immediate",
                            "-w", "-t", "30"));
                } catch (RuntimeException e) {
                    System.err.println("stopping " + this + " failed: " + e.getMessage());
                }
            }
            running = false;
            LIVE.remove(this);
            delete(dir);
        }
    }

    @Override
    public String toString() {
        return "TemporaryServer[" + kind + " on 127.0.0.1:" + port + ", " + dir + (tls == null ? "" : ", TLS")
                + (tls != null && tls.required() ? " required" : "") + "]";
    }

    // --- making the server

    private Path data() {
        return dir.resolve("data");
    }

    private void initialize() {
        if (kind == Kind.POSTGRESQL) {
            chownToPostgres(dir);
            run(asPostgres(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", "postgres", "--auth=trust",
                    "-N", "-E", "UTF8", "--locale=C"));
            List<String> conf = new ArrayList<>(List.of(
                    "port = " + port,
                    "listen_addresses = '127.0.0.1'",
                    "unix_socket_directories = '" + dir + "'",
                    "fsync = off", "synchronous_commit = off", "full_page_writes = off",
                    "shared_buffers = 16MB", "max_connections = 40"));
            String host = "host";
            if (tls != null) {
                copyCertificates(tls.certificate(), tls.key());
                conf.addAll(List.of("ssl = on", "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'",
                        "ssl_ca_file = 'ca.crt'"));
                host = tls.required() ? "hostssl" : "host";
            }
            String hba = "local all all trust\n" + host + " all all 127.0.0.1/32 trust\n"
                    + (tls != null && tls.required() ? "hostnossl all all 127.0.0.1/32 reject\n" : "");
            write(data().resolve("postgresql.conf"), String.join("\n", conf) + "\n", true);
            write(data().resolve("pg_hba.conf"), hba, false);
            chownToPostgres(dir);
        } else {
            Path install = onPath("mariadb-install-db", "/usr/local/mysql/scripts");
            List<String> cmd = new ArrayList<>(List.of(install.toString(), "--no-defaults", "--datadir=" + data(),
                    "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
            if (ROOT) {
                cmd.add("--user=root");
            }
            run(cmd);
            write(dir.resolve("init.sql"), "CREATE DATABASE IF NOT EXISTS test;\n", false);
            if (tls != null) {
                copyCertificates(tls.certificate(), tls.key());
            }
        }
    }

    private void startMariadb() {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("mariadbd").toString(), "--no-defaults",
                "--datadir=" + data(), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                "--log-error=" + dir.resolve("server.log"), "--skip-name-resolve",
                "--init-file=" + dir.resolve("init.sql"), "--innodb-buffer-pool-size=16M",
                "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--skip-log-bin",
                "--max-connections=60"));
        if (ROOT) {
            cmd.add("--user=root");
        }
        if (tls != null) {
            cmd.addAll(List.of("--ssl-cert=" + dir.resolve("server.crt"), "--ssl-key=" + dir.resolve("server.key"),
                    "--ssl-ca=" + dir.resolve("ca.crt")));
            if (tls.required()) {
                cmd.add("--require-secure-transport=ON");
            }
        }
        try {
            mariadbd = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.out").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!accepts()) {
            if (!mariadbd.isAlive()) {
                mariadbd = null;
                throw new IllegalStateException("mariadbd exited (" + cmd + "):\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                mariadbd.destroyForcibly();
                mariadbd = null;
                throw new IllegalStateException("mariadbd did not accept connections within 60 s:\n" + logTail());
            }
            sleep(50);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void copyCertificates(Path certificate, Path key) {
        Path target = kind == Kind.POSTGRESQL ? data() : dir;
        try {
            Files.copy(certificate, target.resolve("server.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(key, target.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(tls.authority(), target.resolve("ca.crt"), StandardCopyOption.REPLACE_EXISTING);
            // PostgreSQL refuses a key file others can read.
            Files.setPosixFilePermissions(target.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (kind == Kind.POSTGRESQL) {
            chownToPostgres(target);
        }
    }

    // --- processes and files

    private List<String> asPostgres(String... command) {
        List<String> cmd = new ArrayList<>();
        if (ROOT) {
            // initdb and postgres refuse to run as root.
            cmd.addAll(List.of(onPath("runuser").toString(), "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        return cmd;
    }

    private void run(List<String> cmd) {
        Path out = dir.resolve("command.log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd + "\n" + logTail());
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + cmd + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + "\n" + logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        }
    }

    private static void chownToPostgres(Path path) {
        if (!ROOT) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            UserPrincipal postgres = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.setOwner(p, postgres);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + path + " to the postgres user", e);
        }
    }

    private static void write(Path file, String text, boolean append) {
        try {
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} with initdb and pg_ctl, else the PATH's; null if none. */
    private static Path postgresBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path best = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(TemporaryServer::version)).orElse(null);
                if (best != null) {
                    return best;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path initdb = onPath("initdb");
        return initdb != null && Files.isExecutable(initdb.resolveSibling("pg_ctl")) ? initdb.getParent() : null;
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The executable {@code name} on the PATH or in one of {@code extraDirs}; null if none. */
    static Path onPath(String name, String... extraDirs) {
        List<String> dirs = new ArrayList<>(List.of(Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator)));
        dirs.addAll(List.of(extraDirs));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
