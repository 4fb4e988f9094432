package dev.sqlmodel.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started as its own process, over HTTP. */
@QuarkusIntegrationTest
@WithTestResource(TestSchemas.class)
class PackagedAppIT {
    @Test
    void storesReadsAndValidatesHeroes() {
        long id = given().formParam("name", "Packaged").formParam("age", 3).post("/heroes").then().statusCode(200)
                .extract().jsonPath().getLong("id");
        given().get("/heroes/" + id).then().statusCode(200).body("name", is("Packaged"));
        given().formParam("name", "Voldemort").post("/heroes").then().statusCode(400)
                .body(containsString("is not an allowed name"));
    }

    @Test
    void jakartaDataRepositoryWorksInThePackagedApp() {
        long id = given().formParam("name", "PackagedRepo").formParam("secretName", "Jar").post("/repo/heroes").then()
                .statusCode(200).extract().jsonPath().getLong("id");
        given().get("/repo/heroes/named/PackagedRepo").then().statusCode(200).body("id", is((int) id));
        given().get("/repo/heroes/secret/Jar").then().statusCode(200).body("$", is(List.of("PackagedRepo")));
        given().formParam("name", "Voldemort").post("/repo/heroes").then().statusCode(400)
                .body(containsString("is not an allowed name"));
        given().formParam("first", "PackagedLost").formParam("second", "PackagedRepo").post("/repo/heroes/pair").then()
                .statusCode(409);
        given().get("/repo/heroes/named/PackagedLost").then().statusCode(404);
    }
}
