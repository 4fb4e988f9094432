package dev.sqlmodel.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Table} or {@code @jakarta.persistence.Entity} type into a {@link ModelDescriptor}:
 * its table, metamodel name and persistent fields.
 */
final class ModelScanner {
    private final Elements elements;
    private final Types types;
    private final Annotations annotations;
    private final ColumnTypes columnTypes;

    /** A scanner working with the compiler's utilities. */
    ModelScanner(Elements elements, Types types, Annotations annotations, ColumnTypes columnTypes) {
        this.elements = elements;
        this.types = types;
        this.annotations = annotations;
        this.columnTypes = columnTypes;
    }

    /**
     * Describes {@code model}, which carries {@code @Table} or {@code @jakarta.persistence.Entity}. An
     * entity's table is {@code @jakarta.persistence.Table(name)}, else its entity name lower-cased, as a
     * Jakarta Persistence provider names it.
     */
    ModelDescriptor scan(TypeElement model) {
        Optional<AnnotationMirror> table = annotations.find(model, Annotations.TABLE);
        boolean entity = table.isEmpty();
        String tableName;
        String schema;
        if (!entity) {
            String name = annotations.string(table.get(), "name");
            tableName = name.isEmpty() ? model.getSimpleName().toString().toLowerCase(Locale.ROOT) : name;
            schema = annotations.string(table.get(), "schema");
        } else {
            AnnotationMirror declared = annotations.find(model, Annotations.ENTITY).orElseThrow();
            Optional<AnnotationMirror> jpaTable = annotations.find(model, Annotations.PERSISTENCE + "Table");
            String name = jpaTable.map(t -> annotations.string(t, "name")).orElse("");
            String entityName = annotations.string(declared, "name");
            tableName = !name.isEmpty() ? name
                    : (entityName.isEmpty() ? model.getSimpleName().toString() : entityName).toLowerCase(Locale.ROOT);
            schema = jpaTable.map(t -> annotations.string(t, "schema")).orElse("");
        }
        return new ModelDescriptor(
                model,
                elements.getBinaryName(model).toString(),
                elements.getPackageOf(model).getQualifiedName().toString(),
                metamodelName(model),
                tableName,
                schema,
                members(model, entity),
                entity);
    }

    /**
     * Whether a type the model depends on is not resolved yet, so that describing it now would
     * mistake a class another processor has still to generate for a bad type.
     */
    boolean hasUnresolvedTypes(TypeElement model) {
        for (TypeElement c : hierarchy(model)) {
            if (c.getSuperclass().getKind() == TypeKind.ERROR) {
                return true;
            }
        }
        return members(model, false).stream().anyMatch(m -> columnTypes.isUnresolved(m.type()));
    }

    private List<ModelMember> members(TypeElement model, boolean entity) {
        List<ModelMember> members = new ArrayList<>();
        if (model.getKind() == ElementKind.RECORD) {
            List<VariableElement> fields = ElementFilter.fieldsIn(model.getEnclosedElements());
            for (RecordComponentElement component : model.getRecordComponents()) {
                VariableElement field = fields.stream()
                        .filter(f -> f.getSimpleName().equals(component.getSimpleName()))
                        .findFirst()
                        .orElse(null);
                List<Element> annotated = field == null ? List.of(component) : List.of(field, component);
                member(component.getSimpleName().toString(), field, annotated, component.asType(), entity)
                        .ifPresent(members::add);
            }
            return members;
        }
        for (TypeElement declaring : hierarchy(model)) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                if (field.getModifiers().contains(Modifier.STATIC) || field.getModifiers().contains(Modifier.TRANSIENT)) {
                    continue;
                }
                member(field.getSimpleName().toString(), field, List.of(field), typeSeenFrom(model, field), entity)
                        .ifPresent(members::add);
            }
        }
        return members;
    }

    private Optional<ModelMember> member(String name, VariableElement field, List<Element> annotated, TypeMirror type,
            boolean entity) {
        if (entity && annotations.findPersistence(annotated, "Transient").isPresent()) {
            return Optional.empty();
        }
        Optional<AnnotationMirror> fieldAnnotation = annotations.findOnAny(annotated, Annotations.FIELD);
        if (fieldAnnotation.isPresent() && annotations.bool(fieldAnnotation.get(), "skip")) {
            return Optional.empty();
        }
        ModelMember.Kind kind = columnTypes.relationshipKind(type).orElse(ModelMember.Kind.COLUMN);
        return Optional.of(new ModelMember(name, field, annotated, type, kind));
    }

    /** The model and its superclasses that are not models themselves, the topmost first: the order columns are listed in. */
    private List<TypeElement> hierarchy(TypeElement model) {
        Deque<TypeElement> chain = new ArrayDeque<>();
        chain.push(model);
        if (model.getKind() != ElementKind.CLASS) {
            return List.copyOf(chain);
        }
        TypeMirror superclass = model.getSuperclass();
        while (superclass.getKind() == TypeKind.DECLARED) {
            TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
            // A superclass that is a table of its own is a separate model, not a field holder.
            if (parent.getQualifiedName().contentEquals("java.lang.Object")
                    || annotations.isModel(parent)) {
                break;
            }
            chain.push(parent);
            superclass = parent.getSuperclass();
        }
        return List.copyOf(chain);
    }

    /** The field's type with the type arguments the model passes to generic superclasses filled in. */
    private TypeMirror typeSeenFrom(TypeElement model, VariableElement field) {
        try {
            return types.asMemberOf((DeclaredType) model.asType(), field);
        } catch (IllegalArgumentException notAMember) {
            return field.asType();
        }
    }

    private static String metamodelName(TypeElement model) {
        StringBuilder name = new StringBuilder(model.getSimpleName()).append('_');
        for (Element e = model.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            name.insert(0, e.getSimpleName() + "_");
        }
        return name.toString();
    }
}
