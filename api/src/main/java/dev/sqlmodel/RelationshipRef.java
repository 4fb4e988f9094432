package dev.sqlmodel;

import java.util.Objects;

/**
 * A relationship field of model {@code M} whose target model is {@code T} (the element type
 * for to-many). Used with {@code Select.fetch} and {@code Session.load}.
 *
 * @param <M> the owner model
 * @param <T> the target model
 */
public final class RelationshipRef<M, T> {
    private final Class<M> model;
    private final String name;
    private final Class<T> target;

    private RelationshipRef(Class<M> model, String name, Class<T> target) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The relationship {@code name} of {@code model}, targeting {@code target}. */
    public static <M, T> RelationshipRef<M, T> of(Class<M> model, String name, Class<T> target) {
        return new RelationshipRef<>(model, name, target);
    }

    /** The owner model. */
    public Class<M> model() {
        return model;
    }

    /** The relationship's field name. */
    public String name() {
        return name;
    }

    /** The target model. */
    public Class<T> target() {
        return target;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelationshipRef<?, ?> r && r.model == model && r.name.equals(name);
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name;
    }
}
