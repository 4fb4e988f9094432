package dev.sqlmodel.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The application over HTTP, on the Quarkus default datasource and the one named
 * {@code reports}. Every test uses names of its own, so the tests share one application start.
 */
@QuarkusTest
@WithTestResource(TestSchemas.class)
class HeroesTest {
    /** Whether this build has quarkus-hibernate-validator (and its fail-fast setting). */
    private static final boolean CONTAINER_VALIDATION = present("io.quarkus.hibernate.validator.ValidatorFactoryCustomizer");

    @Test
    void createThenReadHeroes() {
        long id = create("Deadpond", "Dive Wilson", 30).statusCode(200)
                .body("name", is("Deadpond")).extract().jsonPath().getLong("id");
        given().get("/heroes/" + id).then().statusCode(200)
                .body("name", is("Deadpond")).body("secretName", is("Dive Wilson")).body("age", is(30));
        given().get("/heroes").then().statusCode(200).body("$", hasItem("Deadpond"));
        given().get("/heroes/999999").then().statusCode(404);
    }

    @Test
    void statelessSessionBeanWritesAtOnceAndReadsFreshInstances() {
        long id = given().formParam("name", "Stateless").formParam("age", 5).post("/heroes/stateless").then()
                .statusCode(200).body("name", is("Stateless")).extract().jsonPath().getLong("id");
        given().get("/heroes/" + id + "/stateless-twice").then().statusCode(200)
                .body("same", is(false)).body("name", is("Stateless"));
        given().get("/heroes").then().body("$", hasItem("Stateless"));
        long before = heroes();
        given().formParam("name", "Negative").formParam("age", -1).post("/heroes/stateless").then()
                .statusCode(400).body(containsString("Hero.age: must be greater than or equal to 0"));
        assertEquals(before, heroes());
    }

    @Test
    void constraintViolationsAnswer400AndWriteNothing() {
        long before = heroes();
        create(" ", null, 1).statusCode(400).body(containsString("Hero.name: must not be blank"));
        create("Minus", null, -1).statusCode(400).body(containsString("Hero.age: must be greater than or equal to 0"));
        // @Field(maxLength = 20): checked beside whichever factory validates the annotations
        create("Longsecret", "x".repeat(21), 1).statusCode(400).body(containsString("Hero.secretName: size must be between 0 and 20"));
        assertEquals(before, heroes());
    }

    @Test
    void validationUsesQuarkusFactoryWhenThereIsOne() {
        // quarkus.hibernate-validator.fail-fast=true applies to sessions only through Quarkus's own factory
        String answer = create(" ", null, -1).statusCode(400).extract().asString();
        long violations = answer.split("; ").length;
        assertEquals(CONTAINER_VALIDATION ? 1 : 2, violations, answer);
    }

    @Test
    void constraintValidatorGetsItsBeanInjected() {
        create("Voldemort", null, 70).statusCode(400).body(containsString("Hero.name: is not an allowed name"));
        create("Harry", null, 17).statusCode(200);
        given().get("/heroes").then().body("$", hasItem("Harry")).body("$", not(hasItem("Voldemort")));
    }

    @Test
    void uniqueKeyFailingAtTheCommitAnswers409AndWritesNothing() {
        given().formParam("name", "Twin").post("/heroes/at-commit").then().statusCode(200);
        long before = heroes();
        given().formParam("name", "Twin").formParam("secretName", "other").post("/heroes/at-commit").then()
                .statusCode(409).body(containsString("IntegrityException"));
        assertEquals(before, heroes());
        List<String> names = given().get("/heroes").then().extract().jsonPath().getList("$", String.class);
        assertEquals(1, names.stream().filter("Twin"::equals).count(), names::toString);
    }

    @Test
    void nestedStepRolledBackWhileTheTransactionCommits() {
        given().formParam("kept", "Kept").formParam("undone", "Undone").post("/heroes/nested").then().statusCode(200);
        given().get("/heroes").then().body("$", hasItem("Kept")).body("$", not(hasItem("Undone")));
    }

