package dev.sqlmodel.data.runtime.jdql;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A Jakarta Persistence entity whose entity name differs from its class name. */
@Entity(name = "Gadget")
public class GadgetEntity {
    @Id
    public String code;
    public String label;
    public Integer stock;

    public GadgetEntity() {
    }

    public static GadgetEntity of(String code, String label, Integer stock) {
        GadgetEntity g = new GadgetEntity();
        g.code = code;
        g.label = label;
        g.stock = stock;
        return g;
    }
}
