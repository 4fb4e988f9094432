package dev.sqlmodel.impl.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A record entity with an enum kept by ordinal, built through its canonical constructor. */
@Entity
public record Tally(@Id long id, Ranked.Kind kind) {
}
