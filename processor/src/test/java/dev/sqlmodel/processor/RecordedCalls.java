package dev.sqlmodel.processor;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stand-in repository runtime of {@link RepositoryClassesTest} saw: the methods the
 * generated classes looked up (each one resolved on the interface by reflection, as the real
 * runtime does) and the calls they made, with the answers to give.
 */
public final class RecordedCalls {
    /** One call of a plan. */
    public record Call(String method, Object engine, List<Object> args) {
    }

    static final List<String> LOOKUPS = new ArrayList<>();
    static final List<Call> CALLS = new ArrayList<>();
    static final Map<String, Object> ANSWERS = new HashMap<>();

    private RecordedCalls() {
    }

    /** Called by the stand-in runtime when a plan is looked up; fails as the runtime would when no such method exists. */
    public static void lookup(Class<?> repository, String name, Class<?>[] parameterTypes) {
        try {
            Method method = repository.getMethod(name, parameterTypes);
            LOOKUPS.add(repository.getSimpleName() + "." + name + Arrays.toString(method.getParameterTypes()));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no method " + name + Arrays.toString(parameterTypes) + " in " + repository, e);
        }
    }

    /** Called by the stand-in plan for each call; answers what {@link #ANSWERS} holds for the method. */
    public static Object invoke(String name, Object engine, Object[] args) {
        CALLS.add(new Call(name, engine, Arrays.asList(args)));
        return ANSWERS.get(name);
    }

    static void clear() {
        LOOKUPS.clear();
        CALLS.clear();
        ANSWERS.clear();
    }
}
