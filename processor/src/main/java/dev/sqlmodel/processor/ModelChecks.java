package dev.sqlmodel.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reports the mistakes in a model that would otherwise only surface when the application
 * starts. Every problem is reported, so one compile lists them all; members that would make the
 * generated metamodel fail to compile are left out of it.
 */
final class ModelChecks {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUALIFIED_COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*");

    private final Messager messager;
    private final Types types;
    private final Annotations annotations;
    private final ColumnTypes columnTypes;
    private final PersistenceChecks persistence;

    /** Checks that report through {@code messager}. */
    ModelChecks(Messager messager, Types types, Annotations annotations, ColumnTypes columnTypes) {
        this.messager = messager;
        this.types = types;
        this.annotations = annotations;
        this.columnTypes = columnTypes;
        this.persistence = new PersistenceChecks(messager, annotations, columnTypes);
    }

    /**
     * Checks {@code model} and reports each problem as a compile error.
     *
     * @return the model with only the members a metamodel can be generated for, or empty when
     *     no metamodel can be generated at all (the type cannot be named from its package)
     */
    Optional<ModelDescriptor> check(ModelDescriptor model) {
        if (!checkType(model)) {
            return Optional.empty();
        }
        persistence.checkType(model);
        List<ModelMember> kept = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ModelMember member : model.members()) {
            // A refused Jakarta Persistence annotation explains the member better than its type could.
            boolean fine = persistence.checkMember(model, member)
                    && (member.isRelationship() ? checkRelationship(model, member) : checkColumn(model, member));
            if (!names.add(member.name())) {
                error(model, member, "field hides another field of the same name; a model has one column per name");
                fine = false;
            }
            if (fine) {
                kept.add(member);
            }
        }
        checkVersions(model);
        checkAutoIncrementKeys(model);
        return Optional.of(model.withMembers(kept));
    }

    /** Kind, nesting and constructors. Returns false when the type cannot be named by generated code. */
    private boolean checkType(ModelDescriptor model) {
        TypeElement type = model.type();
        String name = model.sourceName();
        String kind = model.entity() ? "@Entity" : "@Table";
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            error(type, name + ": " + kind + " needs a class or a record, not " + describeKind(type.getKind()));
            return false;
        }
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            error(type, name + ": a " + kind + " model must be a top-level class or a static nested class");
            return false;
        }
        if (type.getKind() == ElementKind.RECORD) {
            return checkRecordConstructor(model);
        }
        boolean referable = ColumnTypes.isVisibleInPackage(type);
        if (!referable) {
            error(type, name + ": a " + kind + " model must not be private (nor nested in a private class)");
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            error(type, name + ": a " + kind + " model must not be abstract");
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                && !isInterfaceMember(type)) {
            error(type, name + ": a nested " + kind + " model must be static, so that it can be created without an outer instance");
        }
        boolean hasNoArgConstructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty());
        if (!hasNoArgConstructor) {
            error(type, "model " + name + " has no no-argument constructor (any visibility will do)");
        }
        return referable;
    }

    private boolean checkRecordConstructor(ModelDescriptor model) {
        TypeElement record = model.type();
        List<? extends RecordComponentElement> components = record.getRecordComponents();
        Optional<ExecutableElement> canonical = ElementFilter.constructorsIn(record.getEnclosedElements()).stream()
                .filter(c -> c.getParameters().size() == components.size())
                .filter(c -> {
                    for (int i = 0; i < components.size(); i++) {
                        if (!types.isSameType(types.erasure(c.getParameters().get(i).asType()),
                                types.erasure(components.get(i).asType()))) {
                            return false;
                        }
                    }
                    return true;
                })
                .findFirst();
        boolean usable = ColumnTypes.isVisibleInPackage(record)
                && canonical.map(c -> !c.getModifiers().contains(Modifier.PRIVATE)).orElse(true);
        if (!usable) {
            error(record, "record model " + model.sourceName()
                    + " has no canonical constructor the mapper can use (the record or a class enclosing it is private)");
        }
        return usable;
    }

    private boolean checkColumn(ModelDescriptor model, ModelMember member) {
        TypeMirror type = member.type();
        if (annotations.findOnAny(member.annotated(), Annotations.RELATIONSHIP).isPresent()) {
            // The field is meant as a relationship; "unsupported column type" would point the wrong way.
            error(model, member, "@Relationship needs a Related<...> or RelatedMany<...> field, not " + type);
            return false;
        }
        if (!columnTypes.isSupported(type) && !persistence.isElementCollection(model, member)) {
            // An unresolved type is already a javac error of its own; a second message would only add noise.
            if (!columnTypes.isUnresolved(type)) {
                error(model, member, "unsupported field type " + type);
            }
            return false;
        }
        Optional<AnnotationMirror> field = annotations.findOnAny(member.annotated(), Annotations.FIELD);
        if (field.isPresent()) {
            checkFieldOptions(model, member, field.get());
        }
        if (type.getKind() == TypeKind.DECLARED && !ColumnTypes.isVisibleInPackage(types.asElement(type))) {
            error(model, member, "field type " + type + " is private, so the metamodel cannot name it");
            return false;
        }
        return true;
    }

    private void checkFieldOptions(ModelDescriptor model, ModelMember member, AnnotationMirror field) {
        String foreignKey = annotations.string(field, "foreignKey");
        if (!foreignKey.isEmpty() && !QUALIFIED_COLUMN.matcher(foreignKey).matches()) {
            error(model, member, "foreignKey \"" + foreignKey + "\" must have the form table.column");
        }
        boolean decimal = columnTypes.is(member.type(), "java.math.BigDecimal");
        if (annotations.integer(field, "maxDigits") != -1 && !decimal) {
            error(model, member, "maxDigits applies to BigDecimal fields only, not " + member.type());
        }
        if (annotations.integer(field, "decimalPlaces") != -1 && !decimal) {
            error(model, member, "decimalPlaces applies to BigDecimal fields only, not " + member.type());
        }
        if (annotations.integer(field, "maxLength") != -1 && !columnTypes.is(member.type(), "java.lang.String")) {
            error(model, member, "maxLength applies to String fields only, not " + member.type());
        }
    }

    private boolean checkRelationship(ModelDescriptor model, ModelMember member) {
        boolean fine = true;
        Optional<TypeElement> target = columnTypes.relationshipTarget(member.type());
        if (target.isEmpty()) {
            if (!columnTypes.isUnresolved(member.type())) {
                error(model, member, "a relationship needs a model class as its type argument, not " + member.type());
            }
            fine = false;
        } else if (!ColumnTypes.isVisibleInPackage(target.get())) {
            error(model, member, "relationship target " + target.get().getQualifiedName()
                    + " is private, so the metamodel cannot name it");
            fine = false;
        }
        Optional<AnnotationMirror> relationship = annotations.findOnAny(member.annotated(), Annotations.RELATIONSHIP);
        if (relationship.isPresent()) {
            checkRelationshipOptions(model, member, relationship.get());
        }
        return fine;
    }

    private void checkRelationshipOptions(ModelDescriptor model, ModelMember member, AnnotationMirror relationship) {
        TypeMirror linkModel = annotations.type(relationship, "linkModel");
        if (linkModel.getKind() != TypeKind.VOID) {
            if (member.kind() == ModelMember.Kind.TO_ONE) {
                error(model, member, "linkModel is only allowed on a RelatedMany field, not on Related");
            }
            Element link = types.asElement(linkModel);
            if (link == null || !annotations.isModel(link)) {
                error(model, member, "linkModel " + linkModel + " is not a @Table model");
            }
        }
        String foreignKey = annotations.string(relationship, "foreignKey");
        if (!foreignKey.isEmpty() && !IDENTIFIER.matcher(foreignKey).matches()) {
            error(model, member, "@Relationship foreignKey \"" + foreignKey
                    + "\" must be a single column or field name (no table, no dot)");
        }
    }

    private void checkVersions(ModelDescriptor model) {
        ModelMember first = null;
        for (ModelMember member : model.members()) {
            if (!persistence.isVersion(model, member)) {
                continue;
            }
            if (!columnTypes.isVersionType(member.type())) {
                error(model, member, "@Version needs an int, Integer, long or Long field, not " + member.type());
            }
            if (first != null) {
                error(model, member, "a second @Version field; " + first.name() + " is already the version");
            } else {
                first = member;
            }
        }
    }

    /**
     * Two integer keys are normally a composite key, which is never generated; only when the
     * source insists on {@code autoIncrement = true} while still having several integer keys is
     * the intent contradictory.
     */
    private void checkAutoIncrementKeys(ModelDescriptor model) {
        List<ModelMember> integerKeys = new ArrayList<>();
        ModelMember explicit = null;
        for (ModelMember member : model.members()) {
            Optional<AnnotationMirror> field = annotations.findOnAny(member.annotated(), Annotations.FIELD);
            if (field.isEmpty() || !annotations.bool(field.get(), "primaryKey") || !columnTypes.isIntegerKey(member.type())) {
                continue;
            }
            if (!annotations.bool(field.get(), "autoIncrement")) {
                return;
            }
            integerKeys.add(member);
            if (explicit == null && annotations.explicitValue(field.get(), "autoIncrement").isPresent()) {
                explicit = member;
            }
        }
        if (integerKeys.size() >= 2 && explicit != null) {
            List<String> names = integerKeys.stream().map(ModelMember::name).toList();
            error(model, explicit, "two auto-increment keys " + String.join(" and ", names)
                    + "; a composite key is never generated, so set autoIncrement = false or keep one integer key");
        }
    }

    private static boolean isInterfaceMember(TypeElement type) {
        Element outer = type.getEnclosingElement();
        return outer.getKind().isInterface();
    }

    private static String describeKind(ElementKind kind) {
        return switch (kind) {
            case ENUM -> "an enum";
            case INTERFACE -> "an interface";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> kind.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private void error(ModelDescriptor model, ModelMember member, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, model.sourceName() + "." + member.name() + ": " + message, member.site());
    }

    private void error(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
