package dev.sqlmodel.schema.cli;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.Engine;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --url}, {@code --user}, {@code --password}, {@code --json} and {@code --verbose}. */
final class ConnectionOptions {
    @Option(names = "--url", required = true, description = "JDBC URL (jdbc:sqlite:, jdbc:postgresql:, jdbc:mysql:, jdbc:mariadb:)")
    String url;

    @Option(names = "--user", description = "database user")
    String user;

    @Option(names = "--password", description = "database password", arity = "0..1", interactive = false)
    String password;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Option(names = "--verbose", description = "print stack traces and driver logs")
    boolean verbose;

    /**
     * An engine on the database with a small pool; it knows no models.
     *
     * @throws dev.sqlmodel.SqlModelException for a bad URL, an unreachable server or bad credentials
     */
    Engine engine() {
        Dialect.fromUrl(url);
        Engine.Builder b = Engine.builder().url(url)
                .pool(p -> p.minSize(0).maxSize(2).acquireTimeout(Duration.ofSeconds(10)));
        if (user != null) {
            b.user(user);
        }
        if (password != null) {
            b.password(password);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "ConnectionOptions[" + url + "]";
    }
}
