package dev.sqlmodel.schema.models;

import dev.sqlmodel.Field;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A hero using every field option and every supported type. */
@Table(name = "mig_hero")
public class MigHero {
    @Field(primaryKey = true) public Long id;
    @Field(maxLength = 100, index = true) @NotBlank public String name;
    public String secretName;
    @Field(sqlDefault = "0") public Integer age;
    public int power;
    public long score;
    public short level;
    public byte tier;
    @Field(sqlDefault = "TRUE") public Boolean active;
    public double strength;
    public float speed;
    @Field(maxDigits = 10, decimalPlaces = 2, sqlDefault = "0") public BigDecimal salary;
    public BigDecimal fortune;
    public LocalDate born;
    public LocalTime wakesAt;
    public LocalDateTime createdAt;
    public OffsetDateTime seenAt;
    public Instant updatedAt;
    public UUID uuid;
    public byte[] photo;
    public Rank rank;
    public Duration cooldown;
    @Field(maxLength = 20, sqlDefault = "'unknown'") public String origin;
    @Field(indexName = "ix_mig_hero_rating") public Integer rating;
    @Field(sqlType = "VARCHAR(12)", unique = true) public String code;
    @Field(foreignKey = "mig_team.id", onDelete = ReferentialAction.SET_NULL, onUpdate = ReferentialAction.CASCADE)
    public Long teamId;

    public MigHero() {
    }
}
