package dev.sqlmodel.cdi;

import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * The Jakarta Data repository classes the annotation processor generated ({@code Heroes_} for
 * {@code @Repository interface Heroes}) among the container's beans. They are ordinary beans and
 * need nothing from the extensions except this check: each one builds the plans of its methods
 * when its class is initialized, and the extensions initialize it at deployment, so that a method
 * the runtime cannot implement fails the deployment, with the runtime's {@code MappingException}
 * as the cause, instead of the first call. Names are compared as strings: sqlmodel-cdi does not
 * depend on Jakarta Data.
 */
final class RepositoryBeans {
    static final String REPOSITORY = "jakarta.data.repository.Repository";

    /**
     * Why a generated class could not be initialized, kept for the life of the class: a later
     * deployment in the same class loader gets only {@code NoClassDefFoundError} without the cause.
     */
    private static final Map<Class<?>, Throwable> FAILED = Collections.synchronizedMap(new WeakHashMap<>());

    /** Generated class name to the interface it implements. */
    private final Map<String, String> repositories = new TreeMap<>();

    /** Records {@code beanClass} when it is the generated class of one of {@code interfaces} (binary names). */
    void add(String beanClass, Collection<String> repositoryInterfaces) {
        for (String repository : repositoryInterfaces) {
            if (generatedName(repository).equals(beanClass)) {
                repositories.put(beanClass, repository);
            }
        }
    }

    /** Records a bean class seen as a {@code Class}: its interfaces annotated {@code @Repository} decide. */
    void add(Class<?> beanClass) {
        List<String> annotated = new ArrayList<>();
        for (Class<?> type : beanClass.getInterfaces()) {
            for (java.lang.annotation.Annotation a : type.getAnnotations()) {
                if (a.annotationType().getName().equals(REPOSITORY)) {
                    annotated.add(type.getName());
                }
            }
        }
        add(beanClass.getName(), annotated);
    }

    /** Initializes every recorded class; one problem for each whose plans cannot be built. */
    List<DeploymentException> problems(ClassLoader loader) {
        List<DeploymentException> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : repositories.entrySet()) {
            try {
                Class<?> generated = Class.forName(e.getKey(), false, loader);
                Throwable cause = initialize(generated);
                if (cause != null) {
                    problems.add(new DeploymentException("Repository " + e.getValue() + " cannot be implemented: "
                            + cause.getMessage(), cause));
                }
            } catch (ClassNotFoundException | LinkageError error) {
                problems.add(new DeploymentException("Repository " + e.getValue() + ": its generated class "
                        + e.getKey() + " cannot be loaded: " + error, error));
            }
        }
        return problems;
    }

    /** Initializes {@code generated}; null when that worked, else why not. */
    private static Throwable initialize(Class<?> generated) {
        Throwable known = FAILED.get(generated);
        if (known != null) {
            return known;
        }
        try {
            Class.forName(generated.getName(), true, generated.getClassLoader());
            return null;
        } catch (ExceptionInInitializerError error) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            FAILED.put(generated, cause);
            return cause;
        } catch (ClassNotFoundException | LinkageError error) {
            return error;
        }
    }

    /** {@code a.b.Heroes_} for {@code a.b.Heroes}, {@code a.b.Outer_Heroes_} for {@code a.b.Outer$Heroes}. */
    static String generatedName(String repository) {
        int dot = repository.lastIndexOf('.');
        String pkg = dot < 0 ? "" : repository.substring(0, dot + 1);
        return pkg + repository.substring(dot + 1).replace('$', '_') + "_";
    }

    @Override
    public String toString() {
        return "RepositoryBeans" + repositories.keySet();
    }
}
