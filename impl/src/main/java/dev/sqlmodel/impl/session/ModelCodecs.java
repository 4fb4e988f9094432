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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The column codecs of one model on each dialect, and a reader of its rows, built once per model. */
final class ModelCodecs {
    /** The reader of a model on each dialect, by the dialect's ordinal. */
    private static final List<ModelMeta.Slot<Reader>> READERS = ModelMeta.Slot.perDialect();

    private static final MethodType ROW = MethodType.methodType(void.class, Object[].class, ResultSet.class, int.class);
    private static final MethodType BIND_ROW = MethodType.methodType(void.class, PreparedStatement.class, int.class,
            Object[].class);
    private static final MethodType BIND_SOURCE = MethodType.methodType(void.class, PreparedStatement.class,
            int.class, Object.class);
    private static final MethodType FILL = MethodType.methodType(void.class, Object.class, ResultSet.class);
    private static final MethodHandle READ;
    private static final MethodHandle BIND;
    private static final MethodHandle ADD;
    private static final MethodHandle ELEMENT = MethodHandles.arrayElementGetter(Object[].class);
    /** Kept for a column list with a read-only field, which no filler can set. */
    private static final MethodHandle NO_FILLER = MethodHandles.empty(FILL);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READ = lookup.findVirtual(ValueCodec.class, "read",
                    MethodType.methodType(Object.class, ResultSet.class, int.class));
            BIND = lookup.findVirtual(ValueCodec.class, "bindNullable",
                    MethodType.methodType(void.class, PreparedStatement.class, int.class, Object.class));
            ADD = lookup.findStatic(Integer.class, "sum", MethodType.methodType(int.class, int.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ModelCodecs() {
    }

    /**
     * Reads a model's columns from a result row, and binds lists of them as parameters. One
     * composed handle reads or binds a whole row, so each column's codec is called directly
     * rather than through one call site shared by every codec of every model.
     */
    static final class Reader {
        final ValueCodec[] codecs;
        private final MethodHandle row;
        /** Row binders by the set of columns they bind (bit i: column i), built on first use. */
        private final ConcurrentHashMap<Long, MethodHandle> binders = new ConcurrentHashMap<>();
        /** Binders from instances, by the same sets. */
        private final ConcurrentHashMap<Long, MethodHandle> instanceBinders = new ConcurrentHashMap<>();
        /** Fillers of instances from result columns, by the same sets. */
        private final ConcurrentHashMap<Long, MethodHandle> fillers = new ConcurrentHashMap<>();
        private final ModelMeta<?> meta;

        /** {@code (ResultSet, int offset) -> instance}: a row straight into a new instance; null when not available. */
        private final MethodHandle instance;
        private volatile Composed finished;

        private Reader(ModelMeta<?> meta, ValueCodec[] codecs) {
            this.meta = meta;
            this.codecs = codecs;
            MethodHandle h = null;
            MethodHandle direct = null;
            if (codecs.length <= RowHandles.MAX_COLUMNS) {
                List<MethodHandle> steps = new ArrayList<>(codecs.length);
                List<MethodHandle> columns = new ArrayList<>(codecs.length);
                for (int i = 0; i < codecs.length; i++) {
                    // (ResultSet rs, int offset) -> codec.read(rs, offset + i + 1)
                    MethodHandle column = MethodHandles.filterArguments(READ.bindTo(codecs[i]), 1,
                            MethodHandles.insertArguments(ADD, 1, i + 1));
                    columns.add(column);
                    steps.add(RowHandles.storeAt(i, column));
                }
                h = RowHandles.sequence(ROW, steps);
                direct = meta.creator(columns);
            }
            this.row = h;
            this.instance = direct;
        }

        /** Whether {@link #instance} reads rows straight into instances. */
        boolean readsInstances() {
            return instance != null;
        }

        /**
         * {@code (ResultSet, int offset) -> Object}: the instance handle (only when
         * {@link #readsInstances}) with {@code finisher}, typed {@code (Object)Object}, applied
         * to its result, so that reading and finishing a row is one call. The last composition
         * is kept: a model has one finisher (its stateless sessions' holders).
         */
        MethodHandle instanceThen(MethodHandle finisher) {
            Composed c = finished;
            if (c == null || c.finisher != finisher) {
                c = new Composed(finisher, MethodHandles.filterReturnValue(instance, finisher));
                finished = c;
            }
            return c.handle;
        }

        /** What {@code straight}, from {@link #instanceThen}, makes of the row after result column {@code offset}. */
        Object instance(MethodHandle straight, ResultSet rs, int offset) throws SQLException {
            try {
                return (Object) straight.invokeExact(rs, offset);
            } catch (Throwable t) {
                throw passThrough(t);
            }
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
            } catch (Throwable t) {
                throw passThrough(t);
            }
            return values;
        }

        /**
         * A binder of {@code cols} (columns of this model, in column order) from arrays of
         * column values; it composes one handle per column list, kept for the model's later
         * statements.
         */
        Binder binder(List<FieldMeta> cols) {
            long set = set(cols);
            return new Binder(codecs, cols, set < 0 ? null : binders.computeIfAbsent(set, k -> composeBinder(cols)),
                    false);
        }

        /**
         * A binder of {@code cols} (columns of this model, in column order) that reads the values
         * straight from instances, with no array of them per row.
         */
        Binder instanceBinder(List<FieldMeta> cols) {
            long set = set(cols);
            return new Binder(codecs, cols,
                    set < 0 ? null : instanceBinders.computeIfAbsent(set, k -> composeInstanceBinder(cols)), true);
        }

        /**
         * {@code (Object instance, ResultSet rs) -> void}: sets {@code fields} (columns of this
         * model, in column order) on the instance from result columns 1, 2, ... of the current
         * row, a null left out for a primitive field. Null for a record or a read-only field, or
         * where {@link #set} is -1.
         */
        MethodHandle filler(List<FieldMeta> fields) {
            long set = meta.isRecord() ? -1 : set(fields);
            if (set < 0) {
                return null;
            }
            MethodHandle h = fillers.computeIfAbsent(set, k -> {
                MethodHandle composed = composeFiller(fields);
                return composed == null ? NO_FILLER : composed;
            });
            return h == NO_FILLER ? null : h;
        }

        /**
         * The set of {@code cols} as bits (bit i: column i); -1 for models of 64 columns or more,
         * or columns out of order (the set would not say the order).
         */
        private long set(List<FieldMeta> cols) {
            if (codecs.length >= Long.SIZE) {
                return -1;
            }
            long set = 0;
            for (FieldMeta f : cols) {
                long bit = 1L << f.position();
                if (set >= bit) {
                    return -1;
                }
                set |= bit;
            }
            return set;
        }

        private MethodHandle composeInstanceBinder(List<FieldMeta> cols) {
            List<MethodHandle> steps = new ArrayList<>(cols.size());
            for (int i = 0; i < cols.size(); i++) {
                FieldMeta f = cols.get(i);
                // (PreparedStatement ps, int index, Object instance) -> codec.bindNullable(ps, index + i, get(instance))
                MethodHandle column = MethodHandles.filterArguments(BIND.bindTo(codecs[f.position()]), 1,
                        MethodHandles.insertArguments(ADD, 1, i));
                steps.add(MethodHandles.filterArguments(column, 2, f.accessor().getter()));
            }
            return RowHandles.sequence(BIND_SOURCE, steps);
        }

        private MethodHandle composeFiller(List<FieldMeta> fields) {
            List<MethodHandle> steps = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                FieldMeta f = fields.get(i);
                MethodHandle store = RowHandles.store(f);
                if (store == null) {
                    return null;
                }
                // (Object instance, ResultSet rs) -> store(instance, codec.read(rs, i + 1))
                steps.add(MethodHandles.collectArguments(store, 1,
                        MethodHandles.insertArguments(READ.bindTo(codecs[f.position()]), 1, i + 1)));
            }
            return RowHandles.sequence(FILL, steps);
        }

        private MethodHandle composeBinder(List<FieldMeta> cols) {
            List<MethodHandle> steps = new ArrayList<>(cols.size());
            for (int i = 0; i < cols.size(); i++) {
                int at = cols.get(i).position();
                // (PreparedStatement ps, int index, Object[] values) -> codec.bindNullable(ps, index + i, values[at])
                MethodHandle column = MethodHandles.filterArguments(BIND.bindTo(codecs[at]), 1,
                        MethodHandles.insertArguments(ADD, 1, i));
                steps.add(MethodHandles.filterArguments(column, 2, MethodHandles.insertArguments(ELEMENT, 1, at)));
            }
            return RowHandles.sequence(BIND_ROW, steps).asType(BIND_SOURCE);
        }
    }

