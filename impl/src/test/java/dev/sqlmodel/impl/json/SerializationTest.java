package dev.sqlmodel.impl.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Dump;
import dev.sqlmodel.Related;
import dev.sqlmodel.SqlModel;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Note;
import dev.sqlmodel.impl.model.Powers;
import dev.sqlmodel.impl.rel.Team;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** model_dump / model_validate / sqlmodel_update through Jakarta JSON Processing. */
class SerializationTest {

    @Test
    void toMapUsesFieldNamesAndByColumnUsesColumns() {
        Hero h = new Hero("Deadpond", "Dive Wilson", null);
        Map<String, Object> m = SqlModel.toMap(h);
        assertEquals(List.of("id", "name", "secretName", "age", "teamId"), List.copyOf(m.keySet()));
        assertEquals("Dive Wilson", m.get("secretName"));
        assertTrue(SqlModel.toMap(h, Dump.byColumn()).containsKey("secret_name"));
        assertEquals(List.of("name", "secretName"), List.copyOf(SqlModel.toMap(h, Dump.excludeNull()).keySet()));
        assertEquals(List.of("name"), List.copyOf(SqlModel.toMap(h, Dump.include("name")).keySet()));
        assertFalse(SqlModel.toMap(h, Dump.exclude("name")).containsKey("name"));
    }

    @Test
    void toJsonWritesJavaTypesAsJsonShapes() {
        Powers p = new Powers();
        p.id = 7L;
        p.price = new BigDecimal("12345678.90");
        p.day = LocalDate.of(2024, 2, 29);
        p.instant = Instant.parse("2024-05-01T10:00:00Z");
        p.uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        p.bytes = new byte[] {0, 1, (byte) 255};
        p.level = Powers.Level.HIGH;
        p.flag = true;
        String json = SqlModel.toJson(p, Dump.include("id", "price", "day", "instant", "uuid", "bytes", "level", "flag"));
        assertEquals("{\"id\":7,\"flag\":true,\"price\":12345678.90,\"day\":\"2024-02-29\","
                + "\"instant\":\"2024-05-01T10:00:00Z\",\"uuid\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"bytes\":\"AAH/\",\"level\":\"HIGH\"}", json);
    }

    @Test
    void fromJsonConvertsAndRoundTrips() {
        Powers p = SqlModel.fromJson(Powers.class, "{\"id\": 1, \"price\": 12.30, \"day\": \"2024-02-29\","
                + " \"uuid\": \"123e4567-e89b-12d3-a456-426614174000\", \"bytes\": \"AAH/\", \"level\": \"LOW\","
                + " \"instant\": \"2024-05-01T10:00:00Z\", \"longValue\": 9007199254740993}");
        assertEquals(new BigDecimal("12.30"), p.price);
        assertEquals(LocalDate.of(2024, 2, 29), p.day);
        assertArrayEquals(new byte[] {0, 1, (byte) 255}, p.bytes);
        assertEquals(Powers.Level.LOW, p.level);
        assertEquals(9007199254740993L, p.longValue);
        Powers back = SqlModel.fromJson(Powers.class, SqlModel.toJson(p));
        assertEquals(SqlModel.toMap(p).keySet(), SqlModel.toMap(back).keySet());
        assertEquals(p.price, back.price);
        assertEquals(p.instant, back.instant);
    }

