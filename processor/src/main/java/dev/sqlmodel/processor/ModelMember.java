package dev.sqlmodel.processor;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One persistent field of a model: a column, or a relationship holder.
 *
 * @param name the Java field (or record component) name
 * @param field the field element, possibly declared in a superclass
 * @param annotated the elements whose annotations apply to the member: the field, and for
 *     records the record component as well, since annotations are spread over both
 * @param type the field's type as seen from the model (superclass type variables resolved)
 * @param kind column or relationship
 */
record ModelMember(String name, VariableElement field, List<Element> annotated, TypeMirror type, Kind kind) {

    /** What the member maps to. */
    enum Kind {
        /** A plain column. */
        COLUMN,
        /** A {@code Related<T>} to-one relationship. */
        TO_ONE,
        /** A {@code RelatedMany<T>} to-many relationship. */
        TO_MANY
    }

    /** Whether the member is a relationship holder rather than a column. */
    boolean isRelationship() {
        return kind != Kind.COLUMN;
    }

    /** The element to attach diagnostics to: the field, whose source position javac knows even for a record component. */
    Element site() {
        return annotated.get(0);
    }
}
