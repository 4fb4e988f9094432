package dev.sqlmodel.benchmarks;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.InsertValuesStep5;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record4;
import org.jooq.Record5;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ 3.19 on the shared Agroal pool of one connection, without code generation (tables and
 * fields declared by name): reads run as plain auto-commit queries, each write in
 * {@code transactionResult}. (g) is a MULTISET; (h) is
 * one multi-row {@code INSERT ... ON CONFLICT DO UPDATE}; (f) selects and updates by hand (no
 * generated {@code UpdatableRecord}); (e) is one multi-row INSERT with RETURNING on PostgreSQL and an
 * insert per row on SQLite, where jOOQ reads one generated key per statement.
 */
public final class JooqLibrary implements Library {
    private static final Table<Record> HEROES = table(DSL.name("heroes"));
    private static final Field<Long> H_ID = field(DSL.name("heroes", "id"), SQLDataType.BIGINT);
    private static final Field<String> H_NAME = field(DSL.name("heroes", "name"), SQLDataType.VARCHAR);
    private static final Field<String> H_SECRET = field(DSL.name("heroes", "secret_name"), SQLDataType.VARCHAR);
    private static final Field<Integer> H_AGE = field(DSL.name("heroes", "age"), SQLDataType.INTEGER);
    private static final Field<Long> H_TEAM = field(DSL.name("heroes", "team_id"), SQLDataType.BIGINT);
    private static final Table<Record> TEAMS = table(DSL.name("teams"));
    private static final Field<Long> T_ID = field(DSL.name("teams", "id"), SQLDataType.BIGINT);
    private static final Field<String> T_NAME = field(DSL.name("teams", "name"), SQLDataType.VARCHAR);
    private static final Field<String> T_HQ = field(DSL.name("teams", "headquarters"), SQLDataType.VARCHAR);

    private final Database db;
    private final AgroalDataSource pool;
    private final DSLContext dsl;

    /** A DSL context on {@code db}. */
    public JooqLibrary(Database db) throws SQLException {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        this.db = db;
        this.pool = db.pool();
        this.dsl = DSL.using(pool, db == Database.SQLITE ? SQLDialect.SQLITE : SQLDialect.POSTGRES,
                new Settings().withExecuteLogging(false));
    }

    @Override
    public String name() {
        return "jooq";
    }

    private static org.jooq.SelectSelectStep<Record5<Long, String, String, Integer, Long>> heroColumns(DSLContext c) {
        return c.select(H_ID, H_NAME, H_SECRET, H_AGE, H_TEAM);
    }

    @Override
    public Object findById(long id) {
        return heroColumns(dsl).from(HEROES).where(H_ID.eq(id))
                .fetchOne(Records.mapping(HeroRow::new));
    }

    @Override
    public List<?> select100() {
        return heroColumns(dsl).from(HEROES).where(H_AGE.between(AGE_FROM, AGE_TO))
                .orderBy(H_ID).fetch(Records.mapping(HeroRow::new));
    }

    @Override
    public List<?> select1000() {
        return heroColumns(dsl).from(HEROES).orderBy(H_ID).limit(1000)
                .fetch(Records.mapping(HeroRow::new));
    }

    @Override
    public long insertOne(HeroRow h) {
        return dsl.transactionResult(cfg -> cfg.dsl().insertInto(HEROES, H_NAME, H_SECRET, H_AGE, H_TEAM)
                .values(h.name(), h.secretName(), h.age(), h.teamId()).returningResult(H_ID).fetchOne().value1());
    }

    @Override
    public long[] insertMany(List<HeroRow> heroes) {
        if (dsl.dialect() == SQLDialect.SQLITE) {
            // jOOQ's SQLite dialect reads generated keys as last_insert_rowid() (one key per
            // statement, no RETURNING): one insert per row, in one transaction.
            return dsl.transactionResult(cfg -> {
                long[] ids = new long[heroes.size()];
                for (int i = 0; i < ids.length; i++) {
                    HeroRow h = heroes.get(i);
                    ids[i] = cfg.dsl().insertInto(HEROES, H_NAME, H_SECRET, H_AGE, H_TEAM)
                            .values(h.name(), h.secretName(), h.age(), h.teamId()).returningResult(H_ID).fetchOne()
                            .value1();
                }
                return ids;
            });
        }
        return dsl.transactionResult(cfg -> {
            InsertValuesStep4<Record, String, String, Integer, Long> insert =
                    cfg.dsl().insertInto(HEROES, H_NAME, H_SECRET, H_AGE, H_TEAM);
            for (HeroRow h : heroes) {
                insert = insert.values(h.name(), h.secretName(), h.age(), h.teamId());
            }
            List<Record1<Long>> keys = insert.returningResult(H_ID).fetch();
            long[] ids = new long[keys.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = keys.get(i).value1();
            }
            return ids;
        });
    }

    @Override
    public void updateOne(long id) {
        dsl.transaction(cfg -> {
            DSLContext c = cfg.dsl();
            HeroRow h = heroColumns(c).from(HEROES).where(H_ID.eq(id)).fetchOne(Records.mapping(HeroRow::new));
            c.update(HEROES).set(H_AGE, h.age() ^ 1).where(H_ID.eq(id)).execute();
        });
    }

    @Override
    public List<?> teamsWithHeroes() {
        return dsl.select(T_ID, T_NAME, T_HQ,
                        multiset(select(H_ID, H_NAME, H_SECRET, H_AGE, H_TEAM).from(HEROES).where(H_TEAM.eq(T_ID))
                                .orderBy(H_ID)).convertFrom(r -> r.map(Records.mapping(HeroRow::new))))
                .from(TEAMS).orderBy(T_ID).fetch(Records.mapping((id, n, hq, heroes) -> new TeamRow(id, n, hq, heroes)));
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
        dsl.transaction(cfg -> {
            InsertValuesStep5<Record, Long, String, String, Integer, Long> insert =
                    cfg.dsl().insertInto(HEROES, H_ID, H_NAME, H_SECRET, H_AGE, H_TEAM);
            for (HeroRow h : heroes) {
                insert = insert.values(h.id(), h.name(), h.secretName(), h.age(), h.teamId());
            }
            insert.onConflict(H_ID).doUpdate().set(H_NAME, excluded(H_NAME)).set(H_SECRET, excluded(H_SECRET))
                    .set(H_AGE, excluded(H_AGE)).set(H_TEAM, excluded(H_TEAM)).execute();
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
        return "JooqLibrary[" + dsl.dialect() + "]";
    }
}
