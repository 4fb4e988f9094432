package dev.sqlmodel.data.runtime.jdql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a JDQL query into tokens (Jakarta Data 1.0, "Lexical structure"): identifiers and
 * keywords, {@code :name} and {@code ?n} parameters, operators and punctuation, strings with
 * {@code ''} escapes, and Java decimal integer and floating-point literals. Whitespace separates
 * tokens and is dropped.
 */
final class Lexer {
    private final String query;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private Lexer(String query) {
        this.query = query;
    }

    /**
     * The tokens of {@code query}, ending with an {@link Token.Kind#END} token.
     *
     * @throws JdqlException at the first character that starts no token
     */
    static List<Token> tokenize(String query) {
        Lexer lexer = new Lexer(query);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        int n = query.length();
        while (true) {
            while (i < n && isWhitespace(query.charAt(i))) {
                i++;
            }
            if (i >= n) {
                tokens.add(new Token(Token.Kind.END, "", n));
                return;
            }
            char c = query.charAt(i);
            int start = i;
            if (Character.isJavaIdentifierStart(c)) {
                i++;
                while (i < n && Character.isJavaIdentifierPart(query.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENTIFIER, query.substring(start, i), start));
            } else if (c == '\'') {
                string(start);
            } else if (isDigit(c) || c == '.' && i + 1 < n && isDigit(query.charAt(i + 1)) && !afterName()) {
                number(start);
            } else if (c == ':') {
                i++;
                if (i >= n || !Character.isJavaIdentifierStart(query.charAt(i))) {
                    throw error(start, "expected a parameter name after ':'");
                }
                while (i < n && Character.isJavaIdentifierPart(query.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NAMED_PARAMETER, query.substring(start + 1, i), start));
            } else if (c == '?') {
                i++;
                while (i < n && isDigit(query.charAt(i))) {
                    i++;
                }
                String digits = query.substring(start + 1, i);
                if (digits.isEmpty()) {
                    throw error(start, "expected a parameter number after '?'");
                }
                int number;
                try {
                    number = Integer.parseInt(digits);
                } catch (NumberFormatException e) {
                    number = 0;
                }
                if (number < 1) {
                    throw error(start, "positional parameters are numbered from ?1, found ?" + digits);
                }
                tokens.add(new Token(Token.Kind.POSITIONAL_PARAMETER, Integer.toString(number), start));
            } else {
                symbol(start, c);
            }
        }
    }

    private void symbol(int start, char c) {
        char next = i + 1 < query.length() ? query.charAt(i + 1) : '\0';
        String s;
        switch (c) {
            case '<' -> s = next == '=' ? "<=" : next == '>' ? "<>" : "<";
            case '>' -> s = next == '=' ? ">=" : ">";
            case '|' -> {
                if (next != '|') {
                    throw error(start, "expected '||' (concatenation), found a single '|'");
                }
                s = "||";
            }
            case '!' -> throw error(start, next == '='
                    ? "'!=' is not JDQL: write '<>' for 'not equal'"
                    : "unexpected character '!' (JDQL writes negation as NOT)");
            case '=', '+', '-', '*', '/', '(', ')', ',', '.' -> s = String.valueOf(c);
            default -> throw error(start, "unexpected character '" + c + "'");
        }
        i += s.length();
        tokens.add(new Token(Token.Kind.SYMBOL, s, start));
    }

    private void string(int start) {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            if (i >= query.length()) {
                throw error(start, "the string starting here has no closing quote");
            }
            char c = query.charAt(i++);
            if (c == '\'') {
                if (i < query.length() && query.charAt(i) == '\'') {
                    sb.append('\'');
                    i++;
                } else {
                    break;
                }
            } else {
                sb.append(c);
            }
        }
        tokens.add(new Token(Token.Kind.STRING, sb.toString(), start));
    }

    /**
     * A Java decimal literal: digits (with {@code _} between them), an optional fraction and
     * exponent, and an optional suffix: {@code L} for long, {@code f} or {@code d} for floating
     * point. The token's text is the literal as written; the parser converts it.
     */
    private void number(int start) {
        int n = query.length();
        boolean decimal = false;
        digits();
        if (i < n && query.charAt(i) == '.' && i + 1 < n && isDigit(query.charAt(i + 1))) {
            decimal = true;
            i++;
            digits();
        } else if (i < n && query.charAt(i) == '.' && !(i + 1 < n && Character.isJavaIdentifierStart(query.charAt(i + 1)))) {
            decimal = true; // "1." is a double in Java
            i++;
        }
        if (i < n && (query.charAt(i) == 'e' || query.charAt(i) == 'E')) {
            int mark = i;
            i++;
            if (i < n && (query.charAt(i) == '+' || query.charAt(i) == '-')) {
                i++;
            }
            if (i >= n || !isDigit(query.charAt(i))) {
                throw error(mark, "expected the digits of an exponent");
            }
            digits();
            decimal = true;
        }
        if (i < n) {
            char s = query.charAt(i);
            if (s == 'f' || s == 'F' || s == 'd' || s == 'D') {
                decimal = true;
                i++;
            } else if ((s == 'l' || s == 'L') && !decimal) {
                i++;
            }
        }
        if (i < n && Character.isJavaIdentifierPart(query.charAt(i))) {
            throw error(i, "unexpected '" + query.charAt(i) + "' right after the number "
                    + query.substring(start, i) + " (separate it with a space)");
        }
        String text = query.substring(start, i);
        if (text.contains("_") && (text.startsWith("_") || text.contains("_.") || text.contains("._")
                || text.matches(".*_[^0-9_].*|.*_$"))) {
            throw error(start, "misplaced '_' in the number " + text + " (underscores go between digits)");
        }
        tokens.add(new Token(decimal ? Token.Kind.DECIMAL : Token.Kind.INTEGER, text, start));
    }

    private void digits() {
        while (i < query.length() && (isDigit(query.charAt(i)) || query.charAt(i) == '_')) {
            i++;
        }
    }

    private boolean afterName() {
        if (tokens.isEmpty()) {
            return false;
        }
        Token last = tokens.get(tokens.size() - 1);
        return last.kind() == Token.Kind.IDENTIFIER || last.isSymbol(")");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private JdqlException error(int offset, String problem) {
        return new JdqlException(query, offset + 1, problem);
    }
}
