package dev.sqlmodel.docs.model;

/** A result shape filled by column label: {@code select(...).into(HeroSummary.class)}. */
public record HeroSummary(String name, Integer years) {
}
