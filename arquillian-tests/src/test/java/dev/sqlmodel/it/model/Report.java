package dev.sqlmodel.it.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A line in the second ("reports") database. */
@Table(name = "it_report")
public class Report {
    @Field(primaryKey = true) public Long id;
    public String title;

    public Report() {
    }

    public Report(String title) {
        this.title = title;
    }
}
