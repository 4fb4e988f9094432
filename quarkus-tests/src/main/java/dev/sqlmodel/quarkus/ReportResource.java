package dev.sqlmodel.quarkus;

import static dev.sqlmodel.Sql.select;

import dev.sqlmodel.Database;
import dev.sqlmodel.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/** {@code /reports}, on the database {@code @Database("reports")}: the Quarkus datasource named {@code reports}. */
@Path("/reports")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    @Inject @Database("reports") Session reports;

    /** Stores a report; the JTA commit writes it. */
    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String create(@FormParam("title") String title) {
        Report r = new Report();
        r.title = title;
        reports.add(r);
        return "{\"added\":true}";
    }

    /** The titles of all reports, in id order. */
    @GET
    public String titles() {
        return reports.exec(select(Report.class).orderBy(Report_.id.asc())).all().stream()
                .map(r -> r.title).collect(Json::createArrayBuilder, JsonArrayBuilder::add, JsonArrayBuilder::addAll).build().toString();
    }
}
