package dev.sqlmodel.data.runtime;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The type variables of a repository interface's super-interfaces, bound to what the repository gives them
 * ({@code BasicRepository<Hero, Long>} binds {@code T} to {@code Hero}), so that an inherited
 * {@code <S extends T> S save(S)} reads as {@code Hero save(Hero)}. A method's own type variables resolve to their
 * first bound.
 */
final class Generics {

    private final Map<TypeVariable<?>, Type> bindings = new HashMap<>();

    Generics(Class<?> repository) {
        collect(repository);
    }

    private void collect(Class<?> type) {
        for (Type sup : type.getGenericInterfaces()) {
            if (sup instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
                TypeVariable<?>[] vars = raw.getTypeParameters();
                Type[] args = p.getActualTypeArguments();
                for (int i = 0; i < vars.length && i < args.length; i++) {
                    bindings.putIfAbsent(vars[i], args[i]);
                }
                collect(raw);
            } else if (sup instanceof Class<?> c) {
                collect(c);
            }
        }
    }

    /** The type with every type variable replaced by what it is bound to (or its bound). */
    Type resolve(Type type) {
        return resolve(type, 0);
    }

    private Type resolve(Type type, int depth) {
        if (depth > 20) {
            return Object.class;
        }
        if (type instanceof Class<?>) {
            return type;
        }
        if (type instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v);
            if (bound != null) {
                return resolve(bound, depth + 1);
            }
            Type[] bounds = v.getBounds();
            return bounds.length == 0 ? Object.class : resolve(bounds[0], depth + 1);
        }
        if (type instanceof WildcardType w) {
            Type[] upper = w.getUpperBounds();
            return upper.length == 0 ? Object.class : resolve(upper[0], depth + 1);
        }
        if (type instanceof GenericArrayType a) {
            Class<?> component = raw(resolve(a.getGenericComponentType(), depth + 1));
            return java.lang.reflect.Array.newInstance(component, 0).getClass();
        }
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = resolve(args[i], depth + 1);
            }
            return new Parameterized((Class<?>) p.getRawType(), args);
        }
        return Object.class;
    }

    /** The resolved generic return type of {@code method}. */
    Type returnType(Method method) {
        return resolve(method.getGenericReturnType());
    }

    /** The resolved generic type of parameter {@code i} of {@code method}. */
    Type parameterType(Method method, int i) {
        return resolve(method.getGenericParameterTypes()[i]);
    }

    /** The erased class of a resolved type. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    /** Type argument {@code i} of a resolved parameterized type, or Object when it has none. */
    static Type argument(Type type, int i) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            return p.getActualTypeArguments()[i];
        }
        return Object.class;
    }

    /** A parameterized type with resolved arguments. */
    private record Parameterized(Class<?> raw, Type[] args) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameterized other && raw == other.raw && Arrays.equals(args, other.args);
        }

        @Override
        public int hashCode() {
            return raw.hashCode() * 31 + Arrays.hashCode(args);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(raw.getName()).append('<');
            for (int i = 0; i < args.length; i++) {
                s.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
            }
            return s.append('>').toString();
        }
    }
}
