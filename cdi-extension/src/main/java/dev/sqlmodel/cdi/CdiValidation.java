package dev.sqlmodel.cdi;

import dev.sqlmodel.impl.Validation;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.defs.SizeDef;

/**
 * Plugs a validator factory whose constraint validators get their {@code @Inject} fields from
 * the container into the session's validation ({@link Validation#useFactory}). It carries the
 * same {@code @Field(maxLength = n)} rule as the built-in factory (a programmatic {@code @Size}),
 * for every model of the deployment.
 */
final class CdiValidation {
    private static ValidatorFactory installed;

    private CdiValidation() {
    }

    /** Installs the factory unless one is installed already. */
    static synchronized void install(Instance<Object> lookup, List<Class<?>> models) {
        if (installed != null) {
            return;
        }
        Instance<BeanManager> manager = lookup.select(BeanManager.class);
        HibernateValidatorConfiguration config = jakarta.validation.Validation.byProvider(HibernateValidator.class)
                .configure()
                .constraintValidatorFactory(new InjectingValidators(manager.isResolvable() ? manager.get() : null, lookup));
        ConstraintMapping mapping = config.createConstraintMapping();
        boolean mapped = false;
        for (Class<?> type : models) {
            ModelMeta<?> meta = ModelRegistry.describe(type);
            for (FieldMeta f : meta.columns()) {
                Field field = declared(type, f.name());
                if (f.maxLength() > 0 && field != null && !field.isAnnotationPresent(Size.class)) {
                    mapping.type(field.getDeclaringClass()).field(f.name()).constraint(new SizeDef().max(f.maxLength()));
                    mapped = true;
                }
            }
        }
        if (mapped) {
            config.addMapping(mapping);
        }
        installed = config.buildValidatorFactory();
        Validation.useFactory(installed);
    }

    /** Restores the built-in factory (the container is going away). */
    static synchronized void uninstall() {
        if (installed != null) {
            Validation.useFactory(null);
            installed.close();
            installed = null;
        }
    }

    private static Field declared(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // inherited: look in the superclass
            }
        }
        return null; // a record component
    }
}
