package dev.sqlmodel.impl.session;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.ast.SelectNode;
import dev.sqlmodel.impl.meta.Convert;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.meta.Naming;
import dev.sqlmodel.impl.sql.Compiled;
import dev.sqlmodel.impl.types.Codecs;
import dev.sqlmodel.impl.types.OrdinalCodec;
import dev.sqlmodel.impl.types.ValueCodec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns result rows into results, reading every column by index with a codec chosen once
 * per query. Models go through the session's identity map, so a row whose key is already
 * attached yields the attached instance.
 */
final class RowReader {
    /** Materializes a model from its column values (identity-map aware). */
    interface Models {
        Object load(ModelMeta<?> meta, Object[] values);

        /** Makes room for {@code rows} instances about to be loaded (by default nothing). */
        default void expect(int rows) {
        }
    }

    /**
     * Models whose rows may be read straight into new instances (a stateless session: no
     * identity map, no snapshot), each one then finished by a handle of the session's.
     */
    interface Instances extends Models {
        /**
         * The handle, typed {@code (Object instance)Object}, that turns an instance just read
         * from a row of {@code meta}'s table into the result (null for a row without key); null
         * when rows of {@code meta} must be read through their values.
         */
        MethodHandle finisher(ModelMeta<?> meta);
    }

    private final Kind kind;
    private final ModelMeta<?> meta;
    private final ModelCodecs.Reader reader;
    private final int offset;
    private final ValueCodec scalar;
    private final Class<?> scalarType;
    private final List<Compiled.Item> items;
    /** Per item of a ROW: the reader of a model item, else null. */
    private final List<ModelCodecs.Reader> itemReaders = new ArrayList<>();
    /** Per item of a ROW: the codec of a value item, else null. */
    private final List<ValueCodec> itemCodecs;
    private final List<Object> rowKeys;
    private final Models models;
    private final Dialect dialect;
    private final Class<?> into;
    private int expectedRows = 10;
    /** Whether a LIMIT bounds the number of rows (and so {@link #expectedRows}). */
    private boolean bounded;
    /**
     * {@code (ResultSet, int offset) -> Object}: a row read straight into a finished instance
     * (see {@link Instances}); null when model rows are read through their values.
     */
    private final MethodHandle straight;
    private Dto dto;

    private enum Kind { MODEL, SCALAR, ROW, INTO }

    RowReader(Compiled compiled, List<Object> rowKeys, Models models, Dialect dialect) {
        this.items = compiled.items();
        this.models = models;
        this.dialect = dialect;
        this.rowKeys = rowKeys;
        this.into = compiled.into();
        SelectNode.Shape shape = compiled.shape();
        if (into != null) {
            kind = Kind.INTO;
        } else if (shape == SelectNode.Shape.MODEL && items.size() == 1 && items.get(0) instanceof Compiled.ModelItem) {
            kind = Kind.MODEL;
        } else if (shape == SelectNode.Shape.SCALAR) {
            kind = Kind.SCALAR;
        } else {
            kind = Kind.ROW;
        }
        if (kind == Kind.MODEL) {
            Compiled.ModelItem mi = (Compiled.ModelItem) items.get(0);
            meta = mi.meta();
            reader = ModelCodecs.reader(meta, dialect);
            offset = mi.offset();
        } else {
            meta = null;
            reader = null;
            offset = 0;
        }
        MethodHandle finisher = kind == Kind.MODEL && models instanceof Instances i && reader.readsInstances()
                ? i.finisher(meta) : null;
        straight = finisher == null ? null : reader.instanceThen(finisher);
        if (kind == Kind.SCALAR) {
            Compiled.ValueItem vi = (Compiled.ValueItem) items.get(0);
            scalarType = vi.type();
            scalar = codecOf(vi, dialect);
        } else {
            scalarType = null;
            scalar = null;
        }
        itemCodecs = new ArrayList<>();
        if (kind == Kind.ROW) {
            for (Compiled.Item item : items) {
                if (item instanceof Compiled.ModelItem mi) {
                    itemReaders.add(ModelCodecs.reader(mi.meta(), dialect));
                    itemCodecs.add(null);
                } else {
                    itemReaders.add(null);
                    itemCodecs.add(codecOf((Compiled.ValueItem) item, dialect));
                }
            }
        }
    }

