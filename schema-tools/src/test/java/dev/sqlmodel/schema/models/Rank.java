package dev.sqlmodel.schema.models;

/** A hero's rank, stored by name. */
public enum Rank { ROOKIE, VETERAN }
