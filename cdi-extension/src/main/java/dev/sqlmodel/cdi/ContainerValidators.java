package dev.sqlmodel.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ValidationException;
import java.lang.reflect.Constructor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Constraint validators for the built-in factory when the container has no
 * {@code ValidatorFactory} of its own, done the same way in CDI Full and CDI Lite (which has no
 * non-contextual injection: no {@code BeanManager.createInjectionTarget}). A validator that is a
 * bean is taken from the container through {@code Instance} and destroyed with it; any other
 * class is created with its no-argument constructor, as Hibernate Validator does, and gets no
 * injection. The build-compatible extension makes every validator with {@code @Inject} members
 * that the container shows it a {@code @Dependent} bean (Quarkus shows it the whole application;
 * a Weld bean archive in {@code annotated} mode only classes with a scope). Hibernate Validator
 * keeps one instance per constraint, so this runs once per validator class.
 */
final class ContainerValidators implements ConstraintValidatorFactory {
    private final Instance<Object> lookup;
    private final Map<Object, Runnable> releases = new IdentityHashMap<>();

    ContainerValidators(Instance<Object> lookup) {
        this.lookup = lookup;
    }

    /**
     * The validator of class {@code key}.
     *
     * @throws ValidationException when it cannot be created
     */
    @Override
    public synchronized <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
        Instance<T> bean = lookup.select(key);
        if (bean.isResolvable()) {
            T v = bean.get();
            releases.put(v, () -> bean.destroy(v));
            return v;
        }
        return plain(key);
    }

    private static <T> T plain(Class<T> key) {
        try {
            Constructor<T> c = key.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ValidationException("cannot create constraint validator " + key.getName()
                    + " (it is not a bean, so it needs a no-argument constructor): " + e, e);
        }
    }

    /** Destroys a validator this factory created. */
    @Override
    public synchronized void releaseInstance(ConstraintValidator<?, ?> instance) {
        Runnable release = releases.remove(instance);
        if (release != null) {
            release.run();
        }
    }

    @Override
    public String toString() {
        return "ContainerValidators[beans, else plain instances]";
    }
}
