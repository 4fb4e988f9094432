package dev.sqlmodel.cdi;

import java.lang.annotation.Annotation;

/**
 * The qualifiers containers put on the datasource beans they create from their own
 * configuration, looked up by name so that this module needs none of them at compile time.
 * Quarkus qualifies the datasource configured as {@code quarkus.datasource."NAME".*} with
 * {@code @io.quarkus.agroal.DataSource("NAME")} (its default datasource is {@code @Default}).
 */
final class ContainerDataSources {
    /** The qualifier annotation of Quarkus's named datasources. */
    static final String QUARKUS_QUALIFIER = "io.quarkus.agroal.DataSource";
    private static final String QUARKUS_LITERAL = QUARKUS_QUALIFIER + "$DataSourceLiteral";

    private ContainerDataSources() {
    }

    /**
     * The qualifier of the container's datasource {@code name}, or null when there is no such
     * container (or {@code name} is the default database, whose bean is {@code @Default}).
     */
    static Annotation qualifier(String name, ClassLoader loader) {
        if (name.isEmpty()) {
            return null;
        }
        Class<?> literal;
        try {
            literal = Class.forName(QUARKUS_LITERAL, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // not Quarkus
        }
        try {
            return (Annotation) literal.getConstructor(String.class).newInstance(name);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot create " + QUARKUS_QUALIFIER + "(\"" + name + "\"): " + e, e);
        }
    }
}
