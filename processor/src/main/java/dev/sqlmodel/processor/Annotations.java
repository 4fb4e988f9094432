package dev.sqlmodel.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads the SQLModel annotations through their mirrors. Mirrors are used instead of
 * {@code getAnnotation} because class-valued members ({@code linkModel}) cannot be read as
 * {@code Class} objects at compile time, and because some checks depend on which values were
 * written in source rather than defaulted.
 */
final class Annotations {
    static final String TABLE = "dev.sqlmodel.Table";
    static final String FIELD = "dev.sqlmodel.Field";
    static final String RELATIONSHIP = "dev.sqlmodel.Relationship";
    static final String VERSION = "dev.sqlmodel.Version";
    /** Jakarta Persistence's entity annotation: the second vocabulary of table models. */
    static final String ENTITY = "jakarta.persistence.Entity";
    /** The package of the Jakarta Persistence annotations, with its trailing dot. */
    static final String PERSISTENCE = "jakarta.persistence.";

    private final Elements elements;
    private final boolean persistenceEntities;

    /** Reads annotations with the defaults known to {@code elements}; {@code @Entity} classes are models. */
    Annotations(Elements elements) {
        this(elements, true);
    }

    /**
     * Reads annotations with the defaults known to {@code elements}; {@code persistenceEntities}
     * false leaves {@code @jakarta.persistence.Entity} classes to a Jakarta Persistence provider.
     */
    Annotations(Elements elements, boolean persistenceEntities) {
        this.elements = elements;
        this.persistenceEntities = persistenceEntities;
    }

    /** Whether {@code @jakarta.persistence.Entity} classes are models of this library in this compilation. */
    boolean persistenceEntities() {
        return persistenceEntities;
    }

    /** The annotation of type {@code annotationName} on {@code element}, if present. */
    Optional<AnnotationMirror> find(Element element, String annotationName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(annotationName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The annotation of type {@code annotationName} on the first of {@code candidates} that has it. */
    Optional<AnnotationMirror> findOnAny(List<? extends Element> candidates, String annotationName) {
        for (Element candidate : candidates) {
            Optional<AnnotationMirror> found = find(candidate, annotationName);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The Jakarta Persistence annotation {@code jakarta.persistence.<simpleName>} on any of {@code candidates}. */
    Optional<AnnotationMirror> findPersistence(List<? extends Element> candidates, String simpleName) {
        return findOnAny(candidates, PERSISTENCE + simpleName);
    }

    /** Whether {@code type} is a table model: annotated {@code @Table} or {@code @jakarta.persistence.Entity}. */
    boolean isModel(Element type) {
        return find(type, TABLE).isPresent() || persistenceEntities && find(type, ENTITY).isPresent();
    }

    /** The simple name of an enum constant member ({@code GenerationType.IDENTITY} gives {@code "IDENTITY"}). */
    String constant(AnnotationMirror mirror, String member) {
        return ((VariableElement) value(mirror, member)).getSimpleName().toString();
    }

    /** The value of {@code member}, written or defaulted; throws if the annotation has no such member. */
    Object value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue().getValue();
            }
        }
        throw new IllegalArgumentException("no member " + member + " in " + mirror);
    }

    /** The value of {@code member} only when it is written explicitly in source. */
    Optional<Object> explicitValue(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return Optional.of(e.getValue().getValue());
            }
        }
        return Optional.empty();
    }

    /** A string member, written or defaulted. */
    String string(AnnotationMirror mirror, String member) {
        return (String) value(mirror, member);
    }

    /** A boolean member, written or defaulted. */
    boolean bool(AnnotationMirror mirror, String member) {
        return (Boolean) value(mirror, member);
    }

    /** An int member, written or defaulted. */
    int integer(AnnotationMirror mirror, String member) {
        return (Integer) value(mirror, member);
    }

    /** A class member ({@code Class<?> x()}), written or defaulted, as a type mirror. */
    TypeMirror type(AnnotationMirror mirror, String member) {
        return (TypeMirror) value(mirror, member);
    }
}
