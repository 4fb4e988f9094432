package dev.sqlmodel.benchmarks;

import static dev.sqlmodel.Sql.delete;
import static dev.sqlmodel.Sql.insert;
import static dev.sqlmodel.Sql.select;

import dev.sqlmodel.Engine;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.benchmarks.model.Hero;
import dev.sqlmodel.benchmarks.model.Hero_;
import dev.sqlmodel.benchmarks.model.Team;
import dev.sqlmodel.benchmarks.model.Team_;
import java.util.List;

/**
 * This library's stateless session, used the way its README shows for reads and bulk writes:
 * nothing tracked, each call its own auto-commit statement, {@code insertAll} in one transaction
 * of its own, relationships through {@code fetch(...)}.
 */
public final class StatelessLibrary implements Library {
    private final Engine engine;

    /** An engine on {@code db} with a pool of one connection. */
    public StatelessLibrary(Database db) {
        this.engine = SqlModelLibrary.engine(db, false);
    }

    @Override
    public String name() {
        return "stateless";
    }

    @Override
    public Object findById(long id) {
        try (StatelessSession s = engine.stateless()) {
            return s.get(Hero.class, id).orElseThrow();
        }
    }

    @Override
    public List<?> select100() {
        try (StatelessSession s = engine.stateless()) {
            return s.exec(select(Hero.class).where(Hero_.age.between(AGE_FROM, AGE_TO)).orderBy(Hero_.id.asc())).all();
        }
    }

    @Override
    public List<?> select1000() {
        try (StatelessSession s = engine.stateless()) {
            return s.exec(select(Hero.class).orderBy(Hero_.id.asc()).limit(1000)).all();
        }
    }

    @Override
    public long insertOne(HeroRow hero) {
        try (StatelessSession s = engine.stateless()) {
            return s.insert(SqlModelLibrary.model(hero)).id;
        }
    }

    @Override
    public long[] insertMany(List<HeroRow> heroes) {
        List<Hero> models = SqlModelLibrary.models(heroes);
        try (StatelessSession s = engine.stateless()) {
            s.insertAll(models);
        }
        long[] ids = new long[models.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = models.get(i).id;
        }
        return ids;
    }

    @Override
    public void updateOne(long id) {
        try (StatelessSession s = engine.stateless()) {
            s.transaction(() -> {
                Hero h = s.get(Hero.class, id).orElseThrow();
                h.age = h.age ^ 1;
                s.update(h);
            });
        }
    }

    @Override
    public List<?> teamsWithHeroes() {
        try (StatelessSession s = engine.stateless()) {
            return s.exec(select(Team.class).orderBy(Team_.id.asc()).fetch(Team_.heroes)).all();
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

    /** One multi-row {@code INSERT ... ON CONFLICT (id) DO UPDATE}, as the session's path and raw JDBC send. */
    @Override
    public void upsert(List<HeroRow> heroes) {
        List<Hero> models = SqlModelLibrary.models(heroes);
        try (StatelessSession s = engine.stateless()) {
            s.execute(insert(Hero.class).values(models).onConflict(Hero_.id)
                    .doUpdate(Hero_.name, Hero_.secretName, Hero_.age, Hero_.teamId));
        }
    }

    @Override
    public void deleteAdded() {
        try (StatelessSession s = engine.stateless()) {
            s.execute(delete(Hero.class).where(Hero_.id.gt((long) Database.HEROES)));
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "StatelessLibrary[" + engine + "]";
    }
}
