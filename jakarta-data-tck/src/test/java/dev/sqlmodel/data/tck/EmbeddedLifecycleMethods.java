package dev.sqlmodel.data.tck;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs the {@code @BeforeEach} and {@code @AfterEach} methods of in-container tests, which
 * Arquillian's JUnit 5 extension skips on the client because a container-side JUnit run is to
 * execute them. An embedded container with the local protocol has no container-side run: it
 * invokes the test method alone, so without this the TCK's {@code EntityTests.setup()} (which
 * fills the read-only repositories) would never run. Registered through JUnit's extension
 * auto-detection, it is the outermost interceptor: it lets the chain skip the method, then
 * invokes it in the same JVM, after Arquillian has deployed and injected the test instance, as the
 * container would. Tests run as client, and runs inside a container, are left alone (Arquillian
 * runs their lifecycle methods itself), as are TCK runs without deployment.
 */
public class EmbeddedLifecycleMethods implements InvocationInterceptor {
    private static final String INSIDE_ARQUILLIAN = "insideArquillian";

    /** Created by JUnit's extension auto-detection. */
    public EmbeddedLifecycleMethods() {
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        runWhereSkipped(invocation, method, context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        runWhereSkipped(invocation, method, context);
    }

    private static void runWhereSkipped(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        invocation.proceed();
        if (!skippedByArquillian(context)) {
            return;
        }
        Method lifecycle = method.getExecutable();
        lifecycle.setAccessible(true);
        try {
            lifecycle.invoke(method.getTarget().orElseThrow(), method.getArguments().toArray());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The conditions under which Arquillian's extension skips a lifecycle method on the client. */
    private static boolean skippedByArquillian(ExtensionContext context) {
        if (!isArquillianTest(context.getRequiredTestClass())) {
            return false;
        }
        if (Boolean.parseBoolean(context.getConfigurationParameter(INSIDE_ARQUILLIAN).orElse("false"))) {
            return false;
        }
        if (Boolean.getBoolean("jakarta.tck.skip.deployment")) {
            return false;
        }
        return !context.getRequiredTestClass().isAnnotationPresent(RunAsClient.class)
                && !context.getRequiredTestMethod().isAnnotationPresent(RunAsClient.class);
    }

    /** Whether Arquillian's extension runs the class, directly or through an annotation such as the TCK's {@code @Standalone}. */
    private static boolean isArquillianTest(Class<?> testClass) {
        return hasArquillianExtension(testClass.getAnnotations(), 0);
    }

    private static boolean hasArquillianExtension(java.lang.annotation.Annotation[] annotations, int depth) {
        for (java.lang.annotation.Annotation a : annotations) {
            if (a instanceof org.junit.jupiter.api.extension.ExtendWith extendWith) {
                for (Class<?> extension : extendWith.value()) {
                    if (org.jboss.arquillian.junit5.ArquillianExtension.class.isAssignableFrom(extension)) {
                        return true;
                    }
                }
            }
            if (depth < 2 && !a.annotationType().getName().startsWith("java.")
                    && hasArquillianExtension(a.annotationType().getAnnotations(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
