package dev.sqlmodel.cdi;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Constraint validators created by the container: a validator that is a bean is looked up
 * (CDI Lite, where there is no {@code BeanManager}); any other gets non-contextual injection
 * (constructor, {@code @Inject} fields and methods, {@code @PostConstruct}), as Bean Validation
 * requires in a CDI environment. Hibernate Validator keeps one instance per constraint, so this
 * runs once per validator class.
 */
final class InjectingValidators implements ConstraintValidatorFactory {
    private final BeanManager manager;
    private final Instance<Object> lookup;
    private final Map<Object, Runnable> releases = new IdentityHashMap<>();

    InjectingValidators(BeanManager manager, Instance<Object> lookup) {
        this.manager = manager;
        this.lookup = lookup;
    }

    @Override
    public synchronized <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
        Instance<T> bean = lookup.select(key);
        if (bean.isResolvable()) {
            T v = bean.get();
            releases.put(v, () -> bean.destroy(v));
            return v;
        }
        if (manager == null) {
            try {
                return key.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new jakarta.validation.ValidationException("cannot create " + key.getName() + ": " + e, e);
            }
        }
        AnnotatedType<T> type = manager.createAnnotatedType(key);
        InjectionTarget<T> target = manager.getInjectionTargetFactory(type).createInjectionTarget(null);
        CreationalContext<T> context = manager.createCreationalContext(null);
        T v = target.produce(context);
        target.inject(v, context);
        target.postConstruct(v);
        releases.put(v, () -> {
            target.preDestroy(v);
            target.dispose(v);
            context.release();
        });
        return v;
    }

    @Override
    public synchronized void releaseInstance(ConstraintValidator<?, ?> instance) {
        Runnable release = releases.remove(instance);
        if (release != null) {
            release.run();
        }
    }

    @Override
    public String toString() {
        return "InjectingValidators[" + (manager != null ? "injection targets" : "beans only") + "]";
    }
}
