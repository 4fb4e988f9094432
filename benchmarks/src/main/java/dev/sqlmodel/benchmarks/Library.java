package dev.sqlmodel.benchmarks;

import java.util.List;

/**
 * One library doing the eight scenarios. Every call is one unit of work: a transaction that
 * begins, does the scenario and ends, on a connection taken from a pool of one and given back.
 */
public interface Library extends AutoCloseable {
    /** Ages of the 100 heroes of scenario (b): {@code age BETWEEN 10 AND 19}, ordered by id. */
    int AGE_FROM = 10;
    /** See {@link #AGE_FROM}. */
    int AGE_TO = 19;

    /** (a) The hero with primary key {@code id}, mapped. */
    Object findById(long id);

    /** (b) The 100 heroes aged 10 to 19, ordered by id. */
    List<?> select100();

    /** (c) The first 1,000 heroes by id. */
    List<?> select1000();

    /** (d) Inserts one hero; returns its generated key. */
    long insertOne(HeroRow hero);

    /** (e) Inserts the heroes in one transaction; returns their generated keys. */
    long[] insertMany(List<HeroRow> heroes);

    /** (f) Loads the hero {@code id}, flips the lowest bit of its age, commits. */
    void updateOne(long id);

    /** (g) Loads all teams and, through the relationship, their heroes; returns the teams. */
    List<?> teamsWithHeroes();

    /** (g) How many heroes the teams returned by {@link #teamsWithHeroes()} hold. */
    int heroCount(List<?> teams);

    /** (h) Inserts or updates the heroes by primary key in one statement or batch. */
    void upsert(List<HeroRow> heroes);

    /** Deletes every hero added by (d) and (e) (ids above the base data), on this library's connection. */
    void deleteAdded();

    /** The name shown in the results table. */
    String name();

    @Override
    void close() throws Exception;
}
