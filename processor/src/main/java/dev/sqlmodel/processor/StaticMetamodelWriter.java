package dev.sqlmodel.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;

/**
 * Writes the Jakarta Data static metamodel {@code _Hero} of a checked model, when jakarta.data-api
 * is on the compile class path: {@code @StaticMetamodel(Hero.class)}, a {@code String} constant per
 * attribute ({@code NAME = "name"}) and a {@code jakarta.data.metamodel} attribute per column,
 * {@code TextAttribute} for text ({@code String}, {@code char}), {@code SortableAttribute} for
 * values with an order (numbers, booleans, dates and times, UUIDs, enums) and {@code Attribute} for
 * the rest ({@code byte[]}, an entity's element collection). Relationship holders are not attributes and are left out. A nested
 * model {@code Outer.Hero} gets {@code _Outer_Hero}, like its {@code Outer_Hero_}.
 */
final class StaticMetamodelWriter {
    /** The annotation whose presence on the class path turns this writer on. */
    static final String STATIC_METAMODEL = "jakarta.data.metamodel.StaticMetamodel";
    private static final String PACKAGE = "jakarta.data.metamodel.";

    private final Filer filer;
    private final Elements elements;
    private final ColumnTypes columnTypes;

    /** A writer creating sources through {@code filer}. */
    StaticMetamodelWriter(Filer filer, Elements elements, ColumnTypes columnTypes) {
        this.filer = filer;
        this.elements = elements;
        this.columnTypes = columnTypes;
    }

    /** Whether jakarta.data-api is on the compile class path. */
    boolean available() {
        return elements.getTypeElement(STATIC_METAMODEL) != null;
    }

    /** The simple name of the static metamodel class: {@code _Hero}, {@code _Outer_Hero} for a nested model. */
    static String className(TypeElement model) {
        StringBuilder name = new StringBuilder("_").append(model.getSimpleName());
        for (Element e = model.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            name.insert(1, e.getSimpleName() + "_");
        }
        return name.toString();
    }

    /** The qualified name of the static metamodel class of {@code model}. */
    static String qualifiedName(ModelDescriptor model) {
        String simple = className(model.type());
        return model.packageName().isEmpty() ? simple : model.packageName() + "." + simple;
    }

    /**
     * Generates the static metamodel class of {@code model}.
     *
     * @throws IOException when the source file cannot be created or written
     */
    void write(ModelDescriptor model) throws IOException {
        JavaFileObject file = filer.createSourceFile(qualifiedName(model), model.type());
        try (Writer out = file.openWriter()) {
            out.write(source(model));
        }
    }

    /** The static metamodel source text. */
    String source(ModelDescriptor model) {
        // Every type is written fully qualified: they all stand in type positions (declarations,
        // type arguments, "new"), where a field of the same name cannot shadow a package.
        String modelType = model.sourceName();
        String className = className(model.type());
        Set<String> fieldNames = new HashSet<>();
        model.members().forEach(m -> fieldNames.add(m.name()));

        StringBuilder constants = new StringBuilder();
        StringBuilder attributes = new StringBuilder();
        Set<String> constantNames = new HashSet<>();
        for (ModelMember member : model.members()) {
            if (member.isRelationship()) {
                continue;
            }
            String kind = kind(member.type());
            String name = member.name();
            String constant = name.toUpperCase(Locale.ROOT);
            // A constant that would clash with a field or another constant is left out; the attribute stays.
            boolean withConstant = !fieldNames.contains(constant) && constantNames.add(constant);
            if (withConstant) {
                constants.append("    /** The name of attribute {@code ").append(name).append("}. */\n");
                constants.append("    public static final String ").append(constant).append(" = \"").append(name)
                        .append("\";\n");
            }
            attributes.append("\n    /** Attribute {@code ").append(name).append("}. */\n");
            attributes.append("    public static final ").append(PACKAGE).append(kind).append('<').append(modelType)
                    .append("> ").append(name).append(" = new ").append(PACKAGE).append("impl.").append(kind)
                    .append("Record<>(\"").append(name).append("\");\n");
        }

        StringBuilder s = new StringBuilder();
        if (!model.packageName().isEmpty()) {
            s.append("package ").append(model.packageName()).append(";\n\n");
        }
        s.append("/** The Jakarta Data static metamodel of {@link ").append(modelType)
                .append("}, generated by sqlmodel-processor. */\n");
        s.append('@').append(STATIC_METAMODEL).append('(').append(modelType).append(".class)\n");
        s.append("public final class ").append(className).append(" {\n");
        s.append(constants);
        s.append(attributes);
        s.append("\n    private ").append(className).append("() {\n    }\n}\n");
        return s.toString();
    }

    /** {@code TextAttribute}, {@code SortableAttribute} or {@code Attribute}. */
    private String kind(TypeMirror type) {
        if (columnTypes.is(type, "java.lang.String") || columnTypes.is(type, "java.lang.Character")
                || type.getKind() == TypeKind.CHAR) {
            return "TextAttribute";
        }
        if (type.getKind() == TypeKind.ARRAY || !columnTypes.isSupported(type)) {
            return "Attribute"; // bytes, and an entity's element collection
        }
        return "SortableAttribute";
    }
}
