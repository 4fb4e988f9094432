package dev.sqlmodel.docs.model;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sqlmodel.Sql.select;

/**
 * The data a run snippet starts from: two teams and three stored heroes in an SQLite file, and
 * the values of the variables snippets use without declaring them.
 */
public final class Fixture {
    private Fixture() {
    }

    /**
     * Creates the tables and rows in a new SQLite database in {@code dir} and returns the snippet
     * variables by name: an open {@code engine} and {@code session}, {@code hero} (Deadpond, id 1)
     * and {@code other} (Rusty-Man) loaded in that session, {@code team} (Preventers), every
     * {@code heroes}, new unsaved {@code risky}, {@code h1} and {@code h2}, and {@code migrations}.
     */
    public static Map<String, Object> create(Path dir) {
        Engine engine = Engine.builder().url("jdbc:sqlite:" + dir.resolve("fixture.db")).build();
        engine.createAll();
        try (Session s = engine.session()) {
            Team preventers = new Team("Preventers", "Sharp Tower");
            Team zForce = new Team("Z-Force", "Sister Margaret's Bar");
            Hero deadpond = new Hero("Deadpond", "Dive Wilson", null);
            deadpond.team.set(zForce);
            Hero rusty = new Hero("Rusty-Man", "Tommy Sharp", 48);
            rusty.team.set(preventers);
            Hero spider = new Hero("Spider-Boy", "Pedro Parqueador", null);
            s.addAll(List.of(deadpond, rusty, spider));
            s.commit();
        }
        Session session = engine.session();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("engine", engine);
        vars.put("session", session);
        vars.put("hero", session.get(Hero.class, 1L).orElseThrow());
        vars.put("other", session.get(Hero.class, 2L).orElseThrow());
        vars.put("team", session.exec(select(Team.class).where(Team_.name.eq("Preventers"))).one());
        vars.put("heroes", session.exec(select(Hero.class).orderBy(Hero_.id.asc())).all());
        vars.put("risky", new Hero("Black Lion", "Trevor Challa", 35));
        vars.put("h1", new Hero("Tarantula", "Natalia Roman-on", 32));
        vars.put("h2", new Hero("Dr. Weird", "Steve Weird", 36));
        vars.put("migrations", dir.resolve("migrations"));
        return vars;
    }
}
