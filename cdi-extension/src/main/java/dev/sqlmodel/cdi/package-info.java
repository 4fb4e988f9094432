/**
 * The CDI integration: a portable extension ({@link dev.sqlmodel.cdi.SqlModelExtension}) and a
 * build-compatible one ({@link dev.sqlmodel.cdi.SqlModelBuildExtension}) that share one core:
 * models checked at deployment, {@code Engine}, {@code Session} and {@code StatelessSession} beans per database,
 * configuration, CDI-aware constraint validators, and Weld's transaction services. Applications
 * only add the jar; every public type here is public for the container's sake. Internal: not
 * API, may change in any release.
 */
package dev.sqlmodel.cdi;
