/**
 * The statement tree: the immutable records that {@link dev.sqlmodel.Expr} and
 * {@link dev.sqlmodel.Sql} build. Applications use those two types; this package is read by
 * implementations (the SQL compiler) and is not meant to be constructed by hand.
 */
package dev.sqlmodel.ast;
