package dev.sqlmodel.benchmarks;

import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.mapper.reflect.FieldMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * JDBI 3 on the shared Agroal pool of one connection: reads in {@code withHandle} (auto-commit),
 * each write in {@code inTransaction};
 * rows mapped by {@code ConstructorMapper}. (g) is one join folded with a row reducer; (e) is one
 * multi-row INSERT ... RETURNING bound from a list; (h) is a prepared batch.
 */
public final class JdbiLibrary implements Library {
    private static final String COLS = "id, name, secret_name, age, team_id";

    private final Database db;
    private final AgroalDataSource pool;
    private final Jdbi jdbi;

    /** A Jdbi on {@code db}. */
    public JdbiLibrary(Database db) throws SQLException {
        this.db = db;
        this.pool = db.pool();
        this.jdbi = Jdbi.create(pool);
        jdbi.registerRowMapper(ConstructorMapper.factory(HeroRow.class));
    }

    @Override
    public String name() {
        return "jdbi";
    }

    @Override
    public Object findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLS + " FROM heroes WHERE id = :id").bind("id", id)
                .mapTo(HeroRow.class).one());
    }

    @Override
    public List<?> select100() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLS
                        + " FROM heroes WHERE age BETWEEN :lo AND :hi ORDER BY id")
                .bind("lo", AGE_FROM).bind("hi", AGE_TO).mapTo(HeroRow.class).list());
    }

    @Override
    public List<?> select1000() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLS + " FROM heroes ORDER BY id LIMIT :n")
                .bind("n", 1000).mapTo(HeroRow.class).list());
    }

    @Override
    public long insertOne(HeroRow hero) {
        return jdbi.inTransaction(h -> h.createUpdate(
                        "INSERT INTO heroes (name, secret_name, age, team_id) VALUES (:name, :secretName, :age, :teamId)")
                .bindMethods(hero).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public long[] insertMany(List<HeroRow> heroes) {
        // A PreparedBatch reads no generated keys on SQLite: one multi-row INSERT ... RETURNING instead.
        return jdbi.inTransaction(h -> h.createQuery("INSERT INTO heroes (name, secret_name, age, team_id) VALUES <rows> "
                        + "RETURNING id")
                .bindMethodsList("rows", heroes, List.of("name", "secretName", "age", "teamId"))
                .mapTo(Long.class).stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public void updateOne(long id) {
        jdbi.useTransaction(h -> {
            HeroRow hero = h.createQuery("SELECT " + COLS + " FROM heroes WHERE id = :id").bind("id", id)
                    .mapTo(HeroRow.class).one();
            h.createUpdate("UPDATE heroes SET age = :age WHERE id = :id").bind("age", hero.age() ^ 1).bind("id", id)
                    .execute();
        });
    }

    @Override
    public List<?> teamsWithHeroes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.id t_id, t.name t_name, t.headquarters t_headquarters, "
                        + "h.id h_id, h.name h_name, h.secret_name h_secret_name, h.age h_age, h.team_id h_team_id "
                        + "FROM teams t LEFT JOIN heroes h ON h.team_id = t.id ORDER BY t.id, h.id")
                .registerRowMapper(FieldMapper.factory(TeamRow.class, "t"))
                .registerRowMapper(ConstructorMapper.factory(HeroRow.class, "h"))
                .reduceRows(new LinkedHashMap<Long, TeamRow>(), (map, row) -> {
                    TeamRow team = map.computeIfAbsent(row.getColumn("t_id", Long.class),
                            k -> row.getRow(TeamRow.class));
                    if (row.getColumn("h_id", Long.class) != null) {
                        team.heroes.add(row.getRow(HeroRow.class));
                    }
                    return map;
                }).values().stream().toList());
    }

    @Override
    public int heroCount(List<?> teams) {
        int n = 0;
        for (Object t : teams) {
            n += ((TeamRow) t).heroes.size();
        }
        return n;
    }

    @Override
    public void upsert(List<HeroRow> heroes) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO heroes (id, name, secret_name, age, team_id) "
                    + "VALUES (:id, :name, :secretName, :age, :teamId) ON CONFLICT (id) DO UPDATE SET "
                    + "name = excluded.name, secret_name = excluded.secret_name, age = excluded.age, "
                    + "team_id = excluded.team_id");
            for (HeroRow hero : heroes) {
                batch.bindMethods(hero).add();
            }
            batch.execute();
        });
    }

    @Override
    public void deleteAdded() {
        try (java.sql.Connection c = pool.getConnection()) {
            db.deleteAdded(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "JdbiLibrary[" + jdbi + "]";
    }
}
