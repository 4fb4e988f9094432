/**
 * SQLModel for Jakarta EE: one annotated class is the table, the validated data model and the
 * JSON shape. Everything an application compiles against is in this package.
 *
 * <h2>A tour</h2>
 *
 * <ol>
 * <li><b>Models.</b> A class or record annotated {@link dev.sqlmodel.Table @Table}; its fields
 * are columns, tuned with {@link dev.sqlmodel.Field @Field} (keys, indexes, foreign keys,
 * defaults, SQL types) and {@link dev.sqlmodel.Version @Version}. Relationships are
 * {@link dev.sqlmodel.Related} and {@link dev.sqlmodel.RelatedMany} fields annotated
 * {@link dev.sqlmodel.Relationship @Relationship}. The annotation processor
 * ({@code sqlmodel-processor}) generates a metamodel per model ({@code Hero_}), whose constants
 * are {@link dev.sqlmodel.Column}s and {@link dev.sqlmodel.RelationshipRef}s, and the models
 * index the engine reads.
 * <pre>{@code
 * @Table
 * public class Hero {
 *     @Field(primaryKey = true) public Long id;
 *     @NotBlank public String name;
 *     @Min(0) public Integer age;
 * }
 * }</pre></li>
 *
 * <li><b>An engine per database.</b> {@link dev.sqlmodel.Engine#builder()} creates one with its
 * own pool ({@link dev.sqlmodel.PoolOptions}); {@link dev.sqlmodel.Engine#of(javax.sql.DataSource)}
 * wraps a container's DataSource. {@link dev.sqlmodel.Engine#createAll()} creates the tables;
 * {@link dev.sqlmodel.Engine#stats()} reports the pool's counters.</li>
 *
 * <li><b>A session per unit of work.</b> {@link dev.sqlmodel.Session}: {@code add},
 * {@code delete}, {@code get}, dirty checking, {@code flush} in foreign-key order, {@code commit}.
 * It begins its transaction at its first write; {@link dev.sqlmodel.Session#begin()} returns a
 * {@link dev.sqlmodel.Transaction} explicitly, and {@link dev.sqlmodel.Savepoint}s undo part of
 * one.
 * <pre>{@code
 * try (Engine engine = Engine.builder().url("jdbc:sqlite:heroes.db").build();
 *      Session session = engine.session()) {
 *     engine.createAll();
 *     session.add(new Hero("Deadpond", "Dive Wilson", null));
 *     session.commit();
 *     List<Hero> old = session.exec(select(Hero.class).where(Hero_.age.gt(30))).all();
 * }
 * }</pre></li>
 *
 * <li><b>Statements.</b> The static methods of {@link dev.sqlmodel.Sql} build immutable
 * {@link dev.sqlmodel.Select}, {@link dev.sqlmodel.Insert}, {@link dev.sqlmodel.Update},
 * {@link dev.sqlmodel.Delete} and {@link dev.sqlmodel.Text} statements from
 * {@link dev.sqlmodel.Expr} conditions; a session runs them and returns
 * {@link dev.sqlmodel.Results} of models, {@link dev.sqlmodel.Row}s or values.</li>
 *
 * <li><b>Validation and JSON.</b> Models are validated with Bean Validation before every flush;
 * {@link dev.sqlmodel.SqlModel} dumps and loads them as maps and JSON
 * ({@link dev.sqlmodel.Dump} options) and validates plain objects.</li>
 *
 * <li><b>Errors.</b> All unchecked: {@link dev.sqlmodel.SqlModelException} (SQL and SQLSTATE
 * attached) and its kinds {@link dev.sqlmodel.IntegrityException},
 * {@link dev.sqlmodel.StaleObjectException}, {@link dev.sqlmodel.PoolExhaustedException},
 * {@link dev.sqlmodel.MappingException}, {@link dev.sqlmodel.NotLoadedException},
 * {@link dev.sqlmodel.NoResultException}, {@link dev.sqlmodel.MultipleResultsException}.</li>
 *
 * <li><b>CDI.</b> With {@code sqlmodel-cdi}, {@code @Inject Session} and {@code @Inject Engine}
 * work, qualified by {@link dev.sqlmodel.Database @Database} for a named database, and sessions
 * join JTA transactions.</li>
 * </ol>
 *
 * <p>The manual is the {@code docs/} folder of the repository: getting started, one page per
 * topic, a configuration reference, troubleshooting and design notes. Packages
 * {@code dev.sqlmodel.ast} and {@code dev.sqlmodel.spi} are read by the implementation;
 * applications do not need them.
 */
package dev.sqlmodel;
