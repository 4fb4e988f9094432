package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import java.util.Objects;

/**
 * {@code operand [NOT] LIKE pattern}, case-insensitive when asked. When {@code escaped} the
 * pattern was built from literal text with {@link #ESCAPE} before {@code %}, {@code _} and
 * itself, and the compiler adds an ESCAPE clause.
 */
public record Like(Expr<?> operand, Expr<?> pattern, boolean caseInsensitive, boolean negated, boolean escaped)
        implements Expr<Boolean> {

    /** The escape character used for literal text: the same on every dialect. */
    public static final char ESCAPE = '/';

    /** A LIKE with a pattern used as is. */
    public static Expr<Boolean> pattern(Expr<?> operand, String pattern, boolean ci, boolean negated) {
        return new Like(operand, Param.of(Objects.requireNonNull(pattern, "pattern")), ci, negated, false);
    }

    /** A LIKE matching {@code text} literally between the wildcards {@code prefix} and {@code suffix}. */
    public static Expr<Boolean> literal(Expr<?> operand, String prefix, String text, String suffix, boolean ci) {
        Objects.requireNonNull(text, "text");
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                sb.append(ESCAPE);
            }
            sb.append(c);
        }
        sb.append(suffix);
        return new Like(operand, Param.of(sb.toString()), ci, false, true);
    }

    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }
}
