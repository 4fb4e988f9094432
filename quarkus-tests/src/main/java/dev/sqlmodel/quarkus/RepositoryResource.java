package dev.sqlmodel.quarkus;

import dev.sqlmodel.SqlModel;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /repo}: heroes and reports through the Jakarta Data repositories {@link HeroRepository}
 * and {@link ReportRepository}, injected like any bean. Each repository call runs in a stateless
 * session of its own, inside the request's JTA transaction when there is one.
 */
@Path("/repo")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RepositoryResource {
    @Inject HeroRepository heroes;
    @Inject ReportRepository reports;

    /** Stores a hero with the repository's {@code @Insert} method: validated, written at once. */
    @POST
    @Path("heroes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String create(@FormParam("name") String name, @FormParam("secretName") String secretName,
                         @FormParam("age") Integer age) {
        return SqlModel.toJson(heroes.add(hero(name, secretName, age)));
    }

    /**
     * Stores two heroes in one JTA transaction, each with its own repository call: when the second
     * fails (a name taken, a constraint violated), the transaction rolls back and neither is written.
     */
    @POST
    @Path("heroes/pair")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String createPair(@FormParam("first") String first, @FormParam("second") String second) {
        heroes.add(hero(first, null, null));
        heroes.insert(hero(second, null, null));
        return "{\"added\":2}";
    }

    /** The hero by id ({@code findById}), or 404. */
    @GET
    @Path("heroes/{id}")
    public String read(@PathParam("id") long id) {
        return SqlModel.toJson(heroes.findById(id).orElseThrow(() -> new NotFoundException("no hero " + id)));
    }

    /** Deletes the hero by id ({@code deleteById}). */
    @DELETE
    @Path("heroes/{id}")
    public String delete(@PathParam("id") long id) {
        heroes.deleteById(id);
        return "{\"deleted\":" + id + "}";
    }

    /** The hero by name (the {@code @Find} method), or 404. */
    @GET
    @Path("heroes/named/{name}")
    public String named(@PathParam("name") String name) {
        return SqlModel.toJson(heroes.named(name).orElseThrow(() -> new NotFoundException("no hero " + name)));
    }

    /** The names of the heroes at least {@code age} years old (a query by method name). */
    @GET
    @Path("heroes/older")
    public String older(@QueryParam("age") int age) {
        return names(heroes.findByAgeGreaterThanEqualOrderByNameAsc(age));
    }

    /** The names of the heroes with this secret name (the JDQL {@code @Query}). */
    @GET
    @Path("heroes/secret/{secretName}")
    public String withSecretName(@PathParam("secretName") String secretName) {
        return names(heroes.withSecretName(secretName));
    }

    /** One page (1-based) of the heroes whose name starts with {@code prefix}, with the total. */
    @GET
    @Path("heroes/page")
    public String page(@QueryParam("prefix") String prefix, @QueryParam("page") long page, @QueryParam("size") int size) {
        Page<Hero> result = heroes.findByNameStartsWithOrderByNameAsc(prefix, PageRequest.ofPage(page).size(size));
        return Json.createObjectBuilder()
                .add("names", nameArray(result.content()))
                .add("totalElements", result.totalElements())
                .add("hasNext", result.hasNext())
                .build().toString();
    }

    /**
     * One page of the heroes whose name starts with {@code prefix}, by name: the first, or the one
     * after the hero called {@code after} (a cursor made of the sort key alone).
     */
    @GET
    @Path("heroes/cursor")
    public String cursor(@QueryParam("prefix") String prefix, @QueryParam("after") String after, @QueryParam("size") int size) {
        PageRequest request = PageRequest.ofSize(size);
        if (after != null) {
            request = request.afterCursor(PageRequest.Cursor.forKey(after));
        }
        CursoredPage<Hero> result = heroes.findByNameStartsWith(prefix, request);
        return Json.createObjectBuilder()
                .add("names", nameArray(result.content()))
                .add("hasNext", result.hasNext())
                .build().toString();
    }

    /** Stores a report in {@code @Database("reports")} through its repository. */
    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String createReport(@FormParam("title") String title) {
        Report r = new Report();
        r.title = title;
        return SqlModel.toJson(reports.add(r));
    }

    /** The titles of the reports whose title starts with {@code prefix}. */
    @GET
    @Path("reports")
    public String reports(@QueryParam("prefix") String prefix) {
        return reports.findByTitleStartsWithOrderByIdAsc(prefix).stream().map(r -> r.title)
                .collect(Json::createArrayBuilder, JsonArrayBuilder::add, JsonArrayBuilder::addAll).build().toString();
    }

    /** Deletes the report by id ({@code deleteById}). */
    @DELETE
    @Path("reports/{id}")
    public String deleteReport(@PathParam("id") long id) {
        reports.deleteById(id);
        return "{\"deleted\":" + id + "}";
    }

    private static String names(List<Hero> list) {
        return nameArray(list).build().toString();
    }

    private static JsonArrayBuilder nameArray(List<Hero> list) {
        return list.stream().map(h -> h.name).collect(Json::createArrayBuilder, JsonArrayBuilder::add, JsonArrayBuilder::addAll);
    }

    private static Hero hero(String name, String secretName, Integer age) {
        Hero h = new Hero();
        h.name = name;
        h.secretName = secretName;
        h.age = age;
        return h;
    }
}
