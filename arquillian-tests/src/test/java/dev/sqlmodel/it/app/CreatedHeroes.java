package dev.sqlmodel.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hears of created heroes only once their transaction has committed. */
@ApplicationScoped
public class CreatedHeroes {
    private final List<String> names = new CopyOnWriteArrayList<>();

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) HeroService.HeroCreated event) {
        names.add(event.name());
    }

    public List<String> names() {
        return names;
    }

    public void clear() {
        names.clear();
    }
}
