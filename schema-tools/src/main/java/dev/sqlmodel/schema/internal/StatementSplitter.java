package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration script into statements at the semicolons that end them. A semicolon does
 * not split inside a string literal ({@code '...'} with {@code ''} escapes, and backslash escapes
 * on MySQL), a quoted identifier ({@code "..."}, {@code `...`}), a comment ({@code --},
 * {@code /* *}{@code /}, and {@code #} on MySQL), a PostgreSQL dollar-quoted body
 * ({@code $$...$$}, {@code $fn$...$fn$}) or the {@code BEGIN ... END} body of a trigger.
 * Statements that are only comments are dropped.
 */
public final class StatementSplitter {
    private final Dialect dialect;

    /** A splitter for scripts of {@code dialect}. */
    public StatementSplitter(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The statements of {@code script}, trimmed, without their semicolons. */
    public List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean meaningful = false;
        int blockDepth = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = quoted(script, i, c);
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-'
                    || c == '#' && dialect == Dialect.MYSQL) {
                end = lineEnd(script, i);
                if (meaningful) {
                    current.append(script, i, end);
                }
                i = end;
                continue;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int close = script.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                if (meaningful) {
                    current.append(script, i, end);
                }
                i = end;
                continue;
            } else if (c == '$' && dialect != Dialect.MYSQL && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                end = close < 0 ? n : close + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                end = i;
                while (end < n && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
                    end++;
                }
                String word = script.substring(i, end).toUpperCase(Locale.ROOT);
                if (isTrigger(current) || blockDepth > 0) {
                    if (word.equals("BEGIN") || word.equals("CASE")) {
                        blockDepth++;
                    } else if (word.equals("END") && blockDepth > 0) {
                        blockDepth--;
                    }
                }
            } else if (c == ';' && blockDepth == 0) {
                if (meaningful) {
                    out.add(current.toString().strip());
                }
                current.setLength(0);
                meaningful = false;
                i++;
                continue;
            } else {
                end = i + 1;
            }
            if (!Character.isWhitespace(c)) {
                meaningful = true;
            }
            if (meaningful) {
                current.append(script, i, end);
            }
            i = end;
        }
        if (meaningful) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private int quoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote == '\'' && dialect == Dialect.MYSQL) {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static int lineEnd(String s, int start) {
        int nl = s.indexOf('\n', start);
        return nl < 0 ? s.length() : nl;
    }

    /** The dollar-quote tag starting at {@code i} ({@code $$} or {@code $name$}), or null. */
    private static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return s.substring(i, j + 1);
        }
        return null;
    }

    private static boolean isTrigger(CharSequence statement) {
        String head = statement.toString().stripLeading().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return head.startsWith("CREATE TRIGGER") || head.startsWith("CREATE TEMP TRIGGER")
                || head.startsWith("CREATE TEMPORARY TRIGGER") || head.startsWith("CREATE OR REPLACE TRIGGER")
                || head.matches("CREATE (DEFINER ?= ?\\S+ )?TRIGGER.*");
    }
}
