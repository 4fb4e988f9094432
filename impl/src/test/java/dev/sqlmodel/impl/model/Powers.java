package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A model with one field of every supported type. */
@Table(name = "powers")
public class Powers {
    public enum Level { LOW, HIGH }

    @Field(primaryKey = true) public Long id;
    public String text;
    @Field(maxLength = 20) public String shortText;
    public int intValue;
    public Integer boxedInt;
    public long longValue;
    public short shortValue;
    public byte byteValue;
    public boolean flag;
    public Boolean boxedFlag;
    public double doubleValue;
    public float floatValue;
    @Field(maxDigits = 10, decimalPlaces = 2) public BigDecimal price;
    public LocalDate day;
    public LocalTime time;
    public LocalDateTime stamp;
    public OffsetDateTime offsetStamp;
    public Instant instant;
    public UUID uuid;
    public byte[] bytes;
    public Level level;
    public Duration duration;
    @Field(sqlDefault = "'fresh'") public String withDefault;
}
