package dev.sqlmodel.quarkus;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;

/**
 * The heroes of the default database as a Jakarta Data repository. The processor generates
 * {@code HeroRepository_}, an {@code @ApplicationScoped} bean over the default {@code Engine}
 * that ArC discovers like any other class of the application.
 */
@Repository
public interface HeroRepository extends CrudRepository<Hero, Long> {
    /** The heroes at least {@code age} years old, by name. */
    List<Hero> findByAgeGreaterThanEqualOrderByNameAsc(int age);

    /** The hero called {@code name}, if any. */
    @Find
    Optional<Hero> named(String name);

    /** The heroes with this secret name, by name. */
    @Query("WHERE secretName = :secretName ORDER BY name")
    List<Hero> withSecretName(String secretName);

    /** One page of the heroes whose name starts with {@code prefix}, by name. */
    Page<Hero> findByNameStartsWithOrderByNameAsc(String prefix, PageRequest pageRequest);

    /** One page of the heroes whose name starts with {@code prefix}, by name, read after the request's cursor (keyset). */
    @OrderBy("name")
    CursoredPage<Hero> findByNameStartsWith(String prefix, PageRequest pageRequest);

    /** Stores a new hero: validated, then one INSERT; the answer carries its generated id. */
    @Insert
    Hero add(Hero hero);
}
