/**
 * The {@code sqlmodel} command line ({@code java -jar sqlmodel.jar}): {@code inspect},
 * {@code diff}, {@code generate}, {@code migrate}, {@code status} and {@code baseline}.
 */
package dev.sqlmodel.schema.cli;
