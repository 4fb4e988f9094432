package dev.sqlmodel.impl.jpa;

import dev.sqlmodel.Engine;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.SqlModel;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.model.Note;

/**
 * Run in a JVM whose class path lacks jakarta.persistence-api: SQLModel's own models work, and a
 * class annotated only with Jakarta Persistence annotations is simply no model. Prints one line per
 * finding; {@link PersistenceApiAbsentTest} reads them.
 */
public final class WithoutPersistenceApi {
    private WithoutPersistenceApi() {
    }

    /** Takes a JDBC URL of an empty SQLite database. */
    public static void main(String[] args) throws Exception {
        try {
            Class.forName("jakarta.persistence.Entity");
            System.out.println("api present");
        } catch (ClassNotFoundException expected) {
            System.out.println("api absent");
        }
        try (Engine engine = Engine.builder().url(args[0]).models(Note.class).build()) {
            engine.createAll();
            try (StatelessSession s = engine.stateless()) {
                s.insert(new Note(null, "hello", 5));
                System.out.println("notes " + s.exec(dev.sqlmodel.Sql.select(Note.class)).all().size());
            }
        }
        try {
            SqlModel.info(Numeral.class);
            System.out.println("numeral is a model");
        } catch (MappingException e) {
            System.out.println("numeral refused: " + e.getMessage());
        }
    }
}
