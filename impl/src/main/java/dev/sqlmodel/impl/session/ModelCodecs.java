package dev.sqlmodel.impl.session;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.types.Codecs;
import dev.sqlmodel.impl.types.ValueCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The column codecs of one model on each dialect, built once per model. */
final class ModelCodecs {
    private static final ClassValue<AtomicReferenceArray<ValueCodec[]>> CACHE = new ClassValue<>() {
        @Override
        protected AtomicReferenceArray<ValueCodec[]> computeValue(Class<?> type) {
            return new AtomicReferenceArray<>(Dialect.values().length);
        }
    };

    private ModelCodecs() {
    }

    static ValueCodec[] of(ModelMeta<?> meta, Dialect dialect) {
        AtomicReferenceArray<ValueCodec[]> byDialect = CACHE.get(meta.type());
        ValueCodec[] codecs = byDialect.get(dialect.ordinal());
        if (codecs == null) {
            List<FieldMeta> cols = meta.columns();
            codecs = new ValueCodec[cols.size()];
            for (int i = 0; i < codecs.length; i++) {
                codecs[i] = Codecs.forField(cols.get(i), dialect);
            }
            byDialect.set(dialect.ordinal(), codecs);
        }
        return codecs;
    }

    /** Reads a model's columns starting after result column {@code offset}. */
    static Object[] read(ResultSet rs, ValueCodec[] codecs, int offset) throws SQLException {
        Object[] values = new Object[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            values[i] = codecs[i].read(rs, offset + i + 1);
        }
        return values;
    }
}
