package dev.sqlmodel.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hero API called over HTTP from outside the server, as a client would. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeroApiIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.heroApi("heroes-http");
    }

    @Test
    void createHeroThenReadItBack() throws Exception {
        Reply created = post("heroes", "{\"name\":\"Deadpond\",\"secretName\":\"Dive Wilson\"}");
        assertEquals(200, created.status, created.body);
        long id = created.object().getJsonNumber("id").longValue();
        assertTrue(id > 0);

        JsonObject read = get("heroes/" + id).ok().object();
        assertEquals("Deadpond", read.getString("name"));
        assertEquals("Dive Wilson", read.getString("secretName"));
        assertEquals(JsonValue.NULL, read.get("age"));
        assertEquals(Set.of("id", "name", "secretName", "age", "teamId"), read.keySet());
    }

    @Test
    void invalidHeroIs400WithItsViolationsAndNothingStored() throws Exception {
        int before = allHeroes().size();
        Reply r = post("heroes", "{\"name\":\" \",\"secretName\":\"Dive Wilson\",\"age\":-1}");
        assertEquals(400, r.status, r.body);
        Set<String> fields = r.object().getJsonArray("detail").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("name", "age"), fields);
        assertEquals(before, allHeroes().size());
    }

    @Test
    void unknownKeyIs400() throws Exception {
        Reply r = post("heroes", "{\"name\":\"Deadpond\",\"secretName\":\"Dive Wilson\",\"power\":9000}");
        assertEquals(400, r.status, r.body);
        assertTrue(r.object().getString("detail").contains("power"), r.body);
    }

    @Test
    void listPagesByOffsetAndLimitWithLimitCappedAt100() throws Exception {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            mine.add(post("heroes", "{\"name\":\"Hero " + i + "\",\"secretName\":\"Secret " + i + "\",\"age\":" + i + "}")
                    .ok().object().getJsonNumber("id").longValue());
        }
        List<Long> all = allHeroes();
        assertTrue(all.containsAll(mine));
        assertEquals(all.stream().sorted().toList(), all, "id order");

        assertEquals(100, get("heroes").ok().array().size(), "default limit");
        assertEquals(100, get("heroes?limit=1000").ok().array().size(), "limit capped");
        JsonArray page = get("heroes?offset=" + (all.size() - 3) + "&limit=2").ok().array();
        assertEquals(List.of(all.get(all.size() - 3), all.get(all.size() - 2)), ids(page));
        assertEquals(0, get("heroes?offset=" + all.size()).ok().array().size());
    }

    @Test
    void missingHeroIs404() throws Exception {
        assertEquals(404, get("heroes/987654321").status);
        assertEquals(404, patch("heroes/987654321", "{\"age\":1}").status);
        assertEquals(404, delete("heroes/987654321").status);
    }

    @Test
    void patchChangesOnlyTheFieldsSent() throws Exception {
        long id = post("heroes", "{\"name\":\"Rusty-Man\",\"secretName\":\"Tommy Sharp\",\"age\":48}")
                .ok().object().getJsonNumber("id").longValue();

        JsonObject patched = patch("heroes/" + id, "{\"age\":49}").ok().object();
        assertEquals(49, patched.getInt("age"));
        assertEquals("Rusty-Man", patched.getString("name"));

        patch("heroes/" + id, "{\"secretName\":\"Tommy Sharper\",\"age\":null}").ok();
        JsonObject read = get("heroes/" + id).ok().object();
        assertEquals("Rusty-Man", read.getString("name"));
        assertEquals("Tommy Sharper", read.getString("secretName"));
        assertEquals(JsonValue.NULL, read.get("age"), "a null sent is a value to set");
    }

    @Test
    void invalidPatchIs400AndChangesNothing() throws Exception {
        long id = post("heroes", "{\"name\":\"Spider-Boy\",\"secretName\":\"Pedro Parqueador\",\"age\":16}")
                .ok().object().getJsonNumber("id").longValue();
        assertEquals(400, patch("heroes/" + id, "{\"age\":-5}").status);
        // A blank name passes HeroUpdate (no constraints) and fails on the Hero at flush.
        Reply atFlush = patch("heroes/" + id, "{\"name\":\"\"}");
        assertEquals(400, atFlush.status, atFlush.body);
        JsonObject read = get("heroes/" + id).ok().object();
        assertEquals("Spider-Boy", read.getString("name"));
        assertEquals(16, read.getInt("age"));
    }

    @Test
    void deleteHero() throws Exception {
        long id = post("heroes", "{\"name\":\"Black Lion\",\"secretName\":\"Trevor Challa\",\"age\":35}")
                .ok().object().getJsonNumber("id").longValue();
        assertTrue(delete("heroes/" + id).ok().object().getBoolean("ok"));
        assertEquals(404, get("heroes/" + id).status);
        assertEquals(404, delete("heroes/" + id).status);
    }

    @Test
    void teamWithItsHeroesNested() throws Exception {
        long team = post("teams", "{\"name\":\"Preventers\",\"headquarters\":\"Sharp Tower\"}")
                .ok().object().getJsonNumber("id").longValue();
        post("heroes", "{\"name\":\"Rusty-Man\",\"secretName\":\"Tommy Sharp\",\"age\":48,\"teamId\":" + team + "}").ok();
        post("heroes", "{\"name\":\"Tarantula\",\"secretName\":\"Natalia Roman-on\",\"age\":32,\"teamId\":" + team + "}").ok();

        JsonObject read = get("teams/" + team).ok().object();
        assertEquals("Preventers", read.getString("name"));
        Set<String> names = read.getJsonArray("heroes").getValuesAs(JsonObject.class).stream()
                .map(h -> h.getString("name")).collect(Collectors.toSet());
        assertEquals(Set.of("Rusty-Man", "Tarantula"), names);
        assertTrue(read.getJsonArray("heroes").getValuesAs(JsonObject.class).stream()
                .allMatch(h -> h.getJsonNumber("teamId").longValue() == team));
        assertEquals(404, get("teams/987654321").status);
    }

    @Test
    void heroOfAMissingTeamIsRefused() throws Exception {
        int before = allHeroes().size();
        Reply r = post("heroes", "{\"name\":\"Lone\",\"secretName\":\"Nobody\",\"teamId\":987654321}");
        assertEquals(409, r.status, r.body);
        assertEquals(before, allHeroes().size());
    }

    private List<Long> allHeroes() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            JsonArray page = get("heroes?offset=" + offset + "&limit=100").ok().array();
            ids.addAll(ids(page));
            if (page.size() < 100) {
                return ids;
            }
        }
    }

    private static List<Long> ids(JsonArray heroes) {
        return heroes.getValuesAs(JsonObject.class).stream().map(h -> h.getJsonNumber("id").longValue()).toList();
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private Reply post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Reply patch(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private Reply delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return URI.create(base.toExternalForm() + path);
    }

    private static Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** A response: its status and body. */
    private record Reply(int status, String body) {
        Reply ok() {
            assertEquals(200, status, body);
            return this;
        }

        JsonObject object() {
            return (JsonObject) parse();
        }

        JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }
}
