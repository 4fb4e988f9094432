package dev.sqlmodel.data;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A piece of text, for the string operators. */
@Table(name = "repo_word")
public class Word {
    @Field(primaryKey = true) public Long id;
    public String text;
    public Integer score;

    public Word() {
    }

    static Word of(String text, Integer score) {
        Word w = new Word();
        w.text = text;
        w.score = score;
        return w;
    }
}
