package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column types in one spelling per dialect, so that a type read from a catalog
 * ({@code character varying(50)}, {@code int4}, {@code tinyint(1)}, {@code int(11)}) compares
 * equal to the type the model's DDL declares ({@code VARCHAR(50)}, {@code INTEGER},
 * {@code BOOLEAN}). The result is still valid DDL for the dialect, so a rebuilt or re-created
 * table can use it directly.
 */
public final class TypeNames {
    private static final Pattern ARGS = Pattern.compile("\\(([^)]*)\\)");

    private TypeNames() {
    }

    /** The normalised upper-case spelling of {@code raw} on {@code dialect}; an empty type stays empty. */
    public static String normalize(Dialect dialect, String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return s;
        }
        String args = null;
        Matcher m = ARGS.matcher(s);
        if (m.find()) {
            args = m.group(1).replace(" ", "");
            s = (s.substring(0, m.start()) + " " + s.substring(m.end())).strip().replaceAll("\\s+", " ");
        }
        String suffix = "";
        for (String word : new String[] {" UNSIGNED ZEROFILL", " UNSIGNED", " ZEROFILL"}) {
            if (s.endsWith(word)) {
                suffix = word;
                s = s.substring(0, s.length() - word.length());
                break;
            }
        }
        return base(dialect, s, args) + suffix;
    }

    private static String base(Dialect dialect, String s, String args) {
        String withArgs = args == null ? s : s + "(" + args + ")";
        switch (s) {
            case "CHARACTER VARYING", "VARCHAR", "VARYING CHARACTER", "NVARCHAR", "NATIONAL VARCHAR":
                return args == null ? "VARCHAR" : "VARCHAR(" + args + ")";
            case "CHARACTER", "CHAR", "BPCHAR", "NCHAR", "NATIONAL CHAR":
                return args == null ? "CHAR" : "CHAR(" + args + ")";
            case "INT", "INT4", "INTEGER":
                return "INTEGER";
            case "SERIAL", "SERIAL4":
                return "INTEGER";
            case "INT8", "BIGINT", "BIGSERIAL", "SERIAL8":
                return "BIGINT";
            case "INT2", "SMALLINT", "SMALLSERIAL", "SERIAL2":
                return "SMALLINT";
            case "TINYINT":
                return "1".equals(args) && dialect == Dialect.MYSQL ? "BOOLEAN" : "TINYINT";
            case "BOOL", "BOOLEAN":
                return "BOOLEAN";
            case "NUMERIC", "DECIMAL", "DEC":
                if (args == null) {
                    return dialect == Dialect.MYSQL ? "DECIMAL(10,0)" : "NUMERIC";
                }
                return args.contains(",") ? "DECIMAL(" + args + ")" : "DECIMAL(" + args + ",0)";
            case "FLOAT8", "DOUBLE PRECISION", "DOUBLE":
                return switch (dialect) {
                    case POSTGRESQL -> "DOUBLE PRECISION";
                    case MYSQL -> "DOUBLE";
                    default -> s;
                };
            case "FLOAT4":
                return "REAL";
            case "TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP":
                return withArgs("TIMESTAMP", args);
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ":
                return withArgs("TIMESTAMP", args) + " WITH TIME ZONE";
            case "TIME WITHOUT TIME ZONE", "TIME":
                return withArgs("TIME", args);
            case "TIME WITH TIME ZONE", "TIMETZ":
                return withArgs("TIME", args) + " WITH TIME ZONE";
            case "MEDIUMINT":
                return "MEDIUMINT";
            default:
                return withArgs;
        }
    }

    private static String withArgs(String base, String args) {
        return args == null ? base : base + "(" + args + ")";
    }

    /**
     * Whether changing a column from {@code from} to {@code to} can lose data: a shorter string,
     * a smaller integer, fewer decimal digits, or a change between unrelated types. Widening
     * (INTEGER to BIGINT, VARCHAR(50) to VARCHAR(100) or TEXT) is not.
     */
    public static boolean isNarrowing(String from, String to) {
        if (from.equalsIgnoreCase(to)) {
            return false;
        }
        Shape a = Shape.of(from);
        Shape b = Shape.of(to);
        if (b.family == Family.TEXT && b.size < 0 && (a.family == Family.TEXT || a.family == Family.INTEGER
                || a.family == Family.DECIMAL || a.family == Family.FLOAT)) {
            return false;
        }
        if (a.family != b.family) {
            return !(a.family == Family.INTEGER && (b.family == Family.DECIMAL || b.family == Family.FLOAT));
        }
        return switch (a.family) {
            case INTEGER, FLOAT -> b.size < a.size;
            case TEXT -> b.size >= 0 && (a.size < 0 || b.size < a.size);
            case DECIMAL -> b.scale < a.scale || b.size - b.scale < a.size - a.scale;
            default -> true;
        };
    }

    private enum Family { INTEGER, FLOAT, DECIMAL, TEXT, OTHER }

    /** A type's family and size (integer width rank, string length, decimal precision and scale). */
    private record Shape(Family family, int size, int scale) {
        static Shape of(String type) {
            String t = type.toUpperCase(Locale.ROOT);
            Matcher m = ARGS.matcher(t);
            String args = m.find() ? m.group(1) : null;
            String base = m.reset().replaceAll("").strip();
            switch (base) {
                case "BOOLEAN", "TINYINT":
                    return new Shape(Family.INTEGER, 0, 0);
                case "SMALLINT":
                    return new Shape(Family.INTEGER, 1, 0);
                case "MEDIUMINT", "INTEGER":
                    return new Shape(Family.INTEGER, 2, 0);
                case "BIGINT":
                    return new Shape(Family.INTEGER, 3, 0);
                case "REAL", "FLOAT":
                    return new Shape(Family.FLOAT, 1, 0);
                case "DOUBLE", "DOUBLE PRECISION":
                    return new Shape(Family.FLOAT, 2, 0);
                case "DECIMAL", "NUMERIC":
                    if (args == null) {
                        return new Shape(Family.DECIMAL, 1000, 500);
                    }
                    String[] ps = args.split(",");
                    return new Shape(Family.DECIMAL, Integer.parseInt(ps[0].strip()),
                            ps.length > 1 ? Integer.parseInt(ps[1].strip()) : 0);
                case "VARCHAR", "CHAR":
                    return new Shape(Family.TEXT, args == null ? -1 : Integer.parseInt(args.strip()), 0);
                case "TEXT", "CLOB", "LONGTEXT", "MEDIUMTEXT":
                    return new Shape(Family.TEXT, -1, 0);
                default:
                    return new Shape(Family.OTHER, 0, 0);
            }
        }
    }
}
