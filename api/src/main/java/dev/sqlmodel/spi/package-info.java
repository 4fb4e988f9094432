/**
 * Service interfaces between the API and its implementation ({@code sqlmodel-impl}), found
 * with {@link java.util.ServiceLoader}. Applications do not use this package.
 */
package dev.sqlmodel.spi;