    /**
     * A selected column reads with its field's codec (SQLite decimals keep their declared
     * scale), and so do SUM, MIN and MAX of a column: their value has the column's type, and
     * SQLite, which adds decimals as binary numbers, would otherwise give 0.30000000000000004
     * for 0.10 + 0.20 where the other databases give 0.30. A sum of narrower integers is read
     * as a long and then converted exactly, so a sum past the type's range is an error on every
     * database (sqlite-jdbc's getInt would cut it silently).
     */
    private static ValueCodec codecOf(Compiled.ValueItem item, Dialect dialect) {
        Object e = item.expr() instanceof dev.sqlmodel.ast.Named<?> n ? n.expr() : item.expr();
        if (e instanceof dev.sqlmodel.ast.Fn<?> f && f.args().size() == 1) {
            switch (f.kind()) {
                case SUM -> {
                    Class<?> t = dev.sqlmodel.impl.meta.Types.box(item.type());
                    if (dev.sqlmodel.impl.meta.Types.integer(t) && t != Long.class) {
                        return Codecs.forType(Long.class, dialect);
                    }
                    e = f.args().get(0);
                }
                case MIN, MAX -> e = f.args().get(0);
                default -> {
                }
            }
        }
        if (e instanceof dev.sqlmodel.ast.ColumnRef<?, ?> c && ModelRegistry.isTable(c.model())) {
            return Codecs.forField(ModelRegistry.of(c.model()).requireField(c.field()), dialect);
        }
        return Codecs.forType(item.type(), dialect);
    }

    /** How many rows the query is expected to return at most (a small LIMIT), for sizing the result list. */
    RowReader expectRows(Long limit) {
        if (limit != null && limit > 0) {
            bounded = true;
            expectedRows = (int) Math.min(limit, 1024);
        }
        return this;
    }

    int expectedRows() {
        return expectedRows;
    }

    /**
     * Whether rows are best read with {@link #values} and then made instances with
     * {@link #model}: rows of a single model attached one by one, of a query whose row count
     * no LIMIT bounds.
     */
    boolean readsValuesFirst() {
        return kind == Kind.MODEL && straight == null && !bounded;
    }

    /** The model's column values of the current row (rows of a single model only). */
    Object[] values(ResultSet rs) throws SQLException {
        return reader.read(rs, offset);
    }

    /** The instance for values read by {@link #values} (rows of a single model only). */
    Object model(Object[] values) {
        return models.load(meta, values);
    }

    /**
     * Tells the session that about {@code rows} rows are about to be read, when each is one
     * model it attaches (results of other shapes reserve nothing).
     */
    void expect(int rows) {
        if (kind == Kind.MODEL && straight == null) {
            models.expect(rows);
        }
    }

    Object read(ResultSet rs) throws SQLException {
        switch (kind) {
            case MODEL: {
                if (straight != null) {
                    try {
                        return reader.instance(straight, rs, offset);
                    } catch (ClassCastException e) {
                        // a value of the wrong type: the path through the values names the field
                        return models.load(meta, reader.read(rs, offset));
                    }
                }
                return models.load(meta, reader.read(rs, offset));
            }
            case SCALAR: {
                Object v = scalar.read(rs, 1);
                return v == null || scalarType.isInstance(v) ? v : Convert.to(scalarType, v, null);
            }
            case ROW: {
                Object[] values = new Object[items.size()];
                for (int i = 0; i < values.length; i++) {
                    Compiled.Item item = items.get(i);
                    if (item instanceof Compiled.ModelItem mi) {
                        values[i] = models.load(mi.meta(), itemReaders.get(i).read(rs, mi.offset()));
                    } else {
                        Compiled.ValueItem vi = (Compiled.ValueItem) item;
                        Object v = itemCodecs.get(i).read(rs, vi.column());
                        values[i] = v == null || vi.type().isInstance(v) ? v : Convert.to(vi.type(), v, null);
                    }
                }
                return new RowImpl(rowKeys, values);
            }
            default: {
                if (dto == null) {
                    dto = new Dto(into, rs.getMetaData(), dialect, models, ordinalColumns(rs.getMetaData()));
                }
                return dto.read(rs);
            }
        }
    }

    /**
     * The codec of each result column (1-based, null where none) that holds an enum by its ordinal,
     * found from the select list: a DTO component of that enum reads it as the column's own codec
     * would, not by name.
     */
    private OrdinalCodec[] ordinalColumns(ResultSetMetaData md) throws SQLException {
        OrdinalCodec[] byColumn = new OrdinalCodec[md.getColumnCount() + 1];
        for (Compiled.Item item : items) {
            if (item instanceof Compiled.ModelItem mi) {
                ValueCodec[] codecs = ModelCodecs.of(mi.meta(), dialect);
                for (int k = 0; k < codecs.length && mi.offset() + k + 1 < byColumn.length; k++) {
                    if (codecs[k] instanceof OrdinalCodec o) {
                        byColumn[mi.offset() + k + 1] = o;
                    }
                }
            } else if (item instanceof Compiled.ValueItem vi && vi.column() < byColumn.length
                    && codecOf(vi, dialect) instanceof OrdinalCodec o) {
                byColumn[vi.column()] = o;
            }
        }
        return byColumn;
    }

    /**
     * Maps result columns to a record, a model, a {@code Row} or a plain class by label:
     * component or field {@code fooBar} takes column {@code foo_bar} or {@code fooBar},
     * ignoring case. A single-column result read as a scalar type is that value.
     */
    private static final class Dto {
        private final Class<?> type;
        private final int[] columnOf;
        private final ValueCodec[] codecs;
        private final Class<?>[] types;
        private final MethodHandle constructor;
        private final MethodHandle[] setters;
        private final boolean record;
        private final boolean scalar;
        private final ModelMeta<?> model;
        private final Models models;
        private final List<Object> labels;

