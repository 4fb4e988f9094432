package dev.sqlmodel.impl.jpa;

import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.Relationship;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A grade keyed by an enum kept by ordinal, with the numbers of that kind. */
@Entity
public class Grade {
    @Id
    public Ranked.Kind kind;
    public String label;
    @Relationship(backPopulates = "grade")
    public RelatedMany<Graded> members = RelatedMany.empty();

    /** A grade of {@code kind}. */
    public static Grade of(Ranked.Kind kind, String label) {
        Grade g = new Grade();
        g.kind = kind;
        g.label = label;
        return g;
    }
}
