package dev.sqlmodel.quarkus;

import static dev.sqlmodel.Sql.select;

import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModel;
import dev.sqlmodel.StatelessSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/**
 * {@code /heroes}. Each writing request is one JTA transaction ({@code @Transactional}) that the
 * request's session joins; the session is validated and written when it is flushed, at the
 * latest at the commit. Heroes come in as form fields, so that the session's own validation is
 * what rejects a bad one (not a JSON reader's).
 */
@Path("/heroes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HeroResource {
    @Inject Session session;
    @Inject StatelessSession stateless;

    /** Stores a hero through the request's stateless session: validated, then one INSERT at once, committed by itself. */
    @POST
    @Path("stateless")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String createStateless(@FormParam("name") String name, @FormParam("secretName") String secretName,
                                  @FormParam("age") Integer age) {
        return SqlModel.toJson(stateless.insert(hero(name, secretName, age)));
    }

    /** Reads the hero twice through the stateless session: two reads, two fresh instances. */
    @GET
    @Path("{id}/stateless-twice")
    public String readStatelessTwice(@PathParam("id") long id) {
        Hero first = stateless.get(Hero.class, id).orElseThrow(() -> new NotFoundException("no hero " + id));
        Hero second = stateless.get(Hero.class, id).orElseThrow(() -> new NotFoundException("no hero " + id));
        return "{\"same\":" + (first == second) + ",\"name\":" + Json.createValue(second.name) + "}";
    }

    /** Stores a hero, flushing so that the answer carries its id and a violation is this request's 400. */
    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String create(@FormParam("name") String name, @FormParam("secretName") String secretName,
                         @FormParam("age") Integer age) {
        Hero hero = session.add(hero(name, secretName, age));
        session.flush();
        return SqlModel.toJson(hero);
    }

    /** Adds a hero without flushing: the JTA commit writes it, or fails (a unique name taken) and writes nothing. */
    @POST
    @Path("at-commit")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String createAtCommit(@FormParam("name") String name, @FormParam("secretName") String secretName) {
        session.add(hero(name, secretName, null));
        return "{\"added\":true}";
    }

    /** Adds {@code kept}; adds {@code undone} in a savepoint that is rolled back; the transaction commits {@code kept} only. */
    @POST
    @Path("nested")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String createWithUndoneStep(@FormParam("kept") String kept, @FormParam("undone") String undone) {
        session.add(hero(kept, null, null));
        try {
            session.nested(() -> {
                session.add(hero(undone, null, null));
                session.flush();
                throw new IllegalStateException("undo " + undone);
            });
        } catch (IllegalStateException expected) {
            // rolled back to the savepoint; the transaction goes on
        }
        return "{\"kept\":\"" + kept + "\"}";
    }

    /** The names of all heroes, in id order. */
    @GET
    public String names() {
        return session.exec(select(Hero.class).orderBy(Hero_.id.asc())).all().stream()
                .map(h -> h.name).collect(Json::createArrayBuilder, JsonArrayBuilder::add, JsonArrayBuilder::addAll).build().toString();
    }

    /** The hero, or 404. */
    @GET
    @Path("{id}")
    public String read(@PathParam("id") long id) {
        return SqlModel.toJson(find(id));
    }

    /**
     * Reads the hero twice in this request: the request's one session answers the same instance
     * both times; {@code identity} tells requests apart (another request, another session).
     */
    @GET
    @Path("{id}/twice")
    public String readTwice(@PathParam("id") long id) {
        Hero first = find(id);
        Hero second = find(id);
        return "{\"same\":" + (first == second) + ",\"identity\":" + System.identityHashCode(first) + "}";
    }

    private Hero find(long id) {
        return session.get(Hero.class, id).orElseThrow(() -> new NotFoundException("no hero " + id));
    }

    private static Hero hero(String name, String secretName, Integer age) {
        Hero h = new Hero();
        h.name = name;
        h.secretName = secretName;
        h.age = age;
        return h;
    }
}
