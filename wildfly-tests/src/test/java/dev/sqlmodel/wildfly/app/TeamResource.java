package dev.sqlmodel.wildfly.app;

import static dev.sqlmodel.Sql.select;

import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /teams}: create a team, read one with its heroes; one JTA transaction per request. */
@Path("/teams")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {
    @Inject
    Session session;

    /** Stores a new team and answers it with its generated id. */
    @POST
    public String create(String body) {
        Team team = SqlModel.fromJson(Team.class, body);
        session.add(team);
        session.flush();
        return SqlModel.toJson(team);
    }

    /** The team with its heroes nested, loaded by one more query, or 404. */
    @GET
    @Path("{id}")
    public String read(@PathParam("id") long id) {
        Team team = session.exec(select(Team.class).where(Team_.id.eq(id)).fetch(Team_.heroes))
                .oneOrNone()
                .orElseThrow(() -> new NotFoundException("Team not found"));
        return SqlModel.toJson(team);
    }
}