    @Test
    void reportsGoToTheDatasourceNamedReports() {
        given().formParam("title", "Quarterly").post("/reports").then().statusCode(200);
        given().get("/reports").then().statusCode(200).body("$", hasItem("Quarterly"));
        // written through the reports datasource, into its schema only
        assertEquals(1, TestSchemas.count(TestSchemas.REPORTS, "q_report"));
        assertEquals(0, TestSchemas.count(TestSchemas.HEROES, "q_report"));
    }

    @Test
    void eachRequestHasItsOwnSession() {
        long id = create("Twice", null, 40).statusCode(200).extract().jsonPath().getLong("id");
        ValidatableResponse first = given().get("/heroes/" + id + "/twice").then().statusCode(200).body("same", is(true));
        ValidatableResponse second = given().get("/heroes/" + id + "/twice").then().statusCode(200).body("same", is(true));
        assertNotEquals(first.extract().jsonPath().getInt("identity"), second.extract().jsonPath().getInt("identity"));
    }

    // Jakarta Data: HeroRepository and ReportRepository, generated beans injected into RepositoryResource

    @Test
    void repositoryInsertsFindsAndDeletes() {
        long id = createThroughRepository("RepoAda", "Countess", 36).statusCode(200)
                .body("name", is("RepoAda")).extract().jsonPath().getLong("id");
        given().get("/repo/heroes/" + id).then().statusCode(200)
                .body("name", is("RepoAda")).body("secretName", is("Countess")).body("age", is(36));
        // the @Find method, and the same row through the request's session
        given().get("/repo/heroes/named/RepoAda").then().statusCode(200).body("id", is((int) id));
        given().get("/heroes/" + id).then().statusCode(200).body("name", is("RepoAda"));
        given().delete("/repo/heroes/" + id).then().statusCode(200);
        given().get("/repo/heroes/" + id).then().statusCode(404);
        given().get("/repo/heroes/named/RepoAda").then().statusCode(404);
    }

    @Test
    void repositoryQueryByMethodName() {
        createThroughRepository("RepoVeteran", null, 150).statusCode(200);
        createThroughRepository("RepoElder", null, 200).statusCode(200);
        createThroughRepository("RepoYoung", null, 99).statusCode(200);
        List<String> names = given().queryParam("age", 100).get("/repo/heroes/older").then().statusCode(200)
                .extract().jsonPath().getList("$", String.class);
        assertEquals(List.of("RepoElder", "RepoVeteran"), names);
    }

    @Test
    void repositoryJdqlQuery() {
        createThroughRepository("RepoMaskB", "Masked", 1).statusCode(200);
        createThroughRepository("RepoMaskA", "Masked", 2).statusCode(200);
        createThroughRepository("RepoPlain", "Unmasked", 3).statusCode(200);
        List<String> names = given().get("/repo/heroes/secret/Masked").then().statusCode(200)
                .extract().jsonPath().getList("$", String.class);
        assertEquals(List.of("RepoMaskA", "RepoMaskB"), names);
    }

    @Test
    void repositoryPages() {
        for (String name : List.of("PgCal", "PgAda", "PgBea")) {
            createThroughRepository(name, null, 1).statusCode(200);
        }
        given().queryParam("prefix", "Pg").queryParam("page", 1).queryParam("size", 2).get("/repo/heroes/page").then()
                .statusCode(200).body("names", is(List.of("PgAda", "PgBea"))).body("totalElements", is(3))
                .body("hasNext", is(true));
        given().queryParam("prefix", "Pg").queryParam("page", 2).queryParam("size", 2).get("/repo/heroes/page").then()
                .statusCode(200).body("names", is(List.of("PgCal"))).body("totalElements", is(3))
                .body("hasNext", is(false));
    }

    @Test
    void repositoryCursoredPagesReadAfterTheKey() {
        for (String name : List.of("CrC", "CrA", "CrB")) {
            createThroughRepository(name, null, 1).statusCode(200);
        }
        given().queryParam("prefix", "Cr").queryParam("size", 2).get("/repo/heroes/cursor").then()
                .statusCode(200).body("names", is(List.of("CrA", "CrB"))).body("hasNext", is(true));
        // a hero sorted before the cursor does not shift the next page (an offset would read CrB again)
        createThroughRepository("CrAa", null, 1).statusCode(200);
        given().queryParam("prefix", "Cr").queryParam("after", "CrB").queryParam("size", 2).get("/repo/heroes/cursor")
                .then().statusCode(200).body("names", is(List.of("CrC"))).body("hasNext", is(false));
    }

