/**
 * The implementation behind dev.sqlmodel. Internal: not API, may change in any release.
 */
package dev.sqlmodel.impl;
