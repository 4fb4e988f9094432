package dev.sqlmodel.impl.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A record entity with an application-assigned key. */
@Entity
public record Badge(@Id long id, String label, int points) {
}
