package dev.sqlmodel.wildfly.app;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Asks the injected {@link NamePolicy}. Not a bean (the archive is in {@code annotated} mode):
 * only the server's own validator factory, which injects into validators it creates, gives it its
 * policy; without injection it would fail with a NullPointerException.
 */
public class AllowedNameValidator implements ConstraintValidator<AllowedName, String> {
    @Inject NamePolicy policy;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || policy.allows(value);
    }
}
