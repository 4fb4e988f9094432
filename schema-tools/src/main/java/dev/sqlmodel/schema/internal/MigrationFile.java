package dev.sqlmodel.schema.internal;

import dev.sqlmodel.schema.MigrationException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Flyway-style versioned migration file, {@code V<version>__<description>.sql}. The version is
 * numbers separated by dots or single underscores ({@code 3}, {@code 1.1}); the checksum is the
 * SHA-256 of the text with line endings normalised, so a checkout that turns LF into CRLF is not
 * an edit.
 *
 * @param path the file
 * @param version the version, dots between its numbers
 * @param description the description, underscores read as spaces
 */
public record MigrationFile(Path path, String version, String description) {
    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** Orders versions by their numbers: 2 before 10, 1.1 between 1 and 2. */
    public static final Comparator<String> VERSION_ORDER = MigrationFile::compareVersions;

    /** The file's name. */
    public String fileName() {
        return path.getFileName().toString();
    }

    /**
     * The file's text.
     *
     * @throws MigrationException when it cannot be read
     */
    public String text() {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("cannot read migration " + path + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of the file's text, as 64 hexadecimal digits. */
    public String checksum() {
        return checksum(text());
    }

    /** The SHA-256 of {@code text} with CRLF and CR read as LF. */
    public static String checksum(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * The migration files in {@code dir}, in version order; none when the folder does not exist.
     *
     * @throws MigrationException when two files have the same version or the folder cannot be listed
     */
    public static List<MigrationFile> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    files.add(new MigrationFile(p, m.group(1).replace('_', '.'), m.group(2).replace('_', ' ')));
                }
            }
        } catch (IOException e) {
            throw new MigrationException("cannot list migrations in " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(MigrationFile::version, VERSION_ORDER));
        Map<String, MigrationFile> seen = new HashMap<>();
        for (MigrationFile f : files) {
            MigrationFile other = seen.put(f.version(), f);
            if (other != null) {
                throw new MigrationException("two migrations have version " + f.version() + ": " + other.fileName()
                        + " and " + f.fileName());
            }
        }
        return files;
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
