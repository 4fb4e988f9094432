package dev.sqlmodel.impl;

import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.context.TypeConstraintMappingContext;
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
 *
 * <p>A container's own factory ({@link #useFactory}) cannot take that programmatic constraint:
 * models are then validated with it, and their {@code maxLength} and {@code maxDigits} fields beside it by a second
 * factory that knows nothing but those {@code @Size}/{@code @Digits} constraints (every annotation of the model
 * ignored), so no constraint is checked twice.
 */
public final class Validation {
    private static final Set<Class<?>> MAPPED = ConcurrentHashMap.newKeySet();
    private static volatile ValidatorFactory factory;
    private static volatile ValidatorFactory override;
    private static volatile ConstraintValidatorFactory validators;
    private static volatile Current current;
    private static volatile Lengths lengths;

    /** The factory that checks only {@code maxLength} fields, for the types it was built with. */
    private record Lengths(Set<Class<?>> types, ValidatorFactory factory, jakarta.validation.Validator validator) {
    }

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
     * Validates with {@code f}, a container's factory (whose constraint validators can have beans
     * injected), instead of the built-in one; {@code @Field(maxLength = n)} is still checked beside
     * it. The caller keeps {@code f} and closes it. Null restores the built-in factory.
     */
    public static void useFactory(ValidatorFactory f) {
        override = f;
    }

    /**
     * Builds the built-in factory with {@code f} creating its constraint validators (a
     * container's, so that they can have beans injected); null restores Hibernate Validator's
     * own. The factory built with the previous one is closed.
     */
    public static void useValidators(ConstraintValidatorFactory f) {
        synchronized (Validation.class) {
            validators = f;
            ValidatorFactory old = factory;
            factory = null;
            if (old != null) {
                old.close();
            }
        }
    }

    /** The violations of {@code model} (empty when valid). */
    public static Set<ConstraintViolation<Object>> validate(Object model) {
        Class<?> type = model.getClass();
        if (!CONSTRAINED.get(type)) {
            return Set.of();
        }
        return violations(model, type);
    }

    private static Set<ConstraintViolation<Object>> violations(Object model, Class<?> type) {
        Set<ConstraintViolation<Object>> found = validator(type).validate(model);
        if (override == null || !needsMapping(type)) {
            return found;
        }
        Set<ConstraintViolation<Object>> tooLong = lengthValidator(type).validate(model);
        if (tooLong.isEmpty()) {
            return found;
        }
        Set<ConstraintViolation<Object>> all = new LinkedHashSet<>(found);
        all.addAll(tooLong);
        return all;
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
            Set<ConstraintViolation<Object>> found = violations(m, type);
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

    /** The validator of {@code maxLength} and {@code maxDigits}/{@code decimalPlaces} fields only, rebuilt when a type is first seen. */
    private static jakarta.validation.Validator lengthValidator(Class<?> type) {
        Lengths l = lengths;
        if (l != null && l.types().contains(type)) {
            return l.validator();
        }
        synchronized (Validation.class) {
            l = lengths;
            if (l == null || !l.types().contains(type)) {
                Set<Class<?>> types = new HashSet<>(l == null ? Set.of() : l.types());
                types.add(type);
                ValidatorFactory f = buildLengths(types);
                lengths = new Lengths(Set.copyOf(types), f, f.getValidator());
                if (l != null) {
                    l.factory().close();
                }
            }
            return lengths.validator();
        }
    }

    /**
     * Every property is reachable: models hold plain values, never a provider's lazy proxies. Set
     * explicitly because Hibernate Validator otherwise asks Jakarta Persistence whenever its API is
     * on the class path (as it is for entities), which finds no provider and logs a warning each time.
     */
    private static final jakarta.validation.TraversableResolver TRAVERSE_ALL =
            new jakarta.validation.TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, jakarta.validation.Path.Node node, Class<?> rootBeanType,
                jakarta.validation.Path path, java.lang.annotation.ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, jakarta.validation.Path.Node node, Class<?> rootBeanType,
                jakarta.validation.Path path, java.lang.annotation.ElementType elementType) {
            return true;
        }
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ValidatorFactory buildLengths(Set<Class<?>> types) {
        HibernateValidatorConfiguration config = jakarta.validation.Validation.byProvider(HibernateValidator.class)
                .configure();
        config.traversableResolver(TRAVERSE_ALL);
        ConstraintMapping mapping = config.createConstraintMapping();
        Map<Class<?>, TypeConstraintMappingContext<?>> contexts = new HashMap<>();
        Set<java.lang.reflect.Field> constrained = new HashSet<>();
        for (Class<?> type : types) {
            // every supertype too: their annotated constraints belong to the container's factory
            Deque<Class<?>> todo = new ArrayDeque<>(Set.of(type));
            while (!todo.isEmpty()) {
                Class<?> c = todo.pop();
                if (c == Object.class || contexts.containsKey(c)) {
                    continue;
                }
                contexts.put(c, mapping.type((Class) c).ignoreAllAnnotations());
                if (c.getSuperclass() != null) {
                    todo.push(c.getSuperclass());
                }
                for (Class<?> i : c.getInterfaces()) {
                    todo.push(i);
                }
            }
            for (FieldMeta f : ModelRegistry.describe(type).columns()) {
                Class<?> declaring = declaringClass(type, f.name());
                boolean size = f.maxLength() > 0 && !hasSize(type, f);
                DigitsDef digits = digitsOf(f);
                if (digits != null && has(type, f, Digits.class)) {
                    digits = null;
                }
                if ((size || digits != null) && constrained.add(field(declaring, f.name()))) {
                    var field = contexts.get(declaring).field(f.name()); // a field is configured once
                    if (size) {
                        field.constraint(new SizeDef().max(f.maxLength()));
                    }
                    if (digits != null) {
                        field.constraint(digits);
                    }
                }
            }
        }
        config.addMapping(mapping);
        return config.buildValidatorFactory();
    }

    private static ValidatorFactory build() {
        HibernateValidatorConfiguration config = jakarta.validation.Validation.byProvider(HibernateValidator.class)
                .configure();
        config.traversableResolver(TRAVERSE_ALL);
        ConstraintValidatorFactory v = validators;
        if (v != null) {
            config.constraintValidatorFactory(v);
        }
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

    private static java.lang.reflect.Field field(Class<?> declaring, String name) {
        try {
            return declaring.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(declaring.getName() + " has no field " + name, e);
        }
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
