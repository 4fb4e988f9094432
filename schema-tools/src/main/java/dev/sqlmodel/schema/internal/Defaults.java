package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * DEFAULT expressions in one spelling: PostgreSQL's casts ({@code 'x'::text},
 * {@code '0'::numeric}) and redundant parentheses removed, keywords upper-cased, MySQL's
 * {@code current_timestamp()} read as {@code CURRENT_TIMESTAMP} and its booleans as 1 and 0.
 * Numbers compare by value, so MariaDB's {@code 0.00} equals a model's {@code 0}.
 */
public final class Defaults {
    private Defaults() {
    }

    /** The normalised form of the DEFAULT expression {@code raw}, or null when there is none. */
    public static String normalize(Dialect dialect, String raw) {
        if (raw == null) {
            return null;
        }
        String s = unwrap(raw.strip());
        if (s.isEmpty() || s.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (dialect == Dialect.POSTGRESQL) {
            s = unwrap(stripCasts(s));
        }
        if (s.startsWith("'")) {
            return s;
        }
        s = s.toUpperCase(Locale.ROOT);
        if (s.equals("NOW()") || s.equals("CURRENT_TIMESTAMP()")) {
            return "CURRENT_TIMESTAMP";
        }
        if (dialect == Dialect.MYSQL) {
            if (s.equals("TRUE")) {
                return "1";
            }
            if (s.equals("FALSE")) {
                return "0";
            }
        }
        return s;
    }

    /** Whether two normalised defaults mean the same value. */
    public static boolean same(String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    private static BigDecimal number(String s) {
        String t = s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
        try {
            return new BigDecimal(t.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Removes parentheses around the whole expression: {@code ((0))} becomes {@code 0}. */
    private static String unwrap(String s) {
        while (s.length() >= 2 && s.charAt(0) == '(' && closingOf(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static int closingOf(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Removes {@code ::type} casts outside string literals. */
    private static String stripCasts(String s) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                i += 2;
                // A type name: words, spaces between words, an optional (n,m) and [] suffix.
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '"' || s.charAt(i) == '.' || s.charAt(i) == ' ' && i + 1 < s.length()
                        && Character.isLetter(s.charAt(i + 1)) && !startsOperator(s, i + 1))) {
                    i++;
                }
                if (i < s.length() && s.charAt(i) == '(') {
                    int close = s.indexOf(')', i);
                    i = close < 0 ? s.length() : close + 1;
                }
                while (i + 1 < s.length() && s.charAt(i) == '[' && s.charAt(i + 1) == ']') {
                    i += 2;
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString().strip();
    }

    private static boolean startsOperator(String s, int i) {
        String rest = s.substring(i).toUpperCase(Locale.ROOT);
        return rest.startsWith("AND ") || rest.startsWith("OR ") || rest.startsWith("IS ") || rest.startsWith("NOT ");
    }
}
