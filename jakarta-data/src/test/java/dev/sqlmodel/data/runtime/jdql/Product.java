package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import java.time.LocalDate;

/** A product with a nullable price and a date. */
@Table
public class Product {
    @Field(primaryKey = true, autoIncrement = false) public String productNum;
    @Field(nullable = false) public String name;
    public Double price;
    public LocalDate introduced;

    public Product() {
    }

    public static Product of(String name, Double price, String productNum) {
        Product p = new Product();
        p.name = name;
        p.price = price;
        p.productNum = productNum;
        return p;
    }
}
