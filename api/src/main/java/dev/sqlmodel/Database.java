package dev.sqlmodel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * CDI qualifier that selects a named database: {@code @Inject @Database("reports") Session s}.
 * Without it the default database is used.
 */
@jakarta.inject.Qualifier
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Database {
    /** The database name used in {@code sqlmodel.datasource.NAME.*} properties. */
    String value();
}
