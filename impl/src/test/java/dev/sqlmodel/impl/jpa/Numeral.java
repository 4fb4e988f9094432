package dev.sqlmodel.impl.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.Serializable;

/** A number whose value is its key, assigned by the application: private fields, getters and setters. */
@Entity
public class Numeral implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What kind of number. */
    public enum Kind {
        ONE, PRIME, COMPOSITE
    }

    @Id
    private long id;

    private boolean isOdd;

    private Short numBitsRequired;

    private Kind kind;

    private long floorOfSquareRoot;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public boolean isOdd() {
        return isOdd;
    }

    public void setOdd(boolean odd) {
        isOdd = odd;
    }

    public Short getNumBitsRequired() {
        return numBitsRequired;
    }

    public void setNumBitsRequired(Short numBitsRequired) {
        this.numBitsRequired = numBitsRequired;
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public long getFloorOfSquareRoot() {
        return floorOfSquareRoot;
    }

    public void setFloorOfSquareRoot(long floorOfSquareRoot) {
        this.floorOfSquareRoot = floorOfSquareRoot;
    }
}
