package dev.sqlmodel.it.data;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A note kept in the second ("reports") database, through {@link Memos}. */
@Table(name = "it_memo")
public class Memo {
    @Field(primaryKey = true) public Long id;
    public String text;

    public Memo() {
    }

    public Memo(Long id, String text) {
        this.id = id;
        this.text = text;
    }
}
