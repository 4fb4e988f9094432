package dev.sqlmodel.impl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JSON array text an element collection is stored as. */
class ElementsCodecTest {

    @Test
    void enumsAreStoredByNameInOrder() {
        ElementsCodec codec = new ElementsCodec(Set.class, TimeUnit.class);
        List<TimeUnit> units = List.of(TimeUnit.SECONDS, TimeUnit.DAYS);
        String text = ElementsCodec.encode(units);
        assertEquals("[\"SECONDS\",\"DAYS\"]", text);
        Object back = codec.decode(text);
        assertTrue(back instanceof LinkedHashSet<?>, "a Set field reads back as a modifiable set");
        assertEquals(new ArrayList<>(units), new ArrayList<>((Set<?>) back), "in the stored order");
        assertEquals(Set.of(), codec.decode(" [ ] "));
    }

    @Test
    void anyStringSurvives() {
        ElementsCodec codec = new ElementsCodec(List.class, String.class);
        List<String> hostile = List.of("a,b", "say \"hi\"", "back\\slash", "line\nbreak\ttab", "", "\u0000\u001f", "é€😀");
        String text = ElementsCodec.encode(hostile);
        assertTrue(!text.contains("\u0000"), "no NUL reaches the database, which PostgreSQL would refuse");
        assertEquals(hostile, codec.decode(text));
        assertEquals(List.of("x", "/"), codec.decode("[\"x\" , \"\\/\"]"));
    }

    @Test
    void badTextAndNullsAreRefused() {
        ElementsCodec codec = new ElementsCodec(Set.class, TimeUnit.class);
        assertThrows(IllegalArgumentException.class, () -> codec.decode("[\"WEEKS\"]"));
        assertThrows(IllegalArgumentException.class, () -> codec.decode("SECONDS"));
        assertThrows(IllegalArgumentException.class, () -> codec.decode("[\"SECONDS\""));
        assertThrows(IllegalArgumentException.class, () -> codec.decode("[\"SECONDS\"] x"));
        List<TimeUnit> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> ElementsCodec.encode(withNull));
    }
}
