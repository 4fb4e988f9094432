package dev.sqlmodel.it.invalid;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import dev.sqlmodel.Version;

/** A model whose version field has no column type; compiled without the processor on purpose. */
@Table
public class BrokenVersionModel {
    @Field(primaryKey = true) public Long id;
    @Version public Object revision;
}
