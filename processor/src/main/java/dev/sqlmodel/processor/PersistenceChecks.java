package dev.sqlmodel.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * The compile-time side of the Jakarta Persistence vocabulary: the same rules the runtime
 * applies to an {@code @jakarta.persistence.Entity} (and the same messages), so a mapping SQLModel
 * cannot follow fails the build instead of the application's start.
 */
final class PersistenceChecks {
    /** Field annotations SQLModel reads. */
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
            Map.entry("CollectionTable", "the values are kept in one column of the entity's table"),
            Map.entry("OrderColumn", COLLECTION),
            Map.entry("MapKey", COLLECTION),
            Map.entry("MapKeyColumn", COLLECTION),
            Map.entry("Convert", "use a field of a supported column type; attribute converters are not run"),
            Map.entry("Converts", "use fields of supported column types; attribute converters are not run"),
            Map.entry("Temporal", "use a java.time type (LocalDate, LocalDateTime, Instant, ...)"),
            Map.entry("SequenceGenerator", "use @GeneratedValue(strategy = GenerationType.IDENTITY)"),
            Map.entry("TableGenerator", "use @GeneratedValue(strategy = GenerationType.IDENTITY)"),
            Map.entry("Inheritance", "map each class to its own table; share fields through a @MappedSuperclass"),
            Map.entry("SecondaryTable", "map the other table with an entity of its own"),
            Map.entry("SecondaryTables", "map the other table with an entity of its own"),
            Map.entry("EntityListeners", "validate with Jakarta Validation or act in the repository"));

    private final Messager messager;
    private final Annotations annotations;
    private final ColumnTypes columnTypes;

    /** Checks that report through {@code messager}. */
    PersistenceChecks(Messager messager, Annotations annotations, ColumnTypes columnTypes) {
        this.messager = messager;
        this.annotations = annotations;
        this.columnTypes = columnTypes;
    }

    /** Class-level rules: one vocabulary, no inheritance between entities, field access, a key. */
    void checkType(ModelDescriptor model) {
        TypeElement type = model.type();
        String name = model.sourceName();
        if (annotations.find(type, Annotations.TABLE).isPresent() && annotations.find(type, Annotations.ENTITY).isPresent()) {
            error(type, name + ": annotated both @dev.sqlmodel.Table and @jakarta.persistence.Entity; use one of them");
            return;
        }
        if (!model.entity()) {
            return;
        }
        for (TypeElement c = type; c != null; c = superclass(c)) {
            for (AnnotationMirror a : c.getAnnotationMirrors()) {
                String simple = persistenceName(a);
                if (simple == null) {
                    continue;
                }
                if (c != type && simple.equals("Entity")) {
                    error(type, name + ": extends the entity " + c.getQualifiedName()
                            + "; entity inheritance is not supported, make the superclass a @MappedSuperclass");
                } else if (!CLASS_ANNOTATIONS.contains(simple)) {
                    error(type, c.getQualifiedName() + ": @" + Annotations.PERSISTENCE + simple + " is not supported; "
                            + INSTEAD.getOrDefault(simple, "remove it, SQLModel does not read it"));
                } else if (simple.equals("Access") && !annotations.constant(a, "value").equals("FIELD")) {
                    error(type, c.getQualifiedName() + ": @Access(" + annotations.constant(a, "value")
                            + ") is not supported; SQLModel reads and writes fields (AccessType.FIELD)");
                } else if (simple.equals("Table")) {
                    checkTable(type, c, a);
                }
            }
            for (ExecutableElement method : ElementFilter.methodsIn(c.getEnclosedElements())) {
                if (isRecordAccessor(c, method)) {
                    continue; // a record component's annotations propagate to its accessor
                }
                for (AnnotationMirror a : method.getAnnotationMirrors()) {
                    String simple = persistenceName(a);
                    if (simple == null) {
                        continue;
                    }
                    boolean callback = simple.startsWith("Pre") || simple.startsWith("Post");
                    error(method, c.getQualifiedName() + "." + method.getSimpleName() + "(): @" + Annotations.PERSISTENCE
                            + simple + " is not supported; " + (callback ? "life-cycle callbacks are not run"
                                    : "annotate the field instead (SQLModel reads and writes fields)"));
                }
            }
        }
        long keys = model.members().stream().filter(this::isKey).count();
        if (keys == 0) {
            error(type, name + ": an @Entity needs an @Id field");
        }
        for (ModelMember member : model.members()) {
            if (keys > 1 && annotations.findPersistence(member.annotated(), "GeneratedValue").isPresent()) {
                error(model, member, "@GeneratedValue on a composite key; a composite key is never generated, so "
                        + "remove it or keep a single @Id");
            }
        }
    }

    private void checkTable(TypeElement type, TypeElement declaring, AnnotationMirror table) {
        if (!annotations.string(table, "catalog").isEmpty()) {
            error(type, declaring.getQualifiedName() + ": @Table(catalog) is not supported; use schema");
        }
        for (Object unique : (List<?>) annotations.value(table, "uniqueConstraints")) {
            AnnotationMirror constraint = (AnnotationMirror) ((AnnotationValue) unique).getValue();
            List<?> columns = (List<?>) annotations.value(constraint, "columnNames");
            if (columns.size() != 1) {
                error(type, declaring.getQualifiedName() + ": unique constraint on "
                        + String.join(", ", columns.stream().map(c -> ((AnnotationValue) c).getValue().toString()).toList())
                        + " is not supported; only single-column unique constraints are (@Column(unique = true))");
            }
        }
        for (Object index : (List<?>) annotations.value(table, "indexes")) {
            AnnotationMirror mirror = (AnnotationMirror) ((AnnotationValue) index).getValue();
            String list = annotations.string(mirror, "columnList");
            if (!list.matches("\\s*[A-Za-z_][A-Za-z0-9_$]*(\\s+(?i:asc|desc))?\\s*")) {
                error(type, declaring.getQualifiedName() + ": index on \"" + list
                        + "\" is not supported; only single-column indexes are");
            }
        }
    }

    /**
     * The rules for one member of a table model. On a {@code @Table} model any Jakarta Persistence
     * annotation is a mistake; on an entity the annotations SQLModel cannot follow are.
     *
     * @return whether the member may stay in the metamodel
     */
    boolean checkMember(ModelDescriptor model, ModelMember member) {
        if (!model.entity()) {
            for (Element e : member.annotated()) {
                for (AnnotationMirror a : e.getAnnotationMirrors()) {
                    String simple = persistenceName(a);
                    if (simple != null) {
                        error(model, member, "@" + Annotations.PERSISTENCE + simple + " on a @dev.sqlmodel.Table model; "
                                + "use @dev.sqlmodel.Field, or annotate the class @jakarta.persistence.Entity instead of "
                                + "@dev.sqlmodel.Table");
                        return false;
                    }
                }
            }
            return true;
        }
        for (Element e : member.annotated()) {
            for (AnnotationMirror a : e.getAnnotationMirrors()) {
                String simple = persistenceName(a);
                if (simple != null && !FIELD_ANNOTATIONS.contains(simple)) {
                    error(model, member, "@" + Annotations.PERSISTENCE + simple + " is not supported; "
                            + INSTEAD.getOrDefault(simple, "remove it, SQLModel does not read it"));
                    return false;
                }
            }
        }
        if (member.isRelationship()) {
            return true;
        }
        boolean fine = true;
        TypeMirror type = member.type();
        if (isElementCollection(model, member) && !isStorableCollection(type)) {
            error(model, member, "@jakarta.persistence.ElementCollection is supported on a Set, List or Collection of "
                    + "String or of an enum only, not " + type + "; " + COLLECTION.replace("store", "store other"));
            return false;
        }
        Optional<AnnotationMirror> column = annotations.findPersistence(member.annotated(), "Column");
        if (column.isPresent() && annotations.findOnAny(member.annotated(), Annotations.FIELD).isPresent()) {
            error(model, member, "has both @dev.sqlmodel.Field and @jakarta.persistence.Column; use one of them");
            fine = false;
        }
        if (column.isPresent()) {
            if (!annotations.string(column.get(), "table").isEmpty()) {
                error(model, member, "@Column(table) is not supported; map the other table with an entity of its own");
            }
            boolean insertable = annotations.bool(column.get(), "insertable");
            boolean updatable = annotations.bool(column.get(), "updatable");
            if (insertable != updatable) {
                error(model, member, "@Column(insertable = " + insertable + ", updatable = " + updatable
                        + ") is not supported; a column is either written (both true) or read-only (both false)");
            }
        }
        Optional<AnnotationMirror> generated = annotations.findPersistence(member.annotated(), "GeneratedValue");
        if (generated.isPresent()) {
            String strategy = annotations.constant(generated.get(), "strategy");
            if (!isKey(member)) {
                error(model, member, "@GeneratedValue needs @Id");
            } else if (!strategy.equals("IDENTITY") && !strategy.equals("AUTO")) {
                error(model, member, "@GeneratedValue(strategy = " + strategy
                        + ") is not supported; use GenerationType.IDENTITY (the database generates the key)");
            } else if (!columnTypes.isIntegerKey(type)) {
                error(model, member, "@GeneratedValue needs an integer key (int, long, short or their boxes), not "
                        + type + "; SQLModel generates no other keys");
            }
        }
        Optional<AnnotationMirror> enumerated = annotations.findPersistence(member.annotated(), "Enumerated");
        if (enumerated.isPresent()) {
            boolean isEnum = type.getKind() == TypeKind.DECLARED
                    && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
            // STRING keeps the name, ORDINAL (as no @Enumerated) the ordinal; the column stays typed by the enum
            if (!isEnum) {
                error(model, member, "@Enumerated applies to enum fields only, not " + type);
            }
        }
        if (annotations.findPersistence(member.annotated(), "Lob").isPresent()
                && !columnTypes.is(type, "java.lang.String") && !isByteArray(type)) {
            error(model, member, "@Lob applies to String and byte[] fields only, not " + type);
        }
        return fine;
    }

    /** Whether a member of an entity is part of its key: {@code @Id}, or {@code @Field(primaryKey = true)}. */
    private boolean isKey(ModelMember member) {
        return annotations.findPersistence(member.annotated(), "Id").isPresent()
                || annotations.findOnAny(member.annotated(), Annotations.FIELD)
                        .map(f -> annotations.bool(f, "primaryKey")).orElse(false);
    }

    /** Whether a member is an entity's {@code @ElementCollection}, kept in one column. */
    boolean isElementCollection(ModelDescriptor model, ModelMember member) {
        return model.entity() && annotations.findPersistence(member.annotated(), "ElementCollection").isPresent();
    }

    /** A {@code Set}, {@code List} or {@code Collection} of strings or of an enum. */
    private boolean isStorableCollection(TypeMirror type) {
        if (!columnTypes.is(type, "java.util.Set") && !columnTypes.is(type, "java.util.List")
                && !columnTypes.is(type, "java.util.Collection")) {
            return false;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeMirror element = arguments.get(0);
        return columnTypes.is(element, "java.lang.String")
                || ((DeclaredType) element).asElement().getKind() == ElementKind.ENUM;
    }

    /** Whether a member is the version: SQLModel's {@code @Version}, or Jakarta Persistence's on an entity. */
    boolean isVersion(ModelDescriptor model, ModelMember member) {
        return annotations.findOnAny(member.annotated(), Annotations.VERSION).isPresent()
                || (model.entity() && annotations.findPersistence(member.annotated(), "Version").isPresent());
    }

    private static boolean isByteArray(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY
                && ((javax.lang.model.type.ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
    }

    private static String persistenceName(AnnotationMirror a) {
        String name = ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
        return name.startsWith(Annotations.PERSISTENCE) ? name.substring(Annotations.PERSISTENCE.length()) : null;
    }

    private static TypeElement superclass(TypeElement type) {
        TypeMirror parent = type.getSuperclass();
        if (parent.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) parent).asElement();
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private static boolean isRecordAccessor(TypeElement type, ExecutableElement method) {
        return type.getKind() == ElementKind.RECORD && method.getParameters().isEmpty()
                && type.getRecordComponents().stream().anyMatch(c -> c.getSimpleName().equals(method.getSimpleName()));
    }

    private void error(ModelDescriptor model, ModelMember member, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, model.sourceName() + "." + member.name() + ": " + message,
                member.site());
    }

    private void error(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
