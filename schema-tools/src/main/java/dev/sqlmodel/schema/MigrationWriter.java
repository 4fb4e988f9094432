package dev.sqlmodel.schema;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.internal.MigrationFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes schema changes as a Flyway-compatible migration file,
 * {@code V<n>__<description>.sql}, numbered one after the highest version in the folder. The
 * file holds the up statements, a comment listing destructive changes that were left out, and
 * the down migration (the inverse changes, newest first) as a commented block that no runner
 * executes.
 */
public final class MigrationWriter {
    private final Path dir;

    private MigrationWriter(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** A writer into the folder {@code dir} (created when missing). */
    public static MigrationWriter to(Path dir) {
        return new MigrationWriter(dir);
    }

    /**
     * Writes the non-destructive {@code changes}; destructive ones are listed in a comment.
     *
     * @return the file written
     * @throws MigrationException when no change is left to write, or the file cannot be written
     */
    public Path write(String description, List<SchemaChange> changes, Dialect dialect) {
        return write(description, changes, dialect, Destructive.SKIP);
    }

    /**
     * Writes {@code changes}, destructive ones too when {@code destructive} is
     * {@link Destructive#ALLOW}.
     *
     * @return the file written
     * @throws MigrationException when no change is left to write, or the file cannot be written
     * @throws dev.sqlmodel.SqlModelException when the dialect cannot express a change
     */
    public Path write(String description, List<SchemaChange> changes, Dialect dialect, Destructive destructive) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(destructive, "destructive");
        List<SchemaChange> kept = new ArrayList<>();
        List<SchemaChange> left = new ArrayList<>();
        for (SchemaChange c : changes) {
            (c.isDestructive() && destructive != Destructive.ALLOW ? left : kept).add(c);
        }
        if (kept.isEmpty()) {
            throw new MigrationException(left.isEmpty() ? "no changes to write"
                    : "no changes to write: " + left.size() + " destructive change(s) left out"
                            + " (write them with Destructive.ALLOW)");
        }
        String name = "V" + nextVersion() + "__" + slug(description) + ".sql";
        StringBuilder sb = new StringBuilder();
        sb.append("-- ").append(description.strip()).append('\n');
        sb.append("-- Generated for ").append(dialect).append(" on ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        if (!left.isEmpty()) {
            sb.append("-- Destructive changes left out (write with Destructive.ALLOW to include them):\n");
            for (SchemaChange c : left) {
                sb.append("--   ").append(describe(c)).append('\n');
            }
        }
        sb.append('\n');
        for (SchemaChange c : kept) {
            sb.append("-- ").append(describe(c)).append('\n');
            for (String s : c.sql(dialect)) {
                sb.append(s).append(";\n");
            }
            sb.append('\n');
        }
        sb.append("-- Down migration (not run; apply by hand to undo):\n");
        for (int i = kept.size() - 1; i >= 0; i--) {
            for (String s : kept.get(i).inverse().sql(dialect)) {
                sb.append("-- ").append(s.replace("\n", "\n-- ")).append(";\n");
            }
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (IOException e) {
            throw new MigrationException("cannot write migration " + dir.resolve(name) + ": " + e, e);
        }
    }

    /** One after the highest major version in the folder, or 1. */
    private String nextVersion() {
        BigInteger max = BigInteger.ZERO;
        for (MigrationFile f : MigrationFile.scan(dir)) {
            BigInteger major = new BigInteger(f.version().split("\\.")[0]);
            max = max.max(major);
        }
        return max.add(BigInteger.ONE).toString();
    }

    /** {@code "Add hero age!"} becomes {@code "add_hero_age"}. */
    static String slug(String description) {
        String s = description.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "migration" : s;
    }

    /** A one-line description of {@code change}, e.g. {@code add column hero.age}. */
    public static String describe(SchemaChange change) {
        String t = change.table();
        if (change instanceof CreateTable) {
            return "create table " + t;
        } else if (change instanceof DropTable) {
            return "drop table " + t;
        } else if (change instanceof AddColumn c) {
            return "add column " + t + "." + c.column() + " " + c.definition().type();
        } else if (change instanceof DropColumn c) {
            return "drop column " + t + "." + c.column();
        } else if (change instanceof AlterColumn c) {
            return "alter column " + t + "." + c.column() + " " + summary(c.from()) + " -> " + summary(c.to());
        } else if (change instanceof AddIndex c) {
            return "add index " + c.index().name() + " on " + t + " " + c.index().columns();
        } else if (change instanceof DropIndex c) {
            return "drop index " + c.index().name() + " on " + t;
        } else if (change instanceof AddUnique c) {
            return "add unique " + c.constraint().name() + " on " + t + " " + c.constraint().columns();
        } else if (change instanceof DropUnique c) {
            return "drop unique " + c.constraint().name() + " on " + t;
        } else if (change instanceof AddForeignKey c) {
            return "add foreign key " + t + " " + c.key().columns() + " -> " + c.key().refTable()
                    + " " + c.key().refColumns();
        } else if (change instanceof DropForeignKey c) {
            return "drop foreign key " + (c.key().name() != null ? c.key().name() + " " : "") + "on " + t + " "
                    + c.key().columns();
        }
        return change.toString();
    }

    private static String summary(ColumnSchema c) {
        return c.type() + (c.nullable() ? " NULL" : " NOT NULL")
                + (c.defaultValue() != null ? " DEFAULT " + c.defaultValue() : "")
                + (c.autoIncrement() ? " AUTO" : "");
    }

    @Override
    public String toString() {
        return "MigrationWriter[" + dir + "]";
    }
}
