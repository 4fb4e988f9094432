package dev.sqlmodel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as a table model. Without {@code name} the table is the simple
 * class name lower-cased ({@code HeroTeamLink} becomes {@code heroteamlink}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Table {
    /** The table name; empty means the simple class name lower-cased. */
    String name() default "";

    /** The schema the table lives in; empty means the connection's current schema. */
    String schema() default "";
}
