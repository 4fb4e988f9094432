package dev.sqlmodel.cdi;

import dev.sqlmodel.Database;
import jakarta.enterprise.util.AnnotationLiteral;
import java.util.Objects;

/** An instance of {@code @Database("NAME")}, for bean qualifiers and lookups. */
final class DatabaseLiteral extends AnnotationLiteral<Database> implements Database {
    private static final long serialVersionUID = 1L;

    private final String value;

    DatabaseLiteral(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public String value() {
        return value;
    }
}
