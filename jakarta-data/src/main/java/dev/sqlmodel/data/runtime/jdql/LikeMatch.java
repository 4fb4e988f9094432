package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Expr;
import dev.sqlmodel.ast.Like;
import dev.sqlmodel.ast.Param;
import java.util.Objects;

/**
 * The case-sensitive LIKE of JDQL, for the other query forms of a repository to match the same
 * way: {@code _} and {@code %} are the wildcards, everything else is matched literally and with
 * its case on every database (GLOB on SQLite, a binary comparison on MySQL and MariaDB).
 */
public final class LikeMatch {
    private LikeMatch() {
    }

    /**
     * {@code operand [NOT] LIKE pattern}; a character after {@code escape} (null for none) is
     * matched literally.
     *
     * @throws IllegalArgumentException when the pattern ends with its escape character
     */
    public static Expr<Boolean> of(Expr<?> operand, String pattern, Character escape, boolean negated) {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(pattern, "pattern");
        return new Like(operand, new Param<>(pattern(pattern, escape), String.class), false, negated, true);
    }

    /**
     * The pattern rewritten for {@link Like#ESCAPE}: {@code %} and {@code _} stay wildcards, a
     * character after {@code escape} is escaped, and a literal {@code Like.ESCAPE} is escaped.
     *
     * @throws IllegalArgumentException when the pattern ends with its escape character
     */
    static String pattern(String pattern, Character escape) {
        StringBuilder sb = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                if (i + 1 >= pattern.length()) {
                    throw new IllegalArgumentException("the LIKE pattern ends with its escape character '" + escape + "'");
                }
                sb.append(Like.ESCAPE).append(pattern.charAt(++i));
            } else if (c == Like.ESCAPE) {
                sb.append(Like.ESCAPE).append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
