/**
 * Model metadata and fast field accessors built once per model. Internal: not API.
 */
package dev.sqlmodel.impl.meta;
