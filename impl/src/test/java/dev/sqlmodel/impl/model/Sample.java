package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import java.math.BigDecimal;

/** Numbers of each kind (integer, floating point, decimal) for arithmetic tests. */
@Table
public class Sample {
    @Field(primaryKey = true) public Long id;
    public String label;
    public Integer whole;
    public Double ratio;
    @Field(maxDigits = 10, decimalPlaces = 2) public BigDecimal amount;

    public Sample() {
    }

    public Sample(String label, Integer whole, Double ratio, BigDecimal amount) {
        this.label = label;
        this.whole = whole;
        this.ratio = ratio;
        this.amount = amount;
    }

    @Override
    public String toString() {
        return "Sample[" + id + ", " + label + "]";
    }
}
