package dev.sqlmodel.benchmarks.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A hero as Hibernate maps it. The foreign key is a plain column (written by upserts) and the
 * association reads the same column.
 */
@Entity
@Table(name = "heroes")
public class HeroEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "secret_name")
    public String secretName;
    public Integer age;
    @Column(name = "team_id")
    public Long teamId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id", insertable = false, updatable = false)
    public TeamEntity team;

    /** For Hibernate. */
    public HeroEntity() {
    }

    /** A hero with every column. */
    public HeroEntity(Long id, String name, String secretName, Integer age, Long teamId) {
        this.id = id;
        this.name = name;
        this.secretName = secretName;
        this.age = age;
        this.teamId = teamId;
    }
}
