package dev.sqlmodel.cdi;

import dev.sqlmodel.impl.Validation;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ValidatorFactory;

/**
 * Chooses how sessions validate in a CDI container. The container's own
 * {@code ValidatorFactory} comes first: a bean (Quarkus with {@code quarkus-hibernate-validator};
 * the built-in bean of a Jakarta EE server) or the one bound at {@code java:comp/ValidatorFactory}.
 * Its constraint validators already get injection, and its configuration (messages, locales,
 * {@code validation.xml}, customizers) applies. Without one, the built-in factory is used with
 * {@link ContainerValidators} creating its constraint validators.
 */
final class CdiValidation {
    private static final String JNDI_NAME = "java:comp/ValidatorFactory";
    private static boolean installed;

    private CdiValidation() {
    }

    /** Installs the container's factory, or container-created validators, unless done already. */
    static synchronized void install(Instance<Object> lookup) {
        if (installed) {
            return;
        }
        ValidatorFactory container = containerFactory(lookup);
        if (container != null) {
            Validation.useFactory(container);
        } else {
            Validation.useValidators(new ContainerValidators(lookup));
        }
        installed = true;
    }

    /** Restores the built-in factory (the container is going away); the container's factory is its own to close. */
    static synchronized void uninstall() {
        if (installed) {
            Validation.useFactory(null);
            Validation.useValidators(null);
            installed = false;
        }
    }

    private static ValidatorFactory containerFactory(Instance<Object> lookup) {
        Instance<ValidatorFactory> bean = lookup.select(ValidatorFactory.class);
        if (bean.isResolvable()) {
            return bean.get();
        }
        return JtaLookup.jndi(ValidatorFactory.class, JNDI_NAME);
    }
}
