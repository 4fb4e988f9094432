package dev.sqlmodel.impl.session;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.types.Codecs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Values that pass validation but that the database cannot store, found before a flush sends
 * anything, so the error names the model and field (the database's own error names neither)
 * and nothing of the flush is written.
 *
 * <p>Two cases: PostgreSQL's text types cannot hold the NUL character (U+0000), which
 * MySQL/MariaDB and SQLite store; and SQLite has no exact decimal type: a DECIMAL column keeps a
 * fraction as an 8-byte float, exact to 15 significant digits, so a decimal with more would come
 * back changed (whole numbers up to 64 bits are stored exactly). Lengths and declared decimal
 * precision are Bean Validation constraints instead ({@link dev.sqlmodel.impl.Validation}).
 */
final class UnstorableValues {
    private static final FieldMeta[] NONE = new FieldMeta[0];

    /** The String columns of each model. */
    private static final ClassValue<FieldMeta[]> TEXT_COLUMNS = columnsOf(String.class);
    /** The BigDecimal columns of each model. */
    private static final ClassValue<FieldMeta[]> DECIMAL_COLUMNS = columnsOf(BigDecimal.class);

    private static ClassValue<FieldMeta[]> columnsOf(Class<?> javaType) {
        return new ClassValue<>() {
            @Override
            protected FieldMeta[] computeValue(Class<?> type) {
                List<FieldMeta> found = new ArrayList<>();
                for (FieldMeta f : ModelRegistry.of(type).columns()) {
                    if (f.boxedType() == javaType && f.insertable()) {
                        found.add(f);
                    }
                }
                return found.isEmpty() ? NONE : found.toArray(NONE);
            }
        };
    }

    private UnstorableValues() {
    }

    /**
     * Checks the models a flush is about to write on {@code dialect}.
     *
     * @throws SqlModelException naming the model and field of the first value the database cannot store
     */
    static void check(Dialect dialect, List<Object> models) {
        ClassValue<FieldMeta[]> columns = switch (dialect) {
            case POSTGRESQL -> TEXT_COLUMNS;
            case SQLITE -> DECIMAL_COLUMNS;
            default -> null;
        };
        if (columns == null) {
            return;
        }
        Class<?> type = null;
        FieldMeta[] checked = NONE;
        for (int i = 0, n = models.size(); i < n; i++) {
            Object m = models.get(i);
            if (m.getClass() != type) {
                type = m.getClass();
                checked = columns.get(type);
            }
            for (FieldMeta f : checked) {
                Object v = f.get(m);
                if (v instanceof String s) {
                    int at = s.indexOf('\0');
                    if (at >= 0) {
                        throw new SqlModelException(type.getSimpleName() + "." + f.name()
                                + ": PostgreSQL cannot store the NUL character (U+0000) in text; found at index " + at
                                + " of a " + s.length() + "-character value", null, null, "22021");
                    }
                } else if (v instanceof BigDecimal d && !Codecs.sqliteStoresExactly(d)) {
                    throw new SqlModelException(type.getSimpleName() + "." + f.name() + ": SQLite cannot store "
                            + d.toPlainString() + " exactly: its decimals keep 15 significant digits ("
                            + d.stripTrailingZeros().precision() + " given)", null, null, "22003");
                }
            }
        }
    }
}
