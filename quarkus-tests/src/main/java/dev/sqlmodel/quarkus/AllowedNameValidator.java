package dev.sqlmodel.quarkus;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Asks the injected {@link NamePolicy}. It has no scope of its own: quarkus-hibernate-validator,
 * or without it the library's build-compatible extension, makes it a {@code @Dependent} bean
 * because it injects something. Without injection it would fail with a NullPointerException.
 */
public class AllowedNameValidator implements ConstraintValidator<AllowedName, String> {
    @Inject NamePolicy policy;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || policy.allows(value);
    }
}
