package dev.sqlmodel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares a relationship on a {@link Related} or {@link RelatedMany} field. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Relationship {
    /** The field on the other model that mirrors this one. */
    String backPopulates() default "";

    /** The {@code @Table} link model of a many-to-many relationship. */
    Class<?> linkModel() default void.class;

    /** The session deletes dependants before the parent. */
    boolean cascadeDelete() default false;

    /** The database's ON DELETE handles dependants; loaded children are detached. */
    boolean passiveDeletes() default false;

    /** Which foreign key column, when more than one could match. */
    String foreignKey() default "";
}
