package dev.sqlmodel.benchmarks;

import static dev.sqlmodel.Sql.delete;
import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.benchmarks.model.Hero;
import dev.sqlmodel.benchmarks.model.Hero_;
import dev.sqlmodel.benchmarks.model.Team;
import dev.sqlmodel.benchmarks.model.Team_;
import java.util.ArrayList;
import java.util.List;

/** This library, used the way its README shows: one session per unit of work. */
public final class SqlModelLibrary implements Library {
    private final Engine engine;

    /** An engine on {@code db} with a pool of one connection; {@code echo} logs every statement. */
    public SqlModelLibrary(Database db, boolean echo) {
        this.engine = engine(db, echo);
    }

    /** An engine on {@code db} knowing the heroes and teams, with a pool of one connection; {@code echo} logs every statement. */
    static Engine engine(Database db, boolean echo) {
        Engine.Builder b = Engine.builder().url(db.url()).pool(p -> p.minSize(1).maxSize(1))
                .models(Hero.class, Team.class).echo(echo);
        if (db.user() != null) {
            b.user(db.user());
        }
        return b.build();
    }

    @Override
    public String name() {
        return "sqlmodel";
    }

    @Override
    public Object findById(long id) {
        try (Session s = engine.session()) {
            return s.get(Hero.class, id).orElseThrow();
        }
    }

    @Override
    public List<?> select100() {
        try (Session s = engine.session()) {
            return s.exec(select(Hero.class).where(Hero_.age.between(AGE_FROM, AGE_TO)).orderBy(Hero_.id.asc())).all();
        }
    }

    @Override
    public List<?> select1000() {
        try (Session s = engine.session()) {
            return s.exec(select(Hero.class).orderBy(Hero_.id.asc()).limit(1000)).all();
        }
    }

    /** This library's model of {@code h}, as the three SQLModel columns build it inside the timed call. */
    static Hero model(HeroRow h) {
        return new Hero(h.id(), h.name(), h.secretName(), h.age(), h.teamId());
    }

    /** {@link #model} of each row. */
    static List<Hero> models(List<HeroRow> rows) {
        List<Hero> models = new ArrayList<>(rows.size());
        for (HeroRow h : rows) {
            models.add(model(h));
        }
        return models;
    }

    @Override
    public long insertOne(HeroRow hero) {
        try (Session s = engine.session()) {
            Hero h = s.add(model(hero));
            s.commit();
            return h.id;
        }
    }

    @Override
    public long[] insertMany(List<HeroRow> heroes) {
        try (Session s = engine.session()) {
            List<Hero> models = models(heroes);
            s.addAll(models);
            s.commit();
            long[] ids = new long[models.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = models.get(i).id;
            }
            return ids;
        }
    }

    @Override
    public void updateOne(long id) {
        try (Session s = engine.session()) {
            Hero h = s.get(Hero.class, id).orElseThrow();
            h.age = h.age ^ 1;
            s.commit();
        }
    }

    @Override
    public List<?> teamsWithHeroes() {
        try (Session s = engine.session()) {
            List<Team> teams = s.exec(select(Team.class).orderBy(Team_.id.asc())).all();
            for (Team t : teams) {
                t.heroes.get(); // the first access loads the heroes of every team of the query
            }
            return teams;
        }
    }

    @Override
    public int heroCount(List<?> teams) {
        int n = 0;
        for (Object t : teams) {
            n += ((Team) t).heroes.size();
        }
        return n;
    }

    @Override
    public void upsert(List<HeroRow> heroes) {
        List<Hero> models = models(heroes);
        try (Session s = engine.session()) {
            s.execute(insert(Hero.class).values(models).onConflict(Hero_.id)
                    .doUpdate(Hero_.name, Hero_.secretName, Hero_.age, Hero_.teamId));
            s.commit();
        }
    }

    @Override
    public void deleteAdded() {
        try (Session s = engine.session()) {
            s.execute(delete(Hero.class).where(Hero_.id.gt((long) Database.HEROES)));
            s.commit();
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "SqlModelLibrary[" + engine + "]";
    }
}
