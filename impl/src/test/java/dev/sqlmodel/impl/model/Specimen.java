package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One column of every kind whose values must survive a trip through the database unchanged. */
@Table
public class Specimen {
    /** A small enum stored by name. */
    public enum Mood { CALM, ANGRY, SLEEPY }

    @Field(primaryKey = true) public Long id;
    public String text;
    @Field(maxLength = 24) public String label;
    public int whole;
    public long big;
    public short small;
    public byte tiny;
    public Integer maybe;
    public boolean flag;
    @Field(maxDigits = 15, decimalPlaces = 4) public BigDecimal amount;
    @Field(maxDigits = 30, decimalPlaces = 10) public BigDecimal wide;
    public LocalDateTime at;
    public Instant instant;
    public OffsetDateTime offset;
    public LocalDate day;
    public LocalTime time;
    public UUID uuid;
    public byte[] bytes;
    public Mood mood;

    public Specimen() {
    }
}
