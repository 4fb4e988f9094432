package dev.sqlmodel.data;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A natural number 1 to 100 with a few of its properties: the read-only data set of the query tests. */
@Table(name = "repo_natural")
public class Natural {

    /** What kind of number. */
    public enum Kind { ONE, PRIME, COMPOSITE }

    @Field(primaryKey = true, autoIncrement = false) public long id;
    public boolean odd;
    public Short bits;
    public Kind kind;
    public long sqrt;

    public Natural() {
    }

    static Natural of(long n) {
        Natural x = new Natural();
        x.id = n;
        x.odd = n % 2 == 1;
        x.bits = (short) (64 - Long.numberOfLeadingZeros(n));
        x.sqrt = (long) Math.floor(Math.sqrt(n));
        x.kind = n == 1 ? Kind.ONE : isPrime(n) ? Kind.PRIME : Kind.COMPOSITE;
        return x;
    }

    private static boolean isPrime(long n) {
        for (long i = 2; i * i <= n; i++) {
            if (n % i == 0) {
                return false;
            }
        }
        return n > 1;
    }

    @Override
    public String toString() {
        return "Natural " + id;
    }
}
