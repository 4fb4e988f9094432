package dev.sqlmodel.data;

import dev.sqlmodel.Engine;
import dev.sqlmodel.MappingException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** Jakarta Data repositories without CDI: instances of the classes the annotation processor generates. */
public final class Repositories {

    private Repositories() {
    }

    /**
     * An implementation of a {@code @Repository} interface on an engine: an instance of the class the annotation
     * processor generated beside it ({@code Heroes} -> {@code Heroes_}; nested {@code Outer.Heroes} ->
     * {@code Outer_Heroes_}, in the same package).
     *
     * @throws MappingException when the generated class is missing (the annotation processor did not run) or
     *     cannot be instantiated
     * @throws IllegalArgumentException when {@code repositoryInterface} is not an interface
     */
    public static <R> R of(Class<R> repositoryInterface, Engine engine) {
        if (!repositoryInterface.isInterface()) {
            throw new IllegalArgumentException(repositoryInterface.getName() + " is not a repository interface");
        }
        String name = generatedName(repositoryInterface);
        Class<?> generated;
        try {
            generated = Class.forName(name, true, loader(repositoryInterface));
        } catch (ClassNotFoundException e) {
            throw new MappingException("No implementation " + name + " of repository " + repositoryInterface.getName()
                    + ": was the annotation processor (sqlmodel-processor) run on its sources?", e);
        }
        if (!repositoryInterface.isAssignableFrom(generated)) {
            throw new MappingException(name + " does not implement repository " + repositoryInterface.getName());
        }
        try {
            Constructor<?> constructor = generated.getConstructor(Engine.class);
            return repositoryInterface.cast(constructor.newInstance(engine));
        } catch (NoSuchMethodException e) {
            throw new MappingException(name + " has no public constructor taking an Engine", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new MappingException("Could not create " + name + ": " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new MappingException("Could not create " + name + ": " + e, e);
        }
    }

    static String generatedName(Class<?> repositoryInterface) {
        String binary = repositoryInterface.getName();
        String pkg = repositoryInterface.getPackageName();
        String simple = pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1);
        String generated = simple.replace('$', '_') + "_";
        return pkg.isEmpty() ? generated : pkg + "." + generated;
    }

    private static ClassLoader loader(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader != null ? loader : Thread.currentThread().getContextClassLoader();
    }
}