    /** A finisher and the reader's instance handle composed with it. */
    private record Composed(MethodHandle finisher, MethodHandle handle) {
    }

    /**
     * Binds one list of a model's columns, row after row, as parameters of one statement; each
     * row's values are read from an instance or from an array of its column values, as the
     * binder was made for.
     */
    static final class Binder {
        private final ValueCodec[] codecs;
        private final List<FieldMeta> cols;
        /** {@code (PreparedStatement, int index, Object row) -> void}, or null: a loop over the codecs. */
        private final MethodHandle row;
        private final boolean instances;

        private Binder(ValueCodec[] codecs, List<FieldMeta> cols, MethodHandle row, boolean instances) {
            this.codecs = codecs;
            this.cols = cols;
            this.row = row;
            this.instances = instances;
        }

        /**
         * Binds the columns of {@code row} (an instance, or its values in column order) as
         * parameters {@code index} on; adds them to {@code logged} unless null. Returns the next
         * parameter index.
         */
        int bind(PreparedStatement ps, int index, Object row, List<Object> logged) throws SQLException {
            if (this.row == null) {
                for (int i = 0; i < cols.size(); i++) {
                    FieldMeta f = cols.get(i);
                    codecs[f.position()].bindNullable(ps, index + i, value(f, row));
                }
            } else {
                try {
                    this.row.invokeExact(ps, index, row);
                } catch (Throwable t) {
                    throw passThrough(t);
                }
            }
            if (logged != null) {
                for (FieldMeta f : cols) {
                    logged.add(value(f, row));
                }
            }
            return index + cols.size();
        }

