/**
 * JMH benchmarks of this library side by side with raw JDBC, Hibernate ORM, jOOQ and JDBI: the
 * same schema, data, pool and scenarios for each. Not a public API.
 */
package dev.sqlmodel.benchmarks;
