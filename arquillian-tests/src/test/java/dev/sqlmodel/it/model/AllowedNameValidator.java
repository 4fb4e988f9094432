package dev.sqlmodel.it.model;

import dev.sqlmodel.it.app.NamePolicy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Asks the injected {@link NamePolicy} bean; without injection it would fail with a NullPointerException.
 * A bean (this archive is in {@code annotated} mode), so that validation takes it from the container
 * under both extension kinds: CDI Lite has no injection into objects that are not beans.
 */
@Dependent
public class AllowedNameValidator implements ConstraintValidator<AllowedName, String> {
    @Inject NamePolicy policy;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || policy.allows(value);
    }
}
