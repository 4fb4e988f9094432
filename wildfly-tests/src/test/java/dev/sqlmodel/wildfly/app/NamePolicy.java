package dev.sqlmodel.wildfly.app;

import jakarta.enterprise.context.ApplicationScoped;

/** The application's name rules, a bean that a constraint validator injects. */
@ApplicationScoped
public class NamePolicy {
    /** Whether {@code name} may be used. */
    public boolean allows(String name) {
        return !name.equalsIgnoreCase("Voldemort");
    }
}
