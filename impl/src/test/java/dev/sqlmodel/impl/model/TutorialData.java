package dev.sqlmodel.impl.model;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;

/**
 * The tutorial's data set. Heroes in id order: Deadpond (no age, Z-Force), Spider-Boy (no age,
 * no team), Rusty-Man (48, Preventers), Tarantula (32, Preventers), Black Lion (35, Z-Force),
 * Dr. Weird (36, Preventers), Captain North America (93, no team); teams in id order:
 * Preventers, Z-Force, Lonely (no heroes).
 */
public final class TutorialData {
    private TutorialData() {
    }

    /** Inserts the teams and heroes into the (empty) tables of {@code engine}. */
    public static void insert(Engine engine) {
        try (Session s = engine.session()) {
            Team preventers = s.add(new Team("Preventers", "Sharp Tower"));
            Team zForce = s.add(new Team("Z-Force", "Sister Margaret's Bar"));
            s.add(new Team("Lonely", null));
            s.commit();
            s.add(hero("Deadpond", "Dive Wilson", null, zForce));
            s.add(hero("Spider-Boy", "Pedro Parqueador", null, null));
            s.add(hero("Rusty-Man", "Tommy Sharp", 48, preventers));
            s.add(hero("Tarantula", "Natalia Roman-on", 32, preventers));
            s.add(hero("Black Lion", "Trevor Challa", 35, zForce));
            s.add(hero("Dr. Weird", "Steve Weird", 36, preventers));
            s.add(hero("Captain North America", "Esteban Rogelios", 93, null));
            s.commit();
        }
    }

    private static Hero hero(String name, String secret, Integer age, Team team) {
        Hero h = new Hero(name, secret, age);
        h.teamId = team == null ? null : team.id;
        return h;
    }
}
