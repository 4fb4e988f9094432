package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** An ASCII character, shaped like the Jakarta Data TCK's entity (the character kept as a one-letter string). */
@Table
public class AsciiCharacter {
    @Field(primaryKey = true, autoIncrement = false) public long id;
    public int numericValue;
    public String hexadecimal;
    public String thisCharacter;
    public boolean isControl;

    public AsciiCharacter() {
    }

    /** The character of code {@code value}. */
    public static AsciiCharacter of(int value) {
        AsciiCharacter c = new AsciiCharacter();
        c.id = value;
        c.numericValue = value;
        c.hexadecimal = Integer.toHexString(value);
        c.thisCharacter = String.valueOf((char) value);
        c.isControl = Character.isISOControl((char) value);
        return c;
    }
}
