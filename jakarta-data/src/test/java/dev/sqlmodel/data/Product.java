package dev.sqlmodel.data;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;
import dev.sqlmodel.Version;

/** A versioned entity with a text key, for the lifecycle methods. */
@Table(name = "repo_product")
public class Product {
    @Field(primaryKey = true, maxLength = 40) public String code;
    public String name;
    public Double price;
    @Version public long version;

    public Product() {
    }

    static Product of(String code, String name, Double price) {
        Product p = new Product();
        p.code = code;
        p.name = name;
        p.price = price;
        return p;
    }

    @Override
    public String toString() {
        return "Product " + code + " " + name + " " + price + " v" + version;
    }
}
