package dev.sqlmodel.impl.session;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.RowHandles;
import dev.sqlmodel.impl.types.Codecs;
import dev.sqlmodel.impl.types.ValueCodec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The column codecs of one model on each dialect, and a reader of its rows, built once per model. */
final class ModelCodecs {
    private static final ClassValue<AtomicReferenceArray<Reader>> CACHE = new ClassValue<>() {
        @Override
        protected AtomicReferenceArray<Reader> computeValue(Class<?> type) {
            return new AtomicReferenceArray<>(Dialect.values().length);
        }
    };

    private static final MethodType ROW = MethodType.methodType(void.class, Object[].class, ResultSet.class, int.class);
    private static final MethodHandle READ;
    private static final MethodHandle ADD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READ = lookup.findVirtual(ValueCodec.class, "read",
                    MethodType.methodType(Object.class, ResultSet.class, int.class));
            ADD = lookup.findStatic(Integer.class, "sum", MethodType.methodType(int.class, int.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ModelCodecs() {
    }

    /**
     * Reads a model's columns from a result row. One composed handle reads them all, so each
     * column's codec is called directly rather than through one call site shared by every
     * codec of every model.
     */
    static final class Reader {
        final ValueCodec[] codecs;
        private final MethodHandle row;

        private Reader(ValueCodec[] codecs) {
            this.codecs = codecs;
            MethodHandle h = null;
            if (codecs.length <= RowHandles.MAX_COLUMNS) {
                List<MethodHandle> steps = new ArrayList<>(codecs.length);
                for (int i = 0; i < codecs.length; i++) {
                    // (ResultSet rs, int offset) -> codec.read(rs, offset + i + 1)
                    MethodHandle column = MethodHandles.filterArguments(READ.bindTo(codecs[i]), 1,
                            MethodHandles.insertArguments(ADD, 1, i + 1));
                    steps.add(RowHandles.storeAt(i, column));
                }
                h = RowHandles.sequence(ROW, steps);
            }
            this.row = h;
        }

        /** The model's column values, starting after result column {@code offset}, in field order. */
        Object[] read(ResultSet rs, int offset) throws SQLException {
            Object[] values = new Object[codecs.length];
            if (row == null) {
                for (int i = 0; i < codecs.length; i++) {
                    values[i] = codecs[i].read(rs, offset + i + 1);
                }
                return values;
            }
            try {
                row.invokeExact(values, rs, offset);
            } catch (SQLException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            return values;
        }
    }

    /** The codecs of {@code meta}'s columns on {@code dialect}, in field order. */
    static ValueCodec[] of(ModelMeta<?> meta, Dialect dialect) {
        return reader(meta, dialect).codecs;
    }

    /** The reader of {@code meta}'s rows on {@code dialect}. */
    static Reader reader(ModelMeta<?> meta, Dialect dialect) {
        AtomicReferenceArray<Reader> byDialect = CACHE.get(meta.type());
        Reader reader = byDialect.get(dialect.ordinal());
        if (reader == null) {
            List<FieldMeta> cols = meta.columns();
            ValueCodec[] codecs = new ValueCodec[cols.size()];
            for (int i = 0; i < codecs.length; i++) {
                codecs[i] = Codecs.forField(cols.get(i), dialect);
            }
            reader = new Reader(codecs);
            byDialect.set(dialect.ordinal(), reader);
        }
        return reader;
    }
}