    @Test
    void repositoryInsertValidatesAndMapsErrorsLikeSessions() {
        createThroughRepository("RepoTaken", null, 1).statusCode(200);
        long before = heroes();
        createThroughRepository("RepoMinus", null, -1).statusCode(400)
                .body(containsString("Hero.age: must be greater than or equal to 0"));
        createThroughRepository("Voldemort", null, 70).statusCode(400)
                .body(containsString("Hero.name: is not an allowed name"));
        createThroughRepository("RepoLong", "x".repeat(21), 1).statusCode(400)
                .body(containsString("Hero.secretName: size must be between 0 and 20"));
        // a unique key: Jakarta Data's EntityExistsException, whose cause (the IntegrityException) ErrorMapper answers with
        createThroughRepository("RepoTaken", null, 2).statusCode(409).body(containsString("uq_q_hero_name"));
        assertEquals(before, heroes());
    }

    @Test
    void repositoryValidatesWithQuarkusFactoryWhenThereIsOne() {
        // fail-fast reaches the repository's sessions only if they validate with Quarkus's factory
        String answer = createThroughRepository(" ", null, -1).statusCode(400).extract().asString();
        assertEquals(CONTAINER_VALIDATION ? 1 : 2, answer.split("; ").length, answer);
    }

    @Test
    void repositoryWritesJoinTheJtaTransaction() {
        given().formParam("first", "PairOne").formParam("second", "PairTwo").post("/repo/heroes/pair").then()
                .statusCode(200);
        given().get("/repo/heroes/named/PairOne").then().statusCode(200);
        given().get("/repo/heroes/named/PairTwo").then().statusCode(200);

        long before = heroes();
        // the second write fails on the unique name: the first, already executed, is rolled back with it
        given().formParam("first", "PairLost").formParam("second", "PairOne").post("/repo/heroes/pair").then()
                .statusCode(409);
        // the second write fails validation: the same
        given().formParam("first", "PairLostToo").formParam("second", "Voldemort").post("/repo/heroes/pair").then()
                .statusCode(400).body(containsString("is not an allowed name"));
        assertEquals(before, heroes());
        given().get("/repo/heroes/named/PairLost").then().statusCode(404);
        given().get("/repo/heroes/named/PairLostToo").then().statusCode(404);
    }

    @Test
    void reportRepositoryUsesTheDatasourceNamedReports() {
        long before = TestSchemas.count(TestSchemas.REPORTS, "q_report");
        long id = given().formParam("title", "RepoAnnual").post("/repo/reports").then().statusCode(200)
                .body("title", is("RepoAnnual")).extract().jsonPath().getLong("id");
        given().queryParam("prefix", "RepoAnn").get("/repo/reports").then().statusCode(200)
                .body("$", is(List.of("RepoAnnual")));
        assertEquals(before + 1, TestSchemas.count(TestSchemas.REPORTS, "q_report"));
        assertEquals(0, TestSchemas.count(TestSchemas.HEROES, "q_report"));
        // leaves the reports database as it found it (reportsGoToTheDatasourceNamedReports counts its rows)
        given().delete("/repo/reports/" + id).then().statusCode(200);
        assertEquals(before, TestSchemas.count(TestSchemas.REPORTS, "q_report"));
    }

    private static ValidatableResponse createThroughRepository(String name, String secretName, Integer age) {
        var request = given().formParam("name", name);
        if (secretName != null) {
            request = request.formParam("secretName", secretName);
        }
        if (age != null) {
            request = request.formParam("age", age);
        }
        return request.post("/repo/heroes").then();
    }

    private static ValidatableResponse create(String name, String secretName, Integer age) {
        var request = given().formParam("name", name);
        if (secretName != null) {
            request = request.formParam("secretName", secretName);
        }
        if (age != null) {
            request = request.formParam("age", age);
        }
        return request.post("/heroes").then();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, HeroesTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static long heroes() {
        return TestSchemas.count(TestSchemas.HEROES, "q_hero");
    }
}
