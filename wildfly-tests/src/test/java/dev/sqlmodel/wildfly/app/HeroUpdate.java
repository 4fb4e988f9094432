package dev.sqlmodel.wildfly.app;

import jakarta.validation.constraints.Min;

/** The body of {@code PATCH /heroes/{id}}: every field optional, only the ones sent are applied. */
public class HeroUpdate {
    public String name;
    public String secretName;
    @Min(0) public Integer age;
    public Long teamId;
}
