package dev.sqlmodel.benchmarks;

import dev.sqlmodel.benchmarks.orm.HeroEntity;
import dev.sqlmodel.benchmarks.orm.TeamEntity;
import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Hibernate ORM with its native bootstrap on the shared Agroal pool of one connection: a
 * session per unit of work, reads outside a transaction (auto-commit, like {@code find} outside
 * one), each write in a transaction, JDBC batching on, no second-level or query cache.
 * (g) is a fetch join; (h) is {@code StatelessSession.upsertMultiple}.
 */
public final class HibernateLibrary implements Library {
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private final Database db;
    private final AgroalDataSource pool;
    private final StandardServiceRegistry registry;
    private final SessionFactory factory;

    /** A session factory on {@code db}. */
    public HibernateLibrary(Database db) throws SQLException {
        HIBERNATE_LOG.setLevel(Level.WARNING);
        this.db = db;
        this.pool = db.pool();
        this.registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, pool)
                .applySetting(AvailableSettings.DIALECT, db == Database.SQLITE
                        ? "org.hibernate.community.dialect.SQLiteDialect" : "org.hibernate.dialect.PostgreSQLDialect")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 100)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
                .applySetting(AvailableSettings.GENERATE_STATISTICS, false)
                .build();
        this.factory = new MetadataSources(registry).addAnnotatedClass(HeroEntity.class)
                .addAnnotatedClass(TeamEntity.class).buildMetadata().buildSessionFactory();
    }

    @Override
    public String name() {
        return "hibernate";
    }

    @Override
    public Object findById(long id) {
        return factory.fromSession(s -> s.find(HeroEntity.class, id));
    }

    @Override
    public List<?> select100() {
        return factory.fromSession(s -> s.createSelectionQuery(
                        "from HeroEntity h where h.age between :lo and :hi order by h.id", HeroEntity.class)
                .setParameter("lo", AGE_FROM).setParameter("hi", AGE_TO).getResultList());
    }

    @Override
    public List<?> select1000() {
        return factory.fromSession(s -> s.createSelectionQuery("from HeroEntity h order by h.id", HeroEntity.class)
                .setMaxResults(1000).getResultList());
    }

    private static HeroEntity entity(HeroRow h) {
        return new HeroEntity(h.id(), h.name(), h.secretName(), h.age(), h.teamId());
    }

    @Override
    public long insertOne(HeroRow hero) {
        HeroEntity e = entity(hero);
        factory.inTransaction(s -> s.persist(e));
        return e.id;
    }

    @Override
    public long[] insertMany(List<HeroRow> heroes) {
        List<HeroEntity> entities = new ArrayList<>(heroes.size());
        for (HeroRow h : heroes) {
            entities.add(entity(h));
        }
        factory.inTransaction(s -> {
            for (HeroEntity e : entities) {
                s.persist(e);
            }
        });
        long[] ids = new long[entities.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = entities.get(i).id;
        }
        return ids;
    }

    @Override
    public void updateOne(long id) {
        factory.inTransaction(s -> {
            HeroEntity h = s.find(HeroEntity.class, id);
            h.age = h.age ^ 1;
        });
    }

    @Override
    public List<?> teamsWithHeroes() {
        return factory.fromSession(s -> s.createSelectionQuery(
                "from TeamEntity t left join fetch t.heroes order by t.id", TeamEntity.class).getResultList());
    }

    @Override
    public int heroCount(List<?> teams) {
        int n = 0;
        for (Object t : teams) {
            n += ((TeamEntity) t).heroes.size();
        }
        return n;
    }

    @Override
    public void upsert(List<HeroRow> heroes) {
        List<HeroEntity> entities = new ArrayList<>(heroes.size());
        for (HeroRow h : heroes) {
            entities.add(entity(h));
        }
        factory.inStatelessTransaction(s -> s.upsertMultiple(entities));
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
        factory.close();
        StandardServiceRegistryBuilder.destroy(registry);
        pool.close();
    }

    @Override
    public String toString() {
        return "HibernateLibrary[" + factory + "]";
    }
}
