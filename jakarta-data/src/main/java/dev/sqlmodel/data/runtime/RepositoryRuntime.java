package dev.sqlmodel.data.runtime;

import dev.sqlmodel.MappingException;
import java.util.Arrays;
import java.util.Map;

/** The plans of every abstract method of one repository interface, built once; used by generated repositories. */
public final class RepositoryRuntime {

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
        return new RepositoryRuntime(repositoryInterface, Map.of());
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
                    + Arrays.toString(parameterTypes));
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
}
