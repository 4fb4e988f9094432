package dev.sqlmodel.wildfly.app;

import static dev.sqlmodel.Sql.select;

import dev.sqlmodel.Dump;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code /heroes}: create, list, read, update and delete heroes, as in the tutorial. Each request
 * is one JTA transaction; the session joins it and is written at its commit. Writing methods
 * flush before they answer, so the answer carries generated ids and a constraint violation
 * becomes this request's 400 rather than a failed commit.
 */
@Path("/heroes")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HeroResource {
    /** The most heroes one page holds. */
    static final int MAX_LIMIT = 100;

    @Inject
    Session session;

    /** A hero as the API shows it: its columns, not its team (the tutorial's {@code HeroPublic}). */
    static String json(Hero hero) {
        return SqlModel.toJson(hero, Dump.exclude("team"));
    }

    /** Stores a new hero and answers it with its generated id. */
    @POST
    public String create(String body) {
        HeroCreate input = SqlModel.fromJson(HeroCreate.class, body);
        Hero hero = SqlModel.fromMap(Hero.class, SqlModel.toMap(input));
        session.add(hero);
        session.flush();
        return json(hero);
    }

    /** One page of heroes in id order; {@code limit} defaults to, and is capped at, 100. */
    @GET
    public String list(@QueryParam("offset") @DefaultValue("0") int offset,
                       @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Hero> heroes = session.exec(select(Hero.class)
                .orderBy(Hero_.id.asc())
                .offset(Math.max(offset, 0))
                .limit(Math.min(Math.max(limit, 0), MAX_LIMIT))).all();
        return Json.array(heroes);
    }

    /** The hero, or 404. */
    @GET
    @Path("{id}")
    public String read(@PathParam("id") long id) {
        return json(find(id));
    }

    /** Changes only the fields present in the body (the tutorial's {@code exclude_unset}). */
    @PATCH
    @Path("{id}")
    public String update(@PathParam("id") long id, String body) {
        Hero hero = find(id);
        HeroUpdate patch = SqlModel.fromJson(HeroUpdate.class, body);
        Map<String, Object> sent = SqlModel.toMap(patch, Dump.excludeUnset());
        SqlModel.update(hero, sent);
        session.flush();
        return json(hero);
    }

    /** Deletes the hero, or 404. */
    @DELETE
    @Path("{id}")
    public String delete(@PathParam("id") long id) {
        session.delete(find(id));
        return "{\"ok\":true}";
    }

    private Hero find(long id) {
        return session.get(Hero.class, id).orElseThrow(() -> new NotFoundException("Hero not found"));
    }
}
