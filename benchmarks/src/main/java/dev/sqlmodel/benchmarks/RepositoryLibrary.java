package dev.sqlmodel.benchmarks;

import dev.sqlmodel.Engine;
import dev.sqlmodel.benchmarks.model.Hero;
import dev.sqlmodel.benchmarks.model.HeroRepository;
import dev.sqlmodel.benchmarks.model.Team;
import dev.sqlmodel.benchmarks.model.TeamRepository;
import dev.sqlmodel.data.Repositories;
import jakarta.data.Limit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Jakarta Data repositories over the same models, used as the specification describes outside a
 * container: each method call is its own statement (or, for several rows, its own transaction).
 * Jakarta Data 1.0 has no relationships, so (g) is two repository calls joined in Java, and (f)
 * is a find and an {@code @Update} without a surrounding transaction (a container would add one
 * through {@code @Transactional}).
 */
public final class RepositoryLibrary implements Library {
    private final Engine engine;
    private final HeroRepository heroes;
    private final TeamRepository teams;

    /** Repositories on an engine on {@code db} with a pool of one connection. */
    public RepositoryLibrary(Database db) {
        this.engine = SqlModelLibrary.engine(db, false);
        this.heroes = Repositories.of(HeroRepository.class, engine);
        this.teams = Repositories.of(TeamRepository.class, engine);
    }

    @Override
    public String name() {
        return "repository";
    }

    @Override
    public Object findById(long id) {
        return heroes.findById(id).orElseThrow();
    }

    @Override
    public List<?> select100() {
        return heroes.findByAgeBetweenOrderByIdAsc(AGE_FROM, AGE_TO);
    }

    @Override
    public List<?> select1000() {
        return heroes.first(Limit.of(1000));
    }

    @Override
    public long insertOne(HeroRow hero) {
        return heroes.add(SqlModelLibrary.model(hero)).id;
    }

    @Override
    public long[] insertMany(List<HeroRow> rows) {
        List<Hero> models = SqlModelLibrary.models(rows);
        List<Hero> added = heroes.addAll(models);
        long[] ids = new long[added.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = added.get(i).id;
        }
        return ids;
    }

    @Override
    public void updateOne(long id) {
        Hero h = heroes.findById(id).orElseThrow();
        h.age = h.age ^ 1;
        heroes.change(h);
    }

    /** A team and its heroes, as (g) returns them. */
    record TeamWithHeroes(Team team, List<Hero> heroes) {
    }

    @Override
    public List<?> teamsWithHeroes() {
        List<Team> all = teams.all();
        Map<Long, TeamWithHeroes> byId = new HashMap<>();
        List<TeamWithHeroes> result = new ArrayList<>(all.size());
        for (Team t : all) {
            TeamWithHeroes twh = new TeamWithHeroes(t, new ArrayList<>());
            byId.put(t.id, twh);
            result.add(twh);
        }
        for (Hero h : heroes.findByTeamIdIn(byId.keySet())) {
            byId.get(h.teamId).heroes().add(h);
        }
        return result;
    }

    @Override
    public int heroCount(List<?> teamList) {
        int n = 0;
        for (Object t : teamList) {
            n += ((TeamWithHeroes) t).heroes().size();
        }
        return n;
    }

    /** {@code saveAll}: each hero inserted or updated by key, in one transaction. */
    @Override
    public void upsert(List<HeroRow> rows) {
        List<Hero> models = SqlModelLibrary.models(rows);
        heroes.saveAll(models);
    }

    @Override
    public void deleteAdded() {
        heroes.deleteByIdGreaterThan(Database.HEROES);
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "RepositoryLibrary[" + engine + "]";
    }
}
