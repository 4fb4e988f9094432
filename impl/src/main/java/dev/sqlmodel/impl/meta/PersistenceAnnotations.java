package dev.sqlmodel.impl.meta;

import dev.sqlmodel.MappingException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Jakarta Persistence annotations of an {@code @jakarta.persistence.Entity} model by
 * name. jakarta.persistence-api is an optional dependency: matching annotation types by name and
 * reading their members reflectively means this class never links against it, so a runtime
 * without the API loads it fine (and then simply sees no entity, since the JVM drops
 * annotations whose type it cannot load). Reading happens once per model, when its metadata
 * is built, so the reflection costs nothing on the data path.
 */
final class PersistenceAnnotations {
    private static final String PACKAGE = "jakarta.persistence.";

    /** Field annotations that map onto a column option. */
    private static final Set<String> FIELD_ANNOTATIONS = Set.of("Id", "Column", "GeneratedValue", "Version",
            "Transient", "Enumerated", "Basic", "Lob", "ElementCollection");

    /** Class annotations that change nothing SQLModel would map differently. */
    private static final Set<String> CLASS_ANNOTATIONS = Set.of("Entity", "Table", "IdClass", "Access", "Cacheable",
            "MappedSuperclass");

    private static final String TO_ONE = "map the foreign key as a column with @dev.sqlmodel.Field(foreignKey = "
            + "\"table.column\") and the related model as a dev.sqlmodel.Related<T> field";
    private static final String TO_MANY = "use a dev.sqlmodel.RelatedMany<T> field (with @dev.sqlmodel.Relationship "
            + "for a link table)";
    private static final String EMBEDDED = "declare the embedded fields in the entity itself";
    private static final String COLLECTION = "store the values in a model of their own, with a foreign key to this one";

    /** What to write instead of a mapping annotation SQLModel does not read. */
    private static final Map<String, String> INSTEAD = Map.ofEntries(
            Map.entry("ManyToOne", TO_ONE),
            Map.entry("OneToOne", TO_ONE),
            Map.entry("JoinColumn", TO_ONE),
            Map.entry("JoinColumns", TO_ONE),
            Map.entry("MapsId", TO_ONE),
            Map.entry("OneToMany", TO_MANY),
            Map.entry("ManyToMany", TO_MANY),
            Map.entry("JoinTable", TO_MANY),
            Map.entry("OrderBy", "order the rows in the query instead"),
            Map.entry("Embedded", EMBEDDED),
            Map.entry("EmbeddedId", "declare the key's fields in the entity, each with @Id (a composite key)"),
            Map.entry("AttributeOverride", EMBEDDED),
            Map.entry("AttributeOverrides", EMBEDDED),
            Map.entry("AssociationOverride", EMBEDDED),
            Map.entry("AssociationOverrides", EMBEDDED),
            Map.entry("CollectionTable", "the values are kept in one column of the entity's table"),
            Map.entry("OrderColumn", COLLECTION),
            Map.entry("MapKey", COLLECTION),
            Map.entry("MapKeyColumn", COLLECTION),
            Map.entry("MapKeyClass", COLLECTION),
            Map.entry("MapKeyEnumerated", COLLECTION),
            Map.entry("MapKeyTemporal", COLLECTION),
            Map.entry("MapKeyJoinColumn", COLLECTION),
            Map.entry("Convert", "use a field of a supported column type; attribute converters are not run"),
            Map.entry("Converts", "use fields of supported column types; attribute converters are not run"),
            Map.entry("Temporal", "use a java.time type (LocalDate, LocalDateTime, Instant, ...)"),
            Map.entry("SequenceGenerator", "use @GeneratedValue(strategy = GenerationType.IDENTITY)"),
            Map.entry("TableGenerator", "use @GeneratedValue(strategy = GenerationType.IDENTITY)"),
            Map.entry("Inheritance", "map each class to its own table; share fields through a @MappedSuperclass"),
            Map.entry("DiscriminatorColumn", "map each class to its own table"),
            Map.entry("DiscriminatorValue", "map each class to its own table"),
            Map.entry("SecondaryTable", "map the other table with an entity of its own"),
            Map.entry("SecondaryTables", "map the other table with an entity of its own"),
            Map.entry("EntityListeners", "validate with Jakarta Validation or act in the repository"));

    private PersistenceAnnotations() {
    }

    /** Whether {@code type} carries {@code @jakarta.persistence.Entity}. */
    static boolean isEntity(Class<?> type) {
        return find(type, "Entity") != null;
    }

