package dev.sqlmodel.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.model.Hero;
import dev.sqlmodel.impl.model.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The identity map's two tables against plain hash maps, through attach, re-key, replace and detach. */
class IdentityMapTest {
    private record Id(Class<?> model, Object key) {
    }

    @Test
    void keyTableAgreesWithAHashMapUnderRandomOperations() {
        ModelMeta<?> heroes = ModelRegistry.of(Hero.class);
        ModelMeta<?> teams = ModelRegistry.of(Team.class);
        IdentityMap map = new IdentityMap();
        Map<Id, EntityState> expected = new HashMap<>();
        List<EntityState> attached = new ArrayList<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            int op = random.nextInt(10);
            // few distinct keys and two models with equal keys: collisions, replacements, long runs
            ModelMeta<?> meta = random.nextBoolean() ? heroes : teams;
            Long key = (long) random.nextInt(3000);
            if (op < 5) {
                // as reading a row does: look the key up, then file a new state under it
                assertSame(expected.get(new Id(meta.type(), key)), map.get(meta.type(), key), "step " + step);
                EntityState s = new EntityState(meta, new Object(), key, EntityState.Status.PERSISTENT, null);
                map.attach(s);
                expected.put(new Id(meta.type(), key), s);
                attached.add(s);
            } else if (op < 8 && !attached.isEmpty()) {
                EntityState s = attached.remove(random.nextInt(attached.size()));
                map.detach(s);
                expected.remove(new Id(s.meta.type(), s.key), s);
            } else if (!attached.isEmpty()) {
                EntityState s = attached.get(random.nextInt(attached.size()));
                Id old = new Id(s.meta.type(), s.key);
                map.keyed(s, key + 5000);
                expected.remove(old, s);
                expected.put(new Id(s.meta.type(), s.key), s);
            }
            if (step % 1000 == 0) {
                for (int k = 0; k < 8000; k += 7) {
                    for (ModelMeta<?> m : List.of(heroes, teams)) {
                        assertSame(expected.get(new Id(m.type(), (long) k)), map.get(m.type(), (long) k),
                                "step " + step + ", " + m.type().getSimpleName() + " " + k);
                    }
                }
            }
        }
        for (Map.Entry<Id, EntityState> e : expected.entrySet()) {
            assertSame(e.getValue(), map.get(e.getKey().model(), e.getKey().key()));
        }
        map.clear();
        assertEquals(0, map.size());
        assertNull(map.get(Hero.class, 1L));
    }

    @Test
    void instanceTableAgreesWithAnIdentityHashMapUnderRandomOperations() {
        ModelMeta<?> heroes = ModelRegistry.of(Hero.class);
        IdentityMap map = new IdentityMap();
        Map<Object, EntityState> expected = new IdentityHashMap<>();
        List<EntityState> attached = new ArrayList<>();
        List<Object> gone = new ArrayList<>();
        Random random = new Random(7);
        for (int step = 0; step < 200_000; step++) {
            int op = random.nextInt(20);
            if (op < 9) {
                EntityState s = new EntityState(heroes, new Object(), null, EntityState.Status.NEW, null);
                map.attach(s);
                expected.put(s.instance, s);
                attached.add(s);
            } else if (op < 16 && !attached.isEmpty()) {
                EntityState s = attached.remove(random.nextInt(attached.size()));
                map.detach(s);
                expected.remove(s.instance);
                gone.add(s.instance);
            } else if (op < 19 && !attached.isEmpty()) {
                EntityState s = attached.get(random.nextInt(attached.size()));
                Object old = s.instance;
                map.replaceInstance(s, new Object());
                expected.remove(old);
                expected.put(s.instance, s);
                gone.add(old);
            } else {
                map.reserve(random.nextInt(100));
            }
            if (step % 5000 == 0) {
                // the first lookup builds the table from the attach order; later steps keep it
                for (EntityState s : attached) {
                    assertSame(s, map.state(s.instance), "step " + step);
                }
                for (Object o : gone) {
                    assertNull(map.state(o), "step " + step);
                }
                gone.clear();
                assertEquals(expected.size(), map.size());
            }
        }
        for (Map.Entry<Object, EntityState> e : expected.entrySet()) {
            assertSame(e.getValue(), map.state(e.getKey()));
        }
        map.clear();
        assertNull(map.state(attached.get(0).instance));
    }
}
