package dev.sqlmodel.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** A team with its heroes as raw JDBC, jOOQ and JDBI map it. */
public final class TeamRow {
    /** Primary key. */
    public Long id;
    /** Team name. */
    public String name;
    /** Where the team sits. */
    public String headquarters;
    /** The team's heroes, filled by the loader. */
    public List<HeroRow> heroes = new ArrayList<>();

    /** An empty team, for mappers that set fields. */
    public TeamRow() {
    }

    /** A team without heroes yet. */
    public TeamRow(Long id, String name, String headquarters) {
        this.id = id;
        this.name = name;
        this.headquarters = headquarters;
    }

    /** A team with its heroes. */
    public TeamRow(Long id, String name, String headquarters, List<HeroRow> heroes) {
        this(id, name, headquarters);
        this.heroes = heroes;
    }

    @Override
    public String toString() {
        return "TeamRow[" + id + ", " + name + ", " + heroes.size() + " heroes]";
    }
}
