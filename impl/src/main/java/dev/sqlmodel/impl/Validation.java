package dev.sqlmodel.impl;

import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.defs.DigitsDef;
import org.hibernate.validator.cfg.defs.SizeDef;

/**
 * Bean Validation of models. {@code @Field(maxLength = n)} is validated like
 * {@code @Size(max = n)}, and {@code @Field(maxDigits = p, decimalPlaces = s)} like
 * {@code @Digits(integer = p - s, fraction = s)} (as SQLModel's {@code max_digits} and
 * {@code decimal_places} are): each model's such fields get a programmatic constraint, so the
 * violation looks like any other and names the model and field, where the database would
 * report an overflow without naming either, or (SQLite) store the value unchecked. The factory is rebuilt when a model
 * with such fields is first seen, which happens once per model class.
 */
public final class Validation {
    private static final Set<Class<?>> MAPPED = ConcurrentHashMap.newKeySet();
    private static volatile ValidatorFactory factory;
    private static volatile ValidatorFactory override;
    private static volatile Current current;

    /** A factory and the validator taken from it, published together. */
    private record Current(ValidatorFactory factory, jakarta.validation.Validator validator) {
    }

    /** Whether a class needs a programmatic {@code @Size} for its {@code maxLength} fields. */
    private static final ClassValue<Boolean> NEEDS_MAPPING = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return computeNeedsMapping(type);
        }
    };

    /** Whether a class has any constraint at all; unconstrained models skip validation. */
    private static final ClassValue<Boolean> CONSTRAINED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return needsMapping(type) || validator(type).getConstraintsForClass(type).isBeanConstrained();
        }
    };

    private Validation() {
    }

    /**
     * Uses {@code factory} instead of the built-in one (a container's, whose validators can
     * have beans injected); null restores the built-in one.
     */
    public static void useFactory(ValidatorFactory f) {
        override = f;
    }

    /** The violations of {@code model} (empty when valid). */
    public static Set<ConstraintViolation<Object>> validate(Object model) {
        Class<?> type = model.getClass();
        if (!CONSTRAINED.get(type)) {
            return Set.of();
        }
        return validator(type).validate(model);
    }

    /** The validator for {@code type}, taken once per factory rather than once per call. */
    private static jakarta.validation.Validator validator(Class<?> type) {
        ValidatorFactory f = factoryFor(type);
        Current c = current;
        if (c == null || c.factory() != f) {
            c = new Current(f, f.getValidator());
            current = c;
        }
        return c.validator();
    }

    /**
     * Validates every model and throws one exception listing every violation.
     *
     * @throws ConstraintViolationException when any model is invalid
     */
    public static void check(Collection<?> models) {
        Set<ConstraintViolation<Object>> all = null;
        Class<?> unconstrained = null; // flushes add many instances of few models
        for (Object m : models) {
            Class<?> type = m.getClass();
            if (type == unconstrained) {
                continue;
            }
            if (!CONSTRAINED.get(type)) {
                unconstrained = type;
                continue;
            }
            Set<ConstraintViolation<Object>> found = validator(type).validate(m);
            if (!found.isEmpty()) {
                if (all == null) {
                    all = new LinkedHashSet<>();
                }
                all.addAll(found);
            }
        }
        if (all != null) {
            throw new ConstraintViolationException(describe(all), all);
        }
    }

    /** "Hero.name: must not be blank; Hero.age: must be greater than or equal to 0". */
    public static String describe(Set<? extends ConstraintViolation<?>> violations) {
        StringBuilder sb = new StringBuilder();
        for (ConstraintViolation<?> v : violations) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(v.getRootBeanClass().getSimpleName());
            String path = v.getPropertyPath().toString();
            if (!path.isEmpty()) {
                sb.append('.').append(path);
            }
            sb.append(": ").append(v.getMessage());
            if (v.getInvalidValue() != null && !(v.getInvalidValue() == v.getRootBean())) {
                String value = String.valueOf(v.getInvalidValue());
                sb.append(" (was '").append(value.length() > 60 ? value.substring(0, 60) + "..." : value).append("')");
            }
        }
        return sb.toString();
    }

    private static ValidatorFactory factoryFor(Class<?> type) {
        ValidatorFactory o = override;
        if (o != null) {
            return o;
        }
        ValidatorFactory f = factory;
        if (f != null && (MAPPED.contains(type) || !needsMapping(type))) {
            return f;
        }
        synchronized (Validation.class) {
            if (factory == null || needsMapping(type) && MAPPED.add(type)) {
                ValidatorFactory old = factory;
                factory = build();
                if (old != null) {
                    old.close();
                }
            }
            return factory;
        }
    }

    private static boolean needsMapping(Class<?> type) {
        return NEEDS_MAPPING.get(type);
    }

    private static boolean computeNeedsMapping(Class<?> type) {
        try {
            ModelMeta<?> meta = ModelRegistry.describe(type);
            for (FieldMeta f : meta.columns()) {
                if (f.maxLength() > 0 && !hasSize(type, f) || digitsOf(f) != null && !has(type, f, Digits.class)) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    /** The {@code @Digits} equivalent of a decimal column's declared precision and scale, or null. */
    private static DigitsDef digitsOf(FieldMeta f) {
        if (f.boxedType() != java.math.BigDecimal.class || f.sqlTypeOverride() != null && !f.sqlTypeOverride().isEmpty()) {
            return null;
        }
        int scale = Math.max(f.decimalPlaces(), 0);
        if (f.maxDigits() > 0) {
            return new DigitsDef().integer(Math.max(f.maxDigits() - scale, 0)).fraction(scale);
        }
        if (f.decimalPlaces() >= 0) {
            return new DigitsDef().integer(Integer.MAX_VALUE).fraction(scale);
        }
        return null;
    }

    private static boolean hasSize(Class<?> type, FieldMeta f) {
        return has(type, f, Size.class);
    }

    private static boolean has(Class<?> type, FieldMeta f, Class<? extends java.lang.annotation.Annotation> annotation) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(f.name()).isAnnotationPresent(annotation);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return false;
    }

    private static ValidatorFactory build() {
        HibernateValidatorConfiguration config = jakarta.validation.Validation.byProvider(HibernateValidator.class)
                .configure();
        ConstraintMapping mapping = config.createConstraintMapping();
        // A class may be configured only once per mapping: one context per declaring class.
        java.util.Map<Class<?>, org.hibernate.validator.cfg.context.TypeConstraintMappingContext<?>> types =
                new java.util.HashMap<>();
        Set<String> done = new java.util.HashSet<>(); // models sharing a superclass share its fields
        for (Class<?> type : MAPPED) {
            ModelMeta<?> meta = ModelRegistry.describe(type);
            for (FieldMeta f : meta.columns()) {
                if (!done.add(declaringClass(type, f.name()).getName() + "#" + f.name())) {
                    continue;
                }
                if (f.maxLength() > 0 && !hasSize(type, f)) {
                    types.computeIfAbsent(declaringClass(type, f.name()), mapping::type)
                            .field(f.name()).constraint(new SizeDef().max(f.maxLength()));
                }
                DigitsDef digits = digitsOf(f);
                if (digits != null && !has(type, f, Digits.class)) {
                    types.computeIfAbsent(declaringClass(type, f.name()), mapping::type)
                            .field(f.name()).constraint(digits);
                }
            }
        }
        config.addMapping(mapping);
        return config.buildValidatorFactory();
    }

    private static Class<?> declaringClass(Class<?> type, String field) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                c.getDeclaredField(field);
                return c;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return type;
    }
}