    /** The annotation {@code jakarta.persistence.<simpleName>} on {@code element}, or null. */
    static Annotation find(AnnotatedElement element, String simpleName) {
        String name = PACKAGE + simpleName;
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Whether {@code element} carries {@code jakarta.persistence.<simpleName>}. */
    static boolean has(AnnotatedElement element, String simpleName) {
        return find(element, simpleName) != null;
    }

    /** The value of {@code member} of {@code annotation}. */
    static Object value(Annotation annotation, String member) {
        try {
            Method m = annotation.annotationType().getMethod(member);
            return m.invoke(annotation);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MappingException("cannot read " + member + " of " + annotation, e);
        } catch (InvocationTargetException e) {
            throw new MappingException("cannot read " + member + " of " + annotation, e.getCause());
        }
    }

    /** A string member. */
    static String string(Annotation annotation, String member) {
        return (String) value(annotation, member);
    }

    /** A boolean member. */
    static boolean bool(Annotation annotation, String member) {
        return (Boolean) value(annotation, member);
    }

    /** An int member. */
    static int integer(Annotation annotation, String member) {
        return (Integer) value(annotation, member);
    }

    /** The constant name of an enum member ({@code GenerationType.IDENTITY} gives {@code "IDENTITY"}). */
    static String constant(Annotation annotation, String member) {
        return ((Enum<?>) value(annotation, member)).name();
    }

    /** An annotation-array member. */
    static Annotation[] annotations(Annotation annotation, String member) {
        return (Annotation[]) value(annotation, member);
    }

    /** Whether an int member still has its default value (as declared by the annotation type). */
    static boolean isDefault(Annotation annotation, String member) {
        try {
            Method m = annotation.annotationType().getMethod(member);
            return m.getDefaultValue() != null && m.getDefaultValue().equals(m.invoke(annotation));
        } catch (ReflectiveOperationException e) {
            throw new MappingException("cannot read " + member + " of " + annotation, e);
        }
    }

    /** The default table name of an entity: its entity name lower-cased. */
    static String tableName(Class<?> type) {
        String entityName = string(find(type, "Entity"), "name");
        return (entityName.isEmpty() ? type.getSimpleName() : entityName).toLowerCase(Locale.ROOT);
    }

    /** The default column name of an entity's field: the field name lower-cased. */
    static String columnName(String field) {
        return field.toLowerCase(Locale.ROOT);
    }

    /**
     * Refuses the Jakarta Persistence annotations on a field that SQLModel does not read, naming
     * what to use instead. {@code where} is {@code Model.field}.
     */
    static void refuseUnsupported(AnnotatedElement element, String where) {
        for (Annotation a : element.getAnnotations()) {
            String name = a.annotationType().getName();
            if (!name.startsWith(PACKAGE)) {
                continue;
            }
            String simple = name.substring(PACKAGE.length());
            if (!FIELD_ANNOTATIONS.contains(simple)) {
                throw new MappingException(where + ": @" + name + " is not supported; "
                        + INSTEAD.getOrDefault(simple, "remove it, SQLModel does not read it"));
            }
        }
    }

    /**
     * Refuses the annotations of {@code type}, its superclasses and their methods that change the
     * mapping in ways SQLModel does not follow.
     */
    static void refuseUnsupported(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation a : c.getDeclaredAnnotations()) {
                String name = a.annotationType().getName();
                if (!name.startsWith(PACKAGE)) {
                    continue;
                }
                String simple = name.substring(PACKAGE.length());
                if (c != type && simple.equals("Entity")) {
                    throw new MappingException(type.getName() + ": extends the entity " + c.getName()
                            + "; entity inheritance is not supported, make the superclass a @MappedSuperclass");
                }
                if (!CLASS_ANNOTATIONS.contains(simple)) {
                    throw new MappingException(c.getName() + ": @" + name + " is not supported; "
                            + INSTEAD.getOrDefault(simple, "remove it, SQLModel does not read it"));
                }
                if (simple.equals("Access") && !constant(a, "value").equals("FIELD")) {
                    throw new MappingException(c.getName() + ": @Access(" + constant(a, "value")
                            + ") is not supported; SQLModel reads and writes fields (AccessType.FIELD)");
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isRecordAccessor(c, m)) {
                    continue; // a record component's annotations propagate to its accessor
                }
                for (Annotation a : m.getDeclaredAnnotations()) {
                    String name = a.annotationType().getName();
                    if (!name.startsWith(PACKAGE)) {
                        continue;
                    }
                    String simple = name.substring(PACKAGE.length());
                    boolean callback = simple.startsWith("Pre") || simple.startsWith("Post");
                    throw new MappingException(c.getName() + "." + m.getName() + "(): @" + name + " is not supported; "
                            + (callback ? "life-cycle callbacks are not run"
                                    : "annotate the field instead (SQLModel reads and writes fields)"));
                }
            }
        }
    }

    private static boolean isRecordAccessor(Class<?> c, Method m) {
        if (!c.isRecord() || m.getParameterCount() != 0) {
            return false;
        }
        for (var component : c.getRecordComponents()) {
            if (component.getName().equals(m.getName())) {
                return true;
            }
        }
        return false;
    }
}
