package dev.sqlmodel.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.SqlModel;
import dev.sqlmodel.impl.Validation;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Validation with a container's factory, or with a container creating the constraint validators. */
class ContainerValidationTest {
    @Test
    void containerFactoryChecksTheAnnotationsAndMaxLengthIsCheckedBesideIt() {
        ValidatorFactory container = jakarta.validation.Validation.buildDefaultValidatorFactory();
        Validation.useFactory(container);
        try {
            // @Even comes from the container's factory; @Field(maxLength = 8) knows nothing of it
            assertEquals(Set.of("size", "label"), paths(SqlModel.validate(new Gadget("far too long", 3))));
            assertEquals(Set.of("label"), paths(SqlModel.validate(new Gadget("far too long", 4))));
            assertEquals(Set.of("size"), paths(SqlModel.validate(new Gadget("short", 3))));
            assertTrue(SqlModel.validate(new Gadget("short", 4)).isEmpty());
        } finally {
            Validation.useFactory(null);
            container.close();
        }
    }

    @Test
    void givenConstraintValidatorFactoryCreatesTheValidators() {
        ValidatorFactory plain = jakarta.validation.Validation.buildDefaultValidatorFactory();
        List<Class<?>> created = new CopyOnWriteArrayList<>();
        ConstraintValidatorFactory recording = new ConstraintValidatorFactory() {
            @Override
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                created.add(key);
                return plain.getConstraintValidatorFactory().getInstance(key);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
                plain.getConstraintValidatorFactory().releaseInstance(instance);
            }
        };
        Validation.useValidators(recording);
        try {
            assertEquals(Set.of("size", "label"), paths(SqlModel.validate(new Gadget("far too long", 3))));
            assertTrue(created.contains(Even.Validator.class), created::toString);
        } finally {
            Validation.useValidators(null);
            plain.close();
        }
    }

    private static Set<String> paths(Set<ConstraintViolation<Object>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