        Dto(Class<?> type, ResultSetMetaData md, Dialect dialect, Models models, OrdinalCodec[] ordinals)
                throws SQLException {
            this.type = type;
            this.models = models;
            int n = md.getColumnCount();
            Map<String, Integer> byLabel = new HashMap<>();
            List<Object> labelList = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String label = md.getColumnLabel(i);
                byLabel.putIfAbsent(label.toLowerCase(Locale.ROOT), i);
                byLabel.putIfAbsent(label.replace("_", "").toLowerCase(Locale.ROOT), i);
                labelList.add(label);
            }
            this.labels = labelList;
            this.scalar = dev.sqlmodel.impl.meta.Types.supported(type) || type == Object.class;
            this.model = !scalar && ModelRegistry.isTable(type) ? ModelRegistry.of(type) : null;
            this.record = type.isRecord();
            if (scalar) {
                columnOf = new int[] {1};
                codecs = new ValueCodec[] {Codecs.forType(type, dialect)};
                types = new Class<?>[] {type};
                constructor = null;
                setters = null;
                return;
            }
            if (type == dev.sqlmodel.Row.class) {
                columnOf = new int[n];
                codecs = new ValueCodec[n];
                types = new Class<?>[n];
                for (int i = 0; i < n; i++) {
                    columnOf[i] = i + 1;
                    codecs[i] = Codecs.forType(Object.class, dialect);
                    types[i] = Object.class;
                }
                constructor = null;
                setters = null;
                return;
            }
            List<String> names = new ArrayList<>();
            List<Class<?>> fieldTypes = new ArrayList<>();
            List<Field> fields = new ArrayList<>();
            if (model != null) {
                for (var f : model.columns()) {
                    names.add(f.name());
                    fieldTypes.add(f.javaType());
                }
            } else if (record) {
                for (RecordComponent rc : type.getRecordComponents()) {
                    names.add(rc.getName());
                    fieldTypes.add(rc.getType());
                }
            } else {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                            names.add(f.getName());
                            fieldTypes.add(f.getType());
                            fields.add(f);
                        }
                    }
                }
            }
            columnOf = new int[names.size()];
            codecs = new ValueCodec[names.size()];
            types = fieldTypes.toArray(new Class<?>[0]);
            for (int i = 0; i < columnOf.length; i++) {
                String name = names.get(i);
                Integer col = byLabel.get(name.toLowerCase(Locale.ROOT));
                if (col == null) {
                    col = byLabel.get(Naming.snakeCase(name).toLowerCase(Locale.ROOT));
                }
                columnOf[i] = col == null ? -1 : col;
                if (model != null) {
                    codecs[i] = Codecs.forField(model.columns().get(i), dialect);
                } else if (col != null && ordinals[col] != null && ordinals[col].enumType() == types[i]) {
                    codecs[i] = ordinals[col];
                } else {
                    codecs[i] = Codecs.forType(types[i], dialect);
                }
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                if (model != null) {
                    constructor = null;
                    setters = null;
                } else if (record) {
                    constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
                    setters = null;
                } else {
                    constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
                    setters = new MethodHandle[fields.size()];
                    for (int i = 0; i < setters.length; i++) {
                        setters[i] = lookup.unreflectSetter(fields.get(i));
                    }
                }
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new MappingException(type.getName() + ": cannot be built from a result row (needs a record, "
                        + "or a class with a no-argument constructor): " + e.getMessage(), e);
            }
        }

        Object read(ResultSet rs) throws SQLException {
            if (scalar) {
                Object v = codecs[0].read(rs, 1);
                return v == null || dev.sqlmodel.impl.meta.Types.box(type).isInstance(v) ? v : Convert.to(type, v, null);
            }
            Object[] values = new Object[columnOf.length];
            for (int i = 0; i < values.length; i++) {
                if (columnOf[i] > 0) {
                    Object v = codecs[i].read(rs, columnOf[i]);
                    values[i] = v == null || dev.sqlmodel.impl.meta.Types.box(types[i]).isInstance(v) ? v
                            : Convert.to(types[i], v, null);
                }
            }
            if (type == dev.sqlmodel.Row.class) {
                return new RowImpl(labels, values);
            }
            if (model != null) {
                return models.load(model, values);
            }
            try {
                if (record) {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null && types[i].isPrimitive()) {
                            values[i] = Convert.zero(types[i]);
                        }
                    }
                    return constructor.invokeWithArguments(values);
                }
                Object o = constructor.invoke();
                for (int i = 0; i < values.length; i++) {
                    if (columnOf[i] > 0 && !(values[i] == null && types[i].isPrimitive())) {
                        setters[i].invoke(o, values[i]);
                    }
                }
                return o;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new MappingException(type.getName() + ": cannot be built from a result row: " + t, t);
            }
        }
    }
}
