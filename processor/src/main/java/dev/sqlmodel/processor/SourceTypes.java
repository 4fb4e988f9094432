package dev.sqlmodel.processor;

import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Writes type mirrors as Java source. {@code TypeMirror.toString()} is not used because it
 * includes type-use annotations and its format is not specified; here every class is written by
 * its canonical name (generic enclosing types keep their arguments), so the text compiles in any
 * package without imports.
 */
final class SourceTypes {
    private final Types types;

    /** Writes types with the compiler's utilities. */
    SourceTypes(Types types) {
        this.types = types;
    }

    /** {@code type} as it is written in a declaration, e.g. {@code java.util.List<? extends com.acme.Hero>}. */
    String source(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, VOID -> type.getKind().name().toLowerCase(java.util.Locale.ROOT);
            case ARRAY -> source(((ArrayType) type).getComponentType()) + "[]";
            case TYPEVAR -> ((TypeVariable) type).asElement().getSimpleName().toString();
            case WILDCARD -> wildcard((WildcardType) type);
            case DECLARED -> declared((DeclaredType) type);
            case INTERSECTION -> intersection(((IntersectionType) type).getBounds());
            default -> throw new IllegalArgumentException("cannot write type " + type + " (" + type.getKind() + ")");
        };
    }

    /** The erasure of {@code type} as a class literal, e.g. {@code java.lang.Object[].class}. */
    String classLiteral(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        return erasedSource(erased) + ".class";
    }

    /** The type parameter declaration {@code S extends com.acme.Hero}, without a bound of {@code Object}. */
    String typeParameter(TypeVariable variable) {
        String name = variable.asElement().getSimpleName().toString();
        TypeMirror bound = variable.getUpperBound();
        if (bound.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) bound).asElement()).getQualifiedName().contentEquals("java.lang.Object")) {
            return name;
        }
        return name + " extends " + source(bound);
    }

    private String erasedSource(TypeMirror erased) {
        if (erased.getKind() == TypeKind.ARRAY) {
            return erasedSource(((ArrayType) erased).getComponentType()) + "[]";
        }
        if (erased.getKind() == TypeKind.DECLARED) {
            return ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString();
        }
        return source(erased);
    }

    private String declared(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        StringBuilder s = new StringBuilder();
        TypeMirror enclosing = type.getEnclosingType();
        if (enclosing.getKind() == TypeKind.DECLARED && !((DeclaredType) enclosing).getTypeArguments().isEmpty()) {
            // an inner class of a generic class: Outer<A>.Inner
            s.append(declared((DeclaredType) enclosing)).append('.').append(element.getSimpleName());
        } else {
            s.append(element.getQualifiedName());
        }
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        if (!arguments.isEmpty()) {
            StringJoiner joined = new StringJoiner(", ", "<", ">");
            for (TypeMirror argument : arguments) {
                joined.add(source(argument));
            }
            s.append(joined);
        }
        return s.toString();
    }

    private String wildcard(WildcardType type) {
        if (type.getExtendsBound() != null) {
            return "? extends " + source(type.getExtendsBound());
        }
        if (type.getSuperBound() != null) {
            return "? super " + source(type.getSuperBound());
        }
        return "?";
    }

    private String intersection(List<? extends TypeMirror> bounds) {
        StringJoiner joined = new StringJoiner(" & ");
        for (TypeMirror bound : bounds) {
            joined.add(source(bound));
        }
        return joined.toString();
    }
}
