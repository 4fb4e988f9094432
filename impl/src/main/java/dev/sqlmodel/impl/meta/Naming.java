package dev.sqlmodel.impl.meta;

import java.util.Locale;

/** The naming rules of API.md: snake_case columns, lower-cased table names. */
public final class Naming {
    private Naming() {
    }

    /** {@code secretName} becomes {@code secret_name}; {@code HTMLPage} becomes {@code html_page}. */
    public static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (i > 0 && (prevLower || (prevUpper && nextLower))) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The default table name: the simple class name lower-cased. */
    public static String tableName(Class<?> type) {
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
