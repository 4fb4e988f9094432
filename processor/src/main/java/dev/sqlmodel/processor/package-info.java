/**
 * Internal: the {@code @Table} annotation processor. It generates the {@code Hero_} metamodel
 * classes, {@code META-INF/sqlmodel/models.idx} and the classes implementing Jakarta Data
 * repositories, and reports invalid models as compile errors. Nothing here is API; only the service registration is meant to be used, by javac.
 */
package dev.sqlmodel.processor;
