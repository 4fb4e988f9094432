package dev.sqlmodel.impl.json;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A plain data model (no @Table): validated and serialized, never persisted. */
@ValidRange
public class Profile {
    public enum Role { ADMIN, USER }

    @NotBlank public String name;
    @Email public String email;
    @Min(0) @Max(150) public Integer age;
    @Pattern(regexp = "[A-Z]{3}") public String code;
    public BigDecimal balance;
    public LocalDate born;
    public Instant seen;
    public UUID token;
    public byte[] avatar;
    public Role role;
    public int low;
    public int high;
}
