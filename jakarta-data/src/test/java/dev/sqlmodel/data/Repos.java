package dev.sqlmodel.data;

import dev.sqlmodel.Engine;
import dev.sqlmodel.data.runtime.RepositoryRuntime;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** Repository instances for tests: a proxy that runs each abstract method's plan, as the generated class does. */
final class Repos {

    private Repos() {
    }

    static <R> R of(Class<R> repository, Engine engine) {
        RepositoryRuntime runtime = RepositoryRuntime.of(repository);
        InvocationHandler handler = (proxy, method, args) -> {
            Object[] a = args == null ? new Object[0] : args;
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, a);
            }
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, a, repository);
            }
            return runtime.method(method.getName(), method.getParameterTypes()).invoke(engine, a);
        };
        return repository.cast(Proxy.newProxyInstance(repository.getClassLoader(), new Class<?>[] {repository},
                handler));
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Class<?> repository) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> repository.getSimpleName() + " proxy";
        };
    }
}
