package dev.sqlmodel.examples.heroes;

import static dev.sqlmodel.Sql.select;

import dev.sqlmodel.Engine;
import dev.sqlmodel.ModelInfo;
import dev.sqlmodel.Session;
import dev.sqlmodel.schema.SchemaChange;
import dev.sqlmodel.schema.SchemaDiff;
import dev.sqlmodel.schema.SchemaInspector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The steps of the SQLModel tutorial, each in its own JTA transaction ({@code @Transactional}):
 * the request's session joins the transaction, writes its changes before the commit and starts
 * the next step empty.
 */
@ApplicationScoped
public class Tutorial {
    @Inject Session session;
    @Inject Engine engine;

    private PrintStream out = System.out;

    /** Prints to {@code stream} from now on. */
    void printTo(PrintStream stream) {
        this.out = stream;
    }

    /** Creates every model's table. */
    void createTables() {
        engine.createAll();
        out.println("Created the tables " + engine.models().stream().map(m -> m.tableName()).collect(Collectors.joining(", "))
                + " (" + engine.dialect() + ")");
    }

    /** Compares the live schema with the models, as a migration would. */
    void schemaStatus() {
        Class<?>[] models = engine.models().stream().map(ModelInfo::type).toArray(Class<?>[]::new);
        List<SchemaChange> pending = SchemaDiff.between(SchemaInspector.inspect(engine),
                SchemaInspector.fromModels(engine.dialect(), models));
        out.println("Migration status: " + (pending.isEmpty() ? "the database matches the models, nothing to migrate"
                : pending.size() + " change(s) to migrate: " + pending));
    }

    /** Inserts two teams and seven heroes, two of them with a team. */
    @Transactional
    public void insertTeamsAndHeroes() {
        Team preventers = new Team("Preventers", "Sharp Tower");
        Team zForce = new Team("Z-Force", "Sister Margaret's Bar");
        Hero deadpond = new Hero("Deadpond", "Dive Wilson", null);
        deadpond.team.set(zForce);
        Hero rusty = new Hero("Rusty-Man", "Tommy Sharp", 48);
        rusty.team.set(preventers);
        session.addAll(List.of(deadpond, rusty, new Hero("Spider-Boy", "Pedro Parqueador", null),
                new Hero("Tarantula", "Natalia Roman-on", 32), new Hero("Black Lion", "Trevor Challa", 35),
                new Hero("Dr. Weird", "Steve Weird", 36), new Hero("Captain North America", "Esteban Rogelios", 93)));
        session.flush(); // ids now, to print them; the commit comes when this method returns
        out.println("Inserted 2 teams and 7 heroes: Deadpond has id " + deadpond.id + " and joined " + zForce.name
                + " (id " + zForce.id + ")");
    }

    /** Selects the three oldest heroes over 30. */
    @Transactional
    public void selectWithWhereOrderAndLimit() {
        List<Hero> oldest = session.exec(select(Hero.class).where(Hero_.age.gt(30)).orderBy(Hero_.age.desc()).limit(3)).all();
        out.println("The three oldest heroes over 30: " + oldest);
    }

    /** Prints each hero's team, loaded for all heroes by one batched query. */
    @Transactional
    public void relationshipsLoadedInOneBatch() {
        List<Hero> heroes = session.exec(select(Hero.class).orderBy(Hero_.id.asc())).all();
        // The first team access loads the team of every hero of that query: two queries, not eight.
        String teams = heroes.stream()
                .map(h -> h.name + " -> " + (h.team.get() != null ? h.team.get().name : "no team"))
                .collect(Collectors.joining(", "));
        out.println("Heroes and their teams (two queries for all of them): " + teams);
    }

    /** Makes Spider-Boy a member of every team through the link model. */
    @Transactional
    public void manyToManyThroughTheLinkModel() {
        Hero spider = session.exec(select(Hero.class).where(Hero_.name.eq("Spider-Boy"))).one();
        for (Team team : session.exec(select(Team.class)).all()) {
            team.members.add(spider); // a heroteamlink row each, written at commit
        }
    }

    /** Prints Spider-Boy's teams, read through the link model. */
    @Transactional
    public void showManyToMany() {
        Hero spider = session.exec(select(Hero.class).where(Hero_.name.eq("Spider-Boy"))).one();
        out.println("Spider-Boy is a member of " + spider.teams.get().stream().map(t -> t.name).sorted().toList());
    }

    /** Changes Spider-Boy's age. */
    @Transactional
    public void update() {
        Hero spider = session.exec(select(Hero.class).where(Hero_.name.eq("Spider-Boy"))).one();
        spider.age = 16; // dirty checking: only age is updated, at commit
        out.println("Updated Spider-Boy's age to " + spider.age);
    }

    /** Deletes Captain North America (and his link rows). */
    @Transactional
    public void delete() {
        Hero captain = session.exec(select(Hero.class).where(Hero_.name.eq("Captain North America"))).one();
        session.delete(captain);
        out.println("Deleted " + captain.name);
    }

    /** Keeps one hero and rolls another back to a savepoint inside the same transaction. */
    @Transactional
    public void rollBackToASavepoint() {
        session.add(new Hero("Princess Sure-E", "Sure-E", 21));
        try {
            session.nested(() -> {
                session.add(new Hero("Dormammu", "Dormammu", 1000));
                session.flush();
                throw new IllegalStateException("Dormammu is not a hero");
            });
        } catch (IllegalStateException e) {
            out.println("Rolled back to a savepoint (" + e.getMessage() + "); the rest of the transaction goes on");
        }
    }

    /** Adds a hero with a negative age; the commit fails validation and writes nothing. */
    @Transactional
    public void addInvalidHero() {
        session.add(new Hero("Minus Man", "Negative Ned", -5)); // validated when the transaction commits
    }

    /** Prints the heroes left. */
    @Transactional
    public void summary() {
        List<String> names = session.exec(select(Hero_.name).orderBy(Hero_.name.asc())).all();
        out.println(names.size() + " heroes now: " + String.join(", ", names));
    }
}
