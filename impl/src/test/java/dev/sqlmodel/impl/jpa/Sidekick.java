package dev.sqlmodel.impl.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** Most of what {@code @Column} and {@code @Table} can say, with a generated key. */
@Entity(name = "Helper")
@Table(name = "sidekicks", uniqueConstraints = @UniqueConstraint(columnNames = "alias"),
        indexes = @Index(name = "ix_sidekick_rank", columnList = "rank"))
public class Sidekick {
    /** How senior. */
    public enum Rank {
        ROOKIE, VETERAN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "sidekick_name", nullable = false, length = 40)
    public String name;

    public String alias;

    @Column(precision = 8, scale = 2)
    public BigDecimal fee;

    @Enumerated(EnumType.STRING)
    public Rank rank;

    @Column(columnDefinition = "VARCHAR(12)")
    public String code;

    @Column(unique = true)
    public String badge;

    public transient String scratch;

    @Transient
    public String note;

    @Version
    public int version;
}
