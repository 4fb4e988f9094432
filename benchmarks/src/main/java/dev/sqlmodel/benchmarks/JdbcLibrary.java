package dev.sqlmodel.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Hand-written JDBC: the physical limit. One connection held open, no pool, every statement
 * prepared once and reused, columns read by index. A read is one auto-commit statement (two for
 * (g)), as a careful person writes it by hand; each write is one transaction: auto-commit off to
 * begin it and back on to commit it, the cheapest correct way on both drivers (sqlite-jdbc
 * begins the next transaction right after {@code commit()}, and a transaction left open between
 * calls keeps SQLite's WAL from being checkpointed). Scenario
 * (g) uses the same two queries as this library's batch loading; (e) and (h) send one
 * multi-row statement.
 */
public final class JdbcLibrary implements Library {
    private static final String COLS = "id, name, secret_name, age, team_id";

    private final Database db;
    private final Connection conn;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /**
     * Multi-row statements by row count: their text is built and looked up only when a count is
     * first seen, as careful hand-written code keeps such a statement in a field.
     */
    private final Map<Integer, PreparedStatement> inserts = new HashMap<>();
    private final Map<Integer, PreparedStatement> upserts = new HashMap<>();
    private final Map<Integer, PreparedStatement> heroesOfTeams = new HashMap<>();

    /** Connects to {@code db}. */
    public JdbcLibrary(Database db) throws SQLException {
        this.db = db;
        this.conn = db.connect();
    }

    private void begin() throws SQLException {
        conn.setAutoCommit(false);
    }

    private void commit() throws SQLException {
        conn.setAutoCommit(true);
    }

    @Override
    public String name() {
        return "jdbc";
    }

    private PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private PreparedStatement ps(Map<Integer, PreparedStatement> kept, int rows, IntFunction<String> sql)
            throws SQLException {
        PreparedStatement ps = kept.get(rows);
        if (ps == null) {
            ps = ps(sql.apply(rows));
            kept.put(rows, ps);
        }
        return ps;
    }

    private static HeroRow hero(ResultSet rs) throws SQLException {
        // only a zero can be a NULL: asking the driver otherwise is a call (on SQLite a native one) for nothing
        int age = rs.getInt(4);
        Integer boxedAge = age == 0 && rs.wasNull() ? null : age;
        long team = rs.getLong(5);
        Long boxedTeam = team == 0 && rs.wasNull() ? null : team;
        return new HeroRow(rs.getLong(1), rs.getString(2), rs.getString(3), boxedAge, boxedTeam);
    }

    private static List<HeroRow> heroes(PreparedStatement ps, int expected) throws SQLException {
        List<HeroRow> out = new ArrayList<>(expected);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(hero(rs));
            }
        }
        return out;
    }

    private RuntimeException fail(SQLException e) {
        try {
            conn.rollback();
            conn.setAutoCommit(true);
        } catch (SQLException r) {
            e.addSuppressed(r);
        }
        return new IllegalStateException(e);
    }

    private HeroRow find(long id) throws SQLException {
        PreparedStatement ps = ps("SELECT " + COLS + " FROM heroes WHERE id = ?");
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? hero(rs) : null;
        }
    }

    @Override
    public Object findById(long id) {
        try {
            HeroRow h = find(id);
            return h;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public List<?> select100() {
        try {
            PreparedStatement ps = ps("SELECT " + COLS + " FROM heroes WHERE age BETWEEN ? AND ? ORDER BY id");
            ps.setInt(1, AGE_FROM);
            ps.setInt(2, AGE_TO);
            List<HeroRow> out = heroes(ps, 100);
            return out;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public List<?> select1000() {
        try {
            PreparedStatement ps = ps("SELECT " + COLS + " FROM heroes ORDER BY id LIMIT ?");
            ps.setInt(1, 1000);
            List<HeroRow> out = heroes(ps, 1000);
            return out;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private static void bindNew(PreparedStatement ps, int at, HeroRow h) throws SQLException {
        ps.setString(at, h.name());
        ps.setString(at + 1, h.secretName());
        if (h.age() == null) {
            ps.setNull(at + 2, Types.INTEGER);
        } else {
            ps.setInt(at + 2, h.age());
        }
        if (h.teamId() == null) {
            ps.setNull(at + 3, Types.BIGINT);
        } else {
            ps.setLong(at + 3, h.teamId());
        }
    }

    private static String values(int rows, int perRow) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "(" : ", (");
            for (int i = 0; i < perRow; i++) {
                sb.append(i == 0 ? "?" : ", ?");
            }
            sb.append(')');
        }
        return sb.toString();
    }

    @Override
    public long insertOne(HeroRow hero) {
        try {
            begin();
            PreparedStatement ps = ps("INSERT INTO heroes (name, secret_name, age, team_id) VALUES (?, ?, ?, ?) RETURNING id");
            bindNew(ps, 1, hero);
            long id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            commit();
            return id;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public long[] insertMany(List<HeroRow> heroes) {
        try {
            begin();
            PreparedStatement ps = ps(inserts, heroes.size(), n -> "INSERT INTO heroes (name, secret_name, age, team_id)"
                    + " VALUES " + values(n, 4) + " RETURNING id");
            for (int i = 0; i < heroes.size(); i++) {
                bindNew(ps, 1 + 4 * i, heroes.get(i));
            }
            long[] ids = new long[heroes.size()];
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
            commit();
            return ids;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public void updateOne(long id) {
        try {
            begin();
            HeroRow h = find(id);
            PreparedStatement ps = ps("UPDATE heroes SET age = ? WHERE id = ?");
            ps.setInt(1, h.age() ^ 1);
            ps.setLong(2, id);
            ps.executeUpdate();
            commit();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public List<?> teamsWithHeroes() {
        try {
            List<TeamRow> teams = new ArrayList<>(Database.TEAMS);
            Map<Long, TeamRow> byId = new HashMap<>();
            try (ResultSet rs = ps("SELECT id, name, headquarters FROM teams ORDER BY id").executeQuery()) {
                while (rs.next()) {
                    TeamRow t = new TeamRow(rs.getLong(1), rs.getString(2), rs.getString(3));
                    teams.add(t);
                    byId.put(t.id, t);
                }
            }
            PreparedStatement ps = ps(heroesOfTeams, teams.size(),
                    n -> "SELECT " + COLS + " FROM heroes WHERE team_id IN " + values(1, n));
            for (int i = 0; i < teams.size(); i++) {
                ps.setLong(i + 1, teams.get(i).id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    HeroRow h = hero(rs);
                    byId.get(h.teamId()).heroes.add(h);
                }
            }
            return teams;
        } catch (SQLException e) {
            throw fail(e);
        }
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
        try {
            begin();
            PreparedStatement ps = ps(upserts, heroes.size(), n -> "INSERT INTO heroes (id, name, secret_name, age, team_id)"
                    + " VALUES " + values(n, 5) + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                    + "secret_name = excluded.secret_name, age = excluded.age, team_id = excluded.team_id");
            for (int i = 0; i < heroes.size(); i++) {
                HeroRow h = heroes.get(i);
                ps.setLong(1 + 5 * i, h.id());
                bindNew(ps, 2 + 5 * i, h);
            }
            ps.executeUpdate();
            commit();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public void deleteAdded() {
        try {
            begin();
            db.deleteAdded(conn);
            commit();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        conn.close();
    }

    @Override
    public String toString() {
        return "JdbcLibrary[" + db + "]";
    }
}
