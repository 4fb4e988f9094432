/** The benchmark's Hibernate entities. */
package dev.sqlmodel.benchmarks.orm;
