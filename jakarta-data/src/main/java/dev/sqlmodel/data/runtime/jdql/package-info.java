/**
 * The Jakarta Data Query Language compiler: a lexer and recursive-descent parser that turn a
 * {@code @Query} text into a resolved tree once, and translate it into the statement builder's
 * expressions on each call, with every value bound. Internal: not API.
 */
package dev.sqlmodel.data.runtime.jdql;
