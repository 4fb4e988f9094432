package dev.sqlmodel.data.runtime.jdql;

/**
 * One token of a JDQL query. {@code start} is the 0-based offset of its first character;
 * {@code text} is the token as written, except for strings (the value, quotes removed and
 * {@code ''} undone) and parameters (the name or number without {@code :} or {@code ?}).
 */
record Token(Kind kind, String text, int start) {

    /** The token types of the lexical structure. */
    enum Kind {
        /** A Java identifier, keywords included (the parser tells them apart, ignoring case). */
        IDENTIFIER,
        /** A quoted string. */
        STRING,
        /** An integer literal ({@code int}, or {@code long} with an {@code L} suffix). */
        INTEGER,
        /** A decimal literal ({@code double}, or {@code float} with an {@code f} suffix). */
        DECIMAL,
        /** {@code :name}. */
        NAMED_PARAMETER,
        /** {@code ?n}. */
        POSITIONAL_PARAMETER,
        /** An operator or punctuation character: {@code = <> < <= > >= + - * / || ( ) , .}. */
        SYMBOL,
        /** The end of the query. */
        END
    }

    /** Whether this is the keyword {@code word} (given in upper case), in any case. */
    boolean is(String word) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    /** Whether this is the symbol {@code symbol}. */
    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How an error message names this token. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the query";
            case STRING -> "the string '" + text.replace("'", "''") + "'";
            case NAMED_PARAMETER -> "the parameter :" + text;
            case POSITIONAL_PARAMETER -> "the parameter ?" + text;
            default -> "'" + text + "'";
        };
    }
}
