package dev.sqlmodel.it.app;

import jakarta.enterprise.context.ApplicationScoped;

/** The application's name rules, a bean that a constraint validator injects. */
@ApplicationScoped
public class NamePolicy {
    public boolean allows(String name) {
        return !name.equalsIgnoreCase("Voldemort");
    }
}
