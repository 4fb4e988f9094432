package dev.sqlmodel.benchmarks;

/** A hero as raw JDBC, jOOQ and JDBI map it. */
public record HeroRow(Long id, String name, String secretName, Integer age, Long teamId) {
    /** This row with {@code age} changed. */
    public HeroRow withAge(Integer newAge) {
        return new HeroRow(id, name, secretName, newAge, teamId);
    }
}
