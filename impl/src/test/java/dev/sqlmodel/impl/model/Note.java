package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A record model. */
@Table
public record Note(@Field(primaryKey = true) Long id, String body, int stars) {
}
