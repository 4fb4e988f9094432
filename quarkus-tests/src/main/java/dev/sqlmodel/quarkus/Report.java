package dev.sqlmodel.quarkus;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import jakarta.validation.constraints.NotBlank;

/** A report, kept in the database {@code @Database("reports")}. */
@Table(name = "q_report")
public class Report {
    @Field(primaryKey = true) public Long id;
    @NotBlank public String title;

    /** An empty report, for the library. */
    public Report() {
    }
}
