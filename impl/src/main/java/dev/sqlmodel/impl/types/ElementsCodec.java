package dev.sqlmodel.impl.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores a collection of strings or enum constants (an {@code @ElementCollection} of an entity) in
 * one text column as a JSON array of strings, {@code ["GROCERY","TOOLS"]}, in the collection's
 * iteration order. JSON keeps any string intact (commas, quotes, line breaks) and stays readable
 * in the database. A {@code Set} field reads back as a {@link LinkedHashSet}, any other as an
 * {@link ArrayList}, both modifiable as a Jakarta Persistence provider's would be.
 */
public final class ElementsCodec implements ValueCodec {
    private final Class<?> collectionType;
    private final Class<?> elementType;

    /**
     * A codec for fields of {@code collectionType} ({@code Set}, {@code List} or {@code Collection})
     * holding {@code elementType} ({@code String} or an enum).
     */
    public ElementsCodec(Class<?> collectionType, Class<?> elementType) {
        this.collectionType = collectionType;
        this.elementType = elementType;
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        ps.setString(index, encode((Collection<?>) value));
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        if (text == null) {
            return null;
        }
        try {
            return decode(text);
        } catch (IllegalArgumentException e) {
            throw new SQLException("value '" + text + "' is not a JSON array of " + elementType.getSimpleName()
                    + " values: " + e.getMessage(), "22000", e);
        }
    }

    @Override
    public int sqlType() {
        return Types.VARCHAR;
    }

    /** The JSON array text of {@code values}; null elements are refused, as a collection table would. */
    public static String encode(Collection<?> values) {
        StringBuilder s = new StringBuilder("[");
        for (Object v : values) {
            if (v == null) {
                throw new IllegalArgumentException("a stored collection cannot hold null");
            }
            if (s.length() > 1) {
                s.append(',');
            }
            String text = v instanceof Enum<?> e ? e.name() : v.toString();
            s.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format("\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            s.append('"');
        }
        return s.append(']').toString();
    }

    /**
     * The collection a JSON array of strings stands for.
     *
     * @throws IllegalArgumentException when the text is not such an array or names no constant of the enum
     */
    public Collection<Object> decode(String text) {
        Collection<Object> values = Set.class.isAssignableFrom(collectionType) ? new LinkedHashSet<>() : new ArrayList<>();
        for (String item : parse(text)) {
            values.add(element(item));
        }
        return values;
    }

    /** One element from its text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object element(String text) {
        if (elementType.isEnum()) {
            return Enum.valueOf((Class) elementType, text);
        }
        return text;
    }

    private static List<String> parse(String text) {
        List<String> items = new ArrayList<>();
        int i = skipSpace(text, 0);
        expect(text, i++, '[');
        i = skipSpace(text, i);
        if (i < text.length() && text.charAt(i) == ']') {
            expectEnd(text, i + 1);
            return items;
        }
        while (true) {
            i = skipSpace(text, i);
            expect(text, i++, '"');
            StringBuilder item = new StringBuilder();
            while (true) {
                if (i >= text.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = text.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unterminated escape");
                    }
                    char e = text.charAt(i++);
                    switch (e) {
                        case 'u' -> {
                            if (i + 4 > text.length()) {
                                throw new IllegalArgumentException("short \\u escape");
                            }
                            item.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                            i += 4;
                        }
                        case 'n' -> item.append('\n');
                        case 't' -> item.append('\t');
                        case 'r' -> item.append('\r');
                        case 'b' -> item.append('\b');
                        case 'f' -> item.append('\f');
                        default -> item.append(e); // \" \\ \/
                    }
                } else {
                    item.append(c);
                }
            }
            items.add(item.toString());
            i = skipSpace(text, i);
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
                continue;
            }
            expect(text, i, ']');
            expectEnd(text, i + 1);
            return items;
        }
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void expect(String text, int i, char c) {
        if (i >= text.length() || text.charAt(i) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + i);
        }
    }

    private static void expectEnd(String text, int i) {
        if (skipSpace(text, i) != text.length()) {
            throw new IllegalArgumentException("text after the array at " + i);
        }
    }

    @Override
    public String toString() {
        return "ElementsCodec[" + collectionType.getSimpleName() + "<" + elementType.getSimpleName() + ">]";
    }
}
