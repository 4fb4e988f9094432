package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/**
 * A model of more columns (71) than a 64-bit column set can name: its rows are bound column by
 * column instead of through a composed handle per column list.
 */
@Table
public class Wide {
    @Field(primaryKey = true) public Long id;
    public String label;
    public Integer c00, c01, c02, c03, c04, c05, c06, c07, c08, c09;
    public Integer c10, c11, c12, c13, c14, c15, c16, c17, c18, c19;
    public Integer c20, c21, c22, c23, c24, c25, c26, c27, c28, c29;
    public Integer c30, c31, c32, c33, c34, c35, c36, c37, c38, c39;
    public Integer c40, c41, c42, c43, c44, c45, c46, c47, c48, c49;
    public Integer c50, c51, c52, c53, c54, c55, c56, c57, c58, c59;
    public Integer c60, c61, c62, c63, c64, c65, c66, c67, c68, c69;

    /** For the library. */
    public Wide() {
    }

    /** A row whose column {@code cNN} holds {@code base + NN}, except every third, left null. */
    public Wide(String label, int base) {
        this.label = label;
        for (int i = 0; i < 70; i++) {
            set(i, i % 3 == 0 ? null : base + i);
        }
    }

    /** Column {@code cNN}. */
    public Integer get(int n) {
        try {
            return (Integer) Wide.class.getField(String.format("c%02d", n)).get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets column {@code cNN}. */
    public void set(int n, Integer value) {
        try {
            Wide.class.getField(String.format("c%02d", n)).set(this, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
