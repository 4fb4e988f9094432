package dev.sqlmodel.impl.model;

import dev.sqlmodel.Field;
import dev.sqlmodel.Table;

/** A child row whose foreign key names a {@link Shelf}; both keys are chosen by the application. */
@Table
public class Book {
    @Field(primaryKey = true) public String isbn;
    public String title;
    @Field(foreignKey = "shelf.code") public String shelfCode;

    public Book() {
    }

    public Book(String isbn, String title, String shelfCode) {
        this.isbn = isbn;
        this.title = title;
        this.shelfCode = shelfCode;
    }
}
