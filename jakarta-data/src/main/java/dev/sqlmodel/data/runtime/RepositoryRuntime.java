package dev.sqlmodel.data.runtime;

import dev.sqlmodel.MappingException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plans of every abstract method of one repository interface, built once; used by generated repositories.
 * Building reads the interface by reflection (the entity from {@code DataRepository<T, K>}, or from the lifecycle
 * methods when the repository has none; each method's annotations, name, parameters and return type); calls only
 * run the plans.
 */
public final class RepositoryRuntime {

    private static final ClassValue<RepositoryRuntime> CACHE = new ClassValue<>() {
        @Override
        protected RepositoryRuntime computeValue(Class<?> type) {
            return build(type);
        }
    };

    private final Class<?> repository;
    private final Map<String, MethodPlan> plans;

    private RepositoryRuntime(Class<?> repository, Map<String, MethodPlan> plans) {
        this.repository = repository;
        this.plans = plans;
    }

    /**
     * Builds a plan for every abstract method of the interface, once (reflection happens here only).
     *
     * @throws MappingException naming the repository, the method and what is wrong
     */
    public static RepositoryRuntime of(Class<?> repositoryInterface) {
        return CACHE.get(repositoryInterface);
    }

    private static RepositoryRuntime build(Class<?> repository) {
        if (!repository.isInterface()) {
            throw new MappingException("Repository " + repository.getName() + " is not an interface");
        }
        Planner planner = new Planner(repository);
        Map<String, MethodPlan> plans = new LinkedHashMap<>();
        for (Method m : repository.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String key = key(m.getName(), m.getParameterTypes());
            if (plans.containsKey(key) || overriddenByDefault(repository, m)) {
                continue;
            }
            plans.put(key, planner.plan(m));
        }
        return new RepositoryRuntime(repository, plans);
    }

    private static boolean overriddenByDefault(Class<?> repository, Method m) {
        try {
            Method found = repository.getMethod(m.getName(), m.getParameterTypes());
            return found.isDefault();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * The plan of one method, found by name and the erased parameter types of its declaration.
     *
     * @throws MappingException when the repository has no such abstract method
     */
    public MethodPlan method(String name, Class<?>... parameterTypes) {
        MethodPlan plan = plans.get(key(name, parameterTypes));
        if (plan == null) {
            throw new MappingException("Repository " + repository.getName() + " has no abstract method " + name
                    + Arrays.toString(parameterTypes).replace('[', '(').replace(']', ')'));
        }
        return plan;
    }

    static String key(String name, Class<?>... parameterTypes) {
        StringBuilder key = new StringBuilder(name).append('(');
        for (Class<?> type : parameterTypes) {
            key.append(type.getName()).append(',');
        }
        return key.append(')').toString();
    }

    @Override
    public String toString() {
        return "RepositoryRuntime[" + repository.getName() + ", " + plans.size() + " methods]";
    }
}
