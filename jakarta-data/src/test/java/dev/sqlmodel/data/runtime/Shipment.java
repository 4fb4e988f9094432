package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** Attribute names that contain the keywords of query by method name. */
@Table(name = "repo_shipment")
public class Shipment {
    @Field(primaryKey = true) public Long id;
    public String origin;
    public String orderRef;
    public String notes;
    public boolean inTransit;
    public Integer byteCount;
}
