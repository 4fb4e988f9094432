package dev.sqlmodel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic lock on an {@code int}/{@code long} field: UPDATE and DELETE check it and bump
 * it, and a mismatch throws {@link StaleObjectException}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Version {
}
