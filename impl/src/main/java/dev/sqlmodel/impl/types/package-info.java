/**
 * Java to SQL type mapping and JDBC value codecs per dialect. Internal: not API.
 */
package dev.sqlmodel.impl.types;
