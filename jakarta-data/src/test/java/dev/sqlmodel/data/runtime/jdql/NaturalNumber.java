package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A natural number and some of its properties, shaped like the Jakarta Data TCK's entity. */
@Table
public class NaturalNumber {
    /** Whether a number is one, a prime or composite. */
    public enum NumberType {
        ONE, PRIME, COMPOSITE
    }

    @Field(primaryKey = true, autoIncrement = false) public long id;
    public boolean isOdd;
    public Short numBitsRequired;
    public NumberType numType;
    public long floorOfSquareRoot;

    public NaturalNumber() {
    }

    /** The number {@code n} with its properties computed. */
    public static NaturalNumber of(long n) {
        NaturalNumber x = new NaturalNumber();
        x.id = n;
        x.isOdd = n % 2 == 1;
        x.numBitsRequired = (short) (64 - Long.numberOfLeadingZeros(n));
        long root = (long) Math.floor(Math.sqrt(n));
        x.floorOfSquareRoot = root;
        boolean prime = n > 1;
        for (long d = 2; d <= root && prime; d++) {
            prime = n % d != 0;
        }
        x.numType = n == 1 ? NumberType.ONE : prime ? NumberType.PRIME : NumberType.COMPOSITE;
        return x;
    }

    @Override
    public String toString() {
        return "NaturalNumber[" + id + "]";
    }
}
