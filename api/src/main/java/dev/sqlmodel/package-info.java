/**
 * SQLModel for Jakarta EE: annotated models, a type-safe statement builder, and a
 * unit-of-work {@link dev.sqlmodel.Session}. Start with {@link dev.sqlmodel.Engine#builder()},
 * {@link dev.sqlmodel.Sql} and {@link dev.sqlmodel.Expr}.
 */
package dev.sqlmodel;
