package dev.sqlmodel.impl.meta;

import dev.sqlmodel.MappingException;
import dev.sqlmodel.Related;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import dev.sqlmodel.RelationshipInfo;
import dev.sqlmodel.Table;
import dev.sqlmodel.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds {@link ModelMeta} from annotations, once per class (cached in a {@link ClassValue},
 * so unloading a deployment's classes releases their metadata). Every rule violation is a
 * {@link MappingException} naming the class and field.
 */
public final class ModelRegistry {
    private static final Pattern FOREIGN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*");

    private static final ClassValue<ModelMeta<?>> CACHE = new ClassValue<>() {
        @Override
        protected ModelMeta<?> computeValue(Class<?> type) {
            return build(type);
        }
    };

    /**
     * Whether a class carries {@code @Table} or {@code @jakarta.persistence.Entity}, cached:
     * annotation lookups are slow on hot paths.
     */
    private static final ClassValue<Boolean> TABLES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isAnnotationPresent(Table.class) || PersistenceAnnotations.isEntity(type);
        }
    };

    /**
     * What {@link #of} finds for a class: its metadata when it is a table model, else
     * {@link #NOT_A_TABLE}; one lookup per call where asking {@link #TABLES} and then
     * {@link #CACHE} took two on every find by key.
     */
    private static final ClassValue<Object> TABLE_MODELS = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            return isTable(type) ? describe(type) : NOT_A_TABLE;
        }
    };
    private static final Object NOT_A_TABLE = new Object();

    private ModelRegistry() {
    }

    /**
     * The metadata of a table model: a class annotated {@code @Table} or {@code @jakarta.persistence.Entity}.
     *
     * @throws MappingException when the class is not a table model or is invalid
     */
    @SuppressWarnings("unchecked")
    public static <M> ModelMeta<M> of(Class<M> type) {
        Object meta = TABLE_MODELS.get(type);
        if (meta == NOT_A_TABLE) {
            throw new MappingException(type.getName() + " is not a @Table model (annotate it with @dev.sqlmodel.Table or "
                    + "@jakarta.persistence.Entity)");
        }
        return (ModelMeta<M>) meta;
    }

    /**
     * The metadata of any model class, {@code @Table} or plain data class.
     *
     * @throws MappingException when the class is invalid
     */
    @SuppressWarnings("unchecked")
    public static <M> ModelMeta<M> describe(Class<M> type) {
        try {
            return (ModelMeta<M>) CACHE.get(type);
        } catch (MappingException e) {
            throw e;
        }
    }

    /** Whether {@code type} is a table model: annotated {@code @Table} or {@code @jakarta.persistence.Entity}. */
    public static boolean isTable(Class<?> type) {
        return TABLES.get(type);
    }

    private static <M> ModelMeta<M> build(Class<M> type) {
        if (type.isInterface() || type.isEnum() || type.isPrimitive() || type.isArray()
                || Modifier.isAbstract(type.getModifiers())) {
            throw new MappingException(type.getName() + " cannot be a model: it must be a concrete class or a record");
        }
        Table table = type.getAnnotation(Table.class);
        boolean entity = PersistenceAnnotations.isEntity(type);
        if (entity && table != null) {
            throw new MappingException(type.getName() + ": annotated both @dev.sqlmodel.Table and "
                    + "@jakarta.persistence.Entity; use one of them");
        }
        EntityMapping jpa = entity ? EntityMapping.of(type) : null;
        String tableName = entity ? jpa.table()
                : table == null || table.name().isEmpty() ? Naming.tableName(type) : table.name();
        String schema = entity ? jpa.schema() : table == null ? "" : table.schema();
        boolean record = type.isRecord();

        List<FieldMeta> fields = new ArrayList<>();
        List<RelationMeta> relations = new ArrayList<>();
        List<Member> members = record ? recordMembers(type) : classMembers(type);

        // The key decides auto-increment, so find key fields first.
        int keyCount = 0;
        for (Member m : members) {
            dev.sqlmodel.Field f = m.element.getAnnotation(dev.sqlmodel.Field.class);
            boolean key = entity ? EntityMapping.key(m.element, f) && !EntityMapping.skipped(m.element)
                    : f != null && f.primaryKey();
            if (key && (f == null || !f.skip()) && !isRelationType(m.type)) {
                keyCount++;
            }
        }
        Set<String> columns = new HashSet<>();
        for (Member m : members) {
            String where = type.getName() + "." + m.name;
            if (entity && EntityMapping.skipped(m.element)) {
                continue;
            }
            if (table != null) {
                refusePersistenceAnnotations(m.element, where);
            }
            if (isRelationType(m.type)) {
                if (entity) {
                    PersistenceAnnotations.refuseUnsupported(m.element, where);
                }
                relations.add(relation(type, m, where));
                continue;
            }
            if (m.element.isAnnotationPresent(Relationship.class)) {
                throw new MappingException(where + ": @Relationship needs a field of type Related<T> or RelatedMany<T>");
            }
            dev.sqlmodel.Field f = m.element.getAnnotation(dev.sqlmodel.Field.class);
            if (f != null && f.skip()) {
                continue;
            }
            boolean version = m.element.isAnnotationPresent(Version.class);
            ColumnOptions options = entity ? jpa.column(m.name, m.type, m.generic, m.element, f, version, where)
                    : ColumnOptions.of(f, Naming.snakeCase(m.name), version);
            if (entity && keyCount > 1 && PersistenceAnnotations.has(m.element, "GeneratedValue")) {
                throw new MappingException(where + ": @GeneratedValue on a composite key; a composite key is never "
                        + "generated, so remove it or keep a single @Id");
            }
            if (options.elementType() == null && !Types.supported(m.type)) {
                throw new MappingException(where + ": unsupported field type " + m.generic.getTypeName());
            }
            FieldMeta meta = column(type, tableName, m, options, keyCount, fields.size(), where);
            if (!columns.add(meta.column().toLowerCase(java.util.Locale.ROOT))) {
                throw new MappingException(where + ": column '" + meta.column() + "' is mapped twice");
            }
            fields.add(meta);
        }
        if (table != null && keyCount == 0) {
            throw new MappingException(type.getName() + ": a @Table model needs a @Field(primaryKey = true) field");
        }
        if (entity) {
            if (keyCount == 0) {
                throw new MappingException(type.getName() + ": an @Entity needs an @Id field");
            }
            jpa.checkTableColumns();
        }
        long versions = fields.stream().filter(FieldMeta::version).count();
        if (versions > 1) {
            throw new MappingException(type.getName() + ": more than one @Version field");
        }
        MethodHandle constructor;
        RecordLayout layout = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            if (record) {
                RecordComponent[] rc = type.getRecordComponents();
                Class<?>[] types = new Class<?>[rc.length];
                int[] columnOf = new int[rc.length];
                Accessor[] others = new Accessor[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    types[i] = rc[i].getType();
                    columnOf[i] = -1;
                    for (FieldMeta fm : fields) {
                        if (fm.name().equals(rc[i].getName())) {
                            columnOf[i] = fm.position();
                        }
                    }
                    if (columnOf[i] < 0) {
                        others[i] = Accessor.forRecordComponent(rc[i]);
                    }
                }
                constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
                layout = new RecordLayout(columnOf, types, others);
            } else {
                constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
            }
        } catch (NoSuchMethodException e) {
            throw new MappingException(type.getName() + (record ? ": record has no usable canonical constructor"
                    : ": a model class needs a no-argument constructor (any visibility)"), e);
        } catch (IllegalAccessException e) {
            throw new MappingException(type.getName() + ": constructor is not accessible", e);
        }
        ModelMeta<M> meta = new ModelMeta<>(type, tableName, schema, table != null || entity, fields, relations,
                constructor, record);
        if (layout != null) {
            meta.recordLayout(layout);
        }
        return meta;
    }

    private static FieldMeta column(Class<?> type, String table, Member m, ColumnOptions o, int keyCount,
            int position, String where) {
        boolean pk = o.primaryKey();
        String column = o.column();
        boolean autoIncrement = pk && keyCount == 1 && o.generated() && Types.integer(m.type);
        boolean notNullAnnotated = m.element.isAnnotationPresent(NotNull.class)
                || m.element.isAnnotationPresent(NotBlank.class) || m.element.isAnnotationPresent(NotEmpty.class);
        boolean nullable = !(m.type.isPrimitive() || pk || notNullAnnotated || o.notNull());
        String indexName = "";
        if (o.index()) {
            indexName = o.indexName().isEmpty() ? "ix_" + table + "_" + column : o.indexName();
        }
        String fk = o.foreignKey();
        if (!fk.isEmpty() && !FOREIGN_KEY.matcher(fk).matches()) {
            throw new MappingException(where + ": foreignKey '" + fk + "' is not of the form table.column");
        }
        int maxLength = o.maxLength();
        Size size = m.element.getAnnotation(Size.class);
        if (maxLength < 0 && size != null && size.max() != Integer.MAX_VALUE) {
            maxLength = size.max();
        }
        if (o.maxLength() >= 0 && m.type != String.class) {
            throw new MappingException(where + ": maxLength applies to String fields only");
        }
        if ((o.maxDigits() >= 0 || o.decimalPlaces() >= 0) && m.type != java.math.BigDecimal.class) {
            throw new MappingException(where + ": maxDigits/decimalPlaces apply to BigDecimal fields only");
        }
        boolean version = o.version();
        if (version && !(Types.box(m.type) == Integer.class || Types.box(m.type) == Long.class)) {
            throw new MappingException(where + ": @Version needs an int or long field");
        }
        Accessor accessor = m.field != null ? Accessor.forField(m.field) : Accessor.forRecordComponent(m.component);
        return new FieldMeta(type, m.name, column, m.type, nullable, pk, autoIncrement, o.unique(), indexName, fk,
                o.onDelete(), o.onUpdate(), maxLength, o.maxDigits(), o.decimalPlaces(), o.sqlDefault(), o.sqlType(),
                o.computed(), version, position, accessor, o.elementType(), o.ordinal());
    }

    /** A {@code @Table} model speaks SQLModel's vocabulary only: a Jakarta Persistence annotation there is a mistake. */
    private static void refusePersistenceAnnotations(AnnotatedElement element, String where) {
        for (java.lang.annotation.Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().startsWith("jakarta.persistence.")) {
                throw new MappingException(where + ": @" + a.annotationType().getName() + " on a @dev.sqlmodel.Table "
                        + "model; use @dev.sqlmodel.Field, or annotate the class @jakarta.persistence.Entity instead of "
                        + "@dev.sqlmodel.Table");
            }
        }
    }

    private static RelationMeta relation(Class<?> type, Member m, String where) {
        Relationship r = m.element.getAnnotation(Relationship.class);
        if (!(m.generic instanceof ParameterizedType pt) || !(pt.getActualTypeArguments()[0] instanceof Class<?> target)) {
            throw new MappingException(where + ": relationship needs a concrete target type, e.g. Related<Team>");
        }
        boolean many = m.type == RelatedMany.class;
        Class<?> link = r == null || r.linkModel() == void.class ? null : r.linkModel();
        if (link != null && !many) {
            throw new MappingException(where + ": linkModel needs a RelatedMany field");
        }
        if (link != null && !isTable(link)) {
            throw new MappingException(where + ": linkModel " + link.getName() + " is not a @Table model");
        }
        RelationshipInfo.Kind kind = !many ? RelationshipInfo.Kind.MANY_TO_ONE
                : link != null ? RelationshipInfo.Kind.MANY_TO_MANY : RelationshipInfo.Kind.ONE_TO_MANY;
        Accessor accessor = m.field != null ? Accessor.forField(m.field) : Accessor.forRecordComponent(m.component);
        return new RelationMeta(type, m.name, kind, target, link, r == null ? "" : r.backPopulates(),
                r != null && r.cascadeDelete(), r != null && r.passiveDeletes(), r == null ? "" : r.foreignKey(),
                accessor);
    }

    private static boolean isRelationType(Class<?> t) {
        return t == Related.class || t == RelatedMany.class;
    }

    private static List<Member> classMembers(Class<?> type) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.push(c);
        }
        List<Member> members = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                int mod = field.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || field.isSynthetic()) {
                    continue;
                }
                members.add(new Member(field.getName(), field.getType(), field.getGenericType(), field, field, null));
            }
        }
        return members;
    }

    private static List<Member> recordMembers(Class<?> type) {
        List<Member> members = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            // Annotations on a record component land on the component and, for FIELD targets, on the field.
            AnnotatedElement element = rc;
            try {
                Field backing = type.getDeclaredField(rc.getName());
                element = new Merged(rc, backing);
            } catch (NoSuchFieldException e) {
                // keep the component
            }
            members.add(new Member(rc.getName(), rc.getType(), rc.getGenericType(), element, null, rc));
        }
        return members;
    }

    private record Member(String name, Class<?> type, Type generic, AnnotatedElement element, Field field,
            RecordComponent component) {
    }

    /** Annotations of a record component and its backing field, seen as one element. */
    private record Merged(AnnotatedElement first, AnnotatedElement second) implements AnnotatedElement {
        @Override
        public <A extends java.lang.annotation.Annotation> A getAnnotation(Class<A> annotationClass) {
            A a = first.getAnnotation(annotationClass);
            return a != null ? a : second.getAnnotation(annotationClass);
        }

        @Override
        public java.lang.annotation.Annotation[] getAnnotations() {
            List<java.lang.annotation.Annotation> all = new ArrayList<>(List.of(first.getAnnotations()));
            all.addAll(List.of(second.getAnnotations()));
            return all.toArray(new java.lang.annotation.Annotation[0]);
        }

        @Override
        public java.lang.annotation.Annotation[] getDeclaredAnnotations() {
            return getAnnotations();
        }
    }
}
