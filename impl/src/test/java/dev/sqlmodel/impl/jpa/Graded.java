package dev.sqlmodel.impl.jpa;

import dev.sqlmodel.Field;
import dev.sqlmodel.Related;
import dev.sqlmodel.Relationship;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A number whose grade is referenced through an enum foreign key kept by ordinal. */
@Entity
public class Graded {
    @Id
    public long id;
    @Field(foreignKey = "grade.kind")
    public Ranked.Kind gradeKind;
    @Relationship(backPopulates = "members")
    public Related<Grade> grade = Related.empty();

    /** Number {@code id} of grade {@code kind}. */
    public static Graded of(long id, Ranked.Kind kind) {
        Graded g = new Graded();
        g.id = id;
        g.gradeKind = kind;
        return g;
    }
}
