package dev.sqlmodel.it.model;

import dev.sqlmodel.it.app.NamePolicy;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Asks the injected {@link NamePolicy} bean; without injection it would fail with a NullPointerException. */
public class AllowedNameValidator implements ConstraintValidator<AllowedName, String> {
    @Inject NamePolicy policy;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || policy.allows(value);
    }
}
