package dev.sqlmodel.it.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The name is not on the application's blocklist (checked by a validator with an injected bean). */
@Constraint(validatedBy = AllowedNameValidator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedName {
    String message() default "is not an allowed name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
