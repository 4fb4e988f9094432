package dev.sqlmodel.ast;

import dev.sqlmodel.Expr;
import java.util.List;
import java.util.Objects;

/** A function call; {@code name} is set only for {@link FnKind#CUSTOM}. */
public record Fn<T>(FnKind kind, String name, List<Expr<?>> args, Class<T> javaType) implements Expr<T> {
    /** Copies the arguments. */
    public Fn {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    /** A call of a known function. */
    public static <T> Fn<T> of(FnKind kind, Class<T> type, Expr<?>... args) {
        return new Fn<>(kind, null, List.of(args), type);
    }
}
