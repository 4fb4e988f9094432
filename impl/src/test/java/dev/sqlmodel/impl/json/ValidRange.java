package dev.sqlmodel.impl.json;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A class-level (model) constraint: low must not exceed high. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidRange.Validator.class)
public @interface ValidRange {
    /** The message. */
    String message() default "low must not exceed high";

    /** Groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};

    /** Checks low <= high. */
    class Validator implements ConstraintValidator<ValidRange, Profile> {
        @Override
        public boolean isValid(Profile p, ConstraintValidatorContext context) {
            return p == null || p.low <= p.high;
        }
    }
}