    @Test
    void fromJsonRejectsWrongTypesAndUnknownFieldsNamingTheField() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> SqlModel.fromJson(Hero.class, "{\"name\": \"x\", \"age\": \"old\"}"));
        assertTrue(wrong.getMessage().contains("Hero.age"), wrong.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SqlModel.fromJson(Hero.class, "{\"name\": \"x\", \"power\": 1}"));
        assertTrue(unknown.getMessage().contains("power") && unknown.getMessage().contains("unknown"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SqlModel.fromJson(Hero.class, "{\"age\": 1.5}"));
        assertThrows(IllegalArgumentException.class, () -> SqlModel.fromJson(Hero.class, "[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> SqlModel.fromJson(Hero.class, "{not json"));
    }

    @Test
    void fromJsonValidatesAfterConverting() {
        ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                () -> SqlModel.fromJson(Hero.class, "{\"name\": \" \", \"age\": -1}"));
        assertEquals(2, e.getConstraintViolations().size());
        assertTrue(e.getMessage().contains("Hero.name") && e.getMessage().contains("Hero.age"), e.getMessage());
    }

    @Test
    void excludeUnsetLeavesOutWhatTheInputDidNotSet() {
        Hero h = SqlModel.fromMap(Hero.class, Map.of("name", "Deadpond", "age", 30));
        assertEquals(Map.of("name", "Deadpond", "age", 30), SqlModel.toMap(h, Dump.excludeUnset()));
    }

    @Test
    void updateCopiesOnlyThePresentKeys() {
        Hero h = new Hero("Deadpond", "Dive Wilson", 30);
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("age", 31);
        patch.put("secretName", null);
        SqlModel.update(h, patch);
        assertEquals(31, h.age);
        assertNull(h.secretName);
        assertEquals("Deadpond", h.name);
        assertThrows(IllegalArgumentException.class, () -> SqlModel.update(h, Map.of("age", 5, "nope", 1)));
        assertEquals(31, h.age); // nothing applied from a bad patch
    }

    @Test
    void recordsRoundTrip() {
        Note n = new Note(3L, "hello \"json\"", 5);
        Note back = SqlModel.fromJson(Note.class, SqlModel.toJson(n));
        assertEquals(n, back);
    }

    @Test
    void loadedRelationshipsDumpNestedWithCyclesCutAndUnloadedOnesLeftOut() {
        Team team = new Team("Preventers", "Sharp Tower");
        dev.sqlmodel.impl.rel.Hero rusty = new dev.sqlmodel.impl.rel.Hero("Rusty-Man", "Tommy Sharp", 48);
        rusty.team = Related.of(team);
        team.heroes.add(rusty);
        Map<String, Object> m = SqlModel.toMap(team);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> heroes = (List<Map<String, Object>>) m.get("heroes");
        assertEquals("Rusty-Man", heroes.get(0).get("name"));
        assertFalse(heroes.get(0).containsKey("team")); // the cycle back to the team is cut
        String json = SqlModel.toJson(rusty);
        assertTrue(json.contains("\"team\":{\"id\":null,\"name\":\"Preventers\""), json);
    }

    private static List<String> names(List<Recruit> recruits) {
        return recruits.stream().map(r -> r.name).toList();
    }

    @Test
    void relationshipsOfNewModelsRoundTripThroughJsonAndMaps() {
        Squad preventers = new Squad("Preventers");
        Recruit rusty = new Recruit("Rusty-Man", 48);
        Recruit tarantula = new Recruit("Tarantula", 32);
        preventers.recruits.add(rusty);
        preventers.recruits.add(tarantula);
        rusty.squad.set(preventers);
        tarantula.squad.set(preventers);

        Squad squad = SqlModel.fromJson(Squad.class, SqlModel.toJson(preventers));
        assertEquals(List.of("Rusty-Man", "Tarantula"), names(squad.recruits.get()));
        assertSame(squad, squad.recruits.get().get(0).squad.get()); // the cut cycle is joined again
        assertEquals(SqlModel.toMap(preventers), SqlModel.toMap(squad));

        Recruit back = SqlModel.fromJson(Recruit.class, SqlModel.toJson(rusty));
        assertEquals("Preventers", back.squad.get().name);
        assertEquals(List.of("Tarantula", "Rusty-Man"), names(back.squad.get().recruits.get()));
        assertSame(back, back.squad.get().recruits.get().get(1));
        assertEquals(SqlModel.toMap(rusty), SqlModel.toMap(back));
        Recruit fromMap = SqlModel.fromMap(Recruit.class, SqlModel.toMap(rusty));
        assertEquals(SqlModel.toMap(rusty), SqlModel.toMap(fromMap));

        Recruit alone = SqlModel.fromJson(Recruit.class, SqlModel.toJson(new Recruit("Spider-Boy", null)));
        assertTrue(alone.squad.isLoaded());
        assertNull(alone.squad.get());
        Squad empty = SqlModel.fromMap(Squad.class, SqlModel.toMap(new Squad("Nobody")));
        assertEquals(List.of(), empty.recruits.get());
    }

    @Test
    void manyToManyListsRoundTripAndMirrorTheOtherSide() {
        Team preventers = new Team("Preventers", "Sharp Tower");
        dev.sqlmodel.impl.rel.Hero spider = new dev.sqlmodel.impl.rel.Hero("Spider-Boy", "Pedro Parqueador", null);
        spider.teams.add(preventers);
        preventers.members.add(spider);
        dev.sqlmodel.impl.rel.Hero back = SqlModel.fromJson(dev.sqlmodel.impl.rel.Hero.class, SqlModel.toJson(spider));
        Team team = back.teams.get().get(0);
        assertEquals("Sharp Tower", team.headquarters);
        assertEquals(List.of(back), team.members.get());
        assertNull(back.team.get());
        assertEquals(SqlModel.toMap(spider), SqlModel.toMap(back));
    }

    @Test
    void relationshipKeysTakeNullAnObjectOrAnArrayAndNothingElse() {
        Recruit r = SqlModel.fromJson(Recruit.class, "{\"name\": \"x\", \"squad\": null}");
        assertTrue(r.squad.isLoaded());
        assertNull(r.squad.get());
        assertEquals(List.of(), SqlModel.fromJson(Squad.class, "{\"name\": \"x\", \"recruits\": null}").recruits.get());
        assertEquals(Map.of("name", "x", "recruits", List.of(Map.of("name", "y"))), SqlModel.toMap(
                SqlModel.fromJson(Squad.class, "{\"name\": \"x\", \"recruits\": [{\"name\": \"y\"}]}"), Dump.excludeUnset()));

        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> SqlModel.fromJson(Recruit.class, "{\"name\": \"x\", \"squad\": \"Preventers\"}"));
        assertTrue(text.getMessage().contains("Recruit.squad") && text.getMessage().contains("object"), text.getMessage());
        IllegalArgumentException object = assertThrows(IllegalArgumentException.class,
                () -> SqlModel.fromJson(Squad.class, "{\"name\": \"x\", \"recruits\": {\"name\": \"y\"}}"));
        assertTrue(object.getMessage().contains("Squad.recruits") && object.getMessage().contains("array"), object.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> SqlModel.fromJson(Squad.class, "{\"name\": \"x\", \"recruits\": [1]}"));
        assertTrue(number.getMessage().contains("Squad.recruits[0]"), number.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SqlModel.fromJson(Squad.class, "{\"name\": \"x\", \"recruits\": [{\"name\": \"y\", \"rank\": 3}]}"));
        assertTrue(unknown.getMessage().contains("Recruit.rank") && unknown.getMessage().contains("unknown field"),
                unknown.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> SqlModel.fromJson(Squad.class, "{\"name\": \"x\", \"recruits\": [{\"name\": \"y\", \"age\": \"old\"}]}"));
        assertTrue(wrong.getMessage().contains("Squad.recruits[0]") && wrong.getMessage().contains("Recruit.age"),
                wrong.getMessage());
    }

    @Test
    void nestedModelsAreValidatedLikeTheOwner() {
        ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> SqlModel.fromJson(
                Squad.class, "{\"name\": \" \", \"recruits\": [{\"name\": \"ok\", \"age\": 1}, {\"name\": \"\", \"age\": -1}]}"));
        assertEquals(3, e.getConstraintViolations().size());
        assertTrue(e.getMessage().contains("Squad.name") && e.getMessage().contains("recruits[1]: Recruit.age")
                && e.getMessage().contains("recruits[1]: Recruit.name"), e.getMessage());
        ConstraintViolationException one = assertThrows(ConstraintViolationException.class,
                () -> SqlModel.fromJson(Recruit.class, "{\"name\": \"x\", \"squad\": {\"name\": \"\"}}"));
        assertTrue(one.getMessage().contains("squad: Squad.name"), one.getMessage());
    }

    @Test
    void plainModelsValidateWithFieldClassAndCustomConstraints() {
        Profile p = new Profile();
        p.name = "ok";
        p.email = "not-an-email";
        p.code = "abc";
        p.low = 5;
        p.high = 1;
        var violations = SqlModel.validate(p);
        assertEquals(3, violations.size(), violations.toString());
        p.email = "a@b.example";
        p.code = "ABC";
        p.high = 9;
        assertTrue(SqlModel.validate(p).isEmpty());
    }

    @Test
    void maxLengthValidatesLikeSizeAndCustomFieldConstraintsRun() {
        var v = SqlModel.validate(new Gadget("far too long", 3));
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.stream().anyMatch(c -> c.getPropertyPath().toString().equals("label")));
        assertTrue(v.stream().anyMatch(c -> c.getMessage().equals("must be even")));
        assertTrue(SqlModel.validate(new Gadget("short", 4)).isEmpty());
    }
}
