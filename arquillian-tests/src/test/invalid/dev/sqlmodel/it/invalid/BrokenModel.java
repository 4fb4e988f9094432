package dev.sqlmodel.it.invalid;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import java.util.List;

/** A model the processor would reject (a list is no column type); compiled without it on purpose. */
@Table
public class BrokenModel {
    @Field(primaryKey = true) public Long id;
    public List<String> tags;
}