        private Object value(FieldMeta f, Object row) {
            return instances ? f.get(row) : ((Object[]) row)[f.position()];
        }
    }

    /** Runs a {@link Reader#filler}: sets its fields on {@code instance} from the current row of {@code rs}. */
    static void fill(MethodHandle filler, Object instance, ResultSet rs) throws SQLException {
        try {
            filler.invokeExact(instance, rs);
        } catch (Throwable t) {
            throw passThrough(t);
        }
    }

    /**
     * What a composed handle threw, to be thrown on: an SQL exception is returned, runtime
     * exceptions and errors are thrown as they are, anything else (no codec throws it) wrapped.
     */
    private static SQLException passThrough(Throwable t) {
        if (t instanceof SQLException e) {
            return e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    /** The codecs of {@code meta}'s columns on {@code dialect}, in field order. */
    static ValueCodec[] of(ModelMeta<?> meta, Dialect dialect) {
        return reader(meta, dialect).codecs;
    }

    /** The reader of {@code meta}'s rows on {@code dialect}. */
    static Reader reader(ModelMeta<?> meta, Dialect dialect) {
        ModelMeta.Slot<Reader> slot = READERS.get(dialect.ordinal());
        Reader reader = meta.cached(slot);
        if (reader == null) {
            List<FieldMeta> cols = meta.columns();
            ValueCodec[] codecs = new ValueCodec[cols.size()];
            for (int i = 0; i < codecs.length; i++) {
                codecs[i] = Codecs.forField(cols.get(i), dialect);
            }
            reader = new Reader(meta, codecs);
            meta.cache(slot, reader);
        }
        return reader;
    }
}
