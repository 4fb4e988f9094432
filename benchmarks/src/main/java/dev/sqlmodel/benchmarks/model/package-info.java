/** The benchmark's models for this library (the metamodel {@code Hero_}/{@code Team_} is generated). */
package dev.sqlmodel.benchmarks.model;
