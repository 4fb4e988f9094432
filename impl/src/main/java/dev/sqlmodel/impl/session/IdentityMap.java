package dev.sqlmodel.impl.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance per primary key per session, and the state of every attached instance.
 * Instances are tracked by identity, never by their own equals/hashCode. The attach order is
 * an array list in which a detached state leaves a hole (its {@code slot} says where it sits),
 * compacted when holes outnumber states: a query of a thousand rows attaches a thousand states,
 * and a linked hash set cost a third hash table growing and an entry object for each.
 */
final class IdentityMap {
    private final Map<EntityKey, EntityState> byKey = new HashMap<>();
    /**
     * State by instance, built on first use: reads attach thousands of rows but rarely ask
     * which state an instance has, so a read-only session never pays for this index.
     */
    private Map<Object, EntityState> byInstance;
    private final ArrayList<EntityState> order = new ArrayList<>();
    private int size;

    EntityState get(Class<?> model, Object key) {
        return byKey.get(new EntityKey(model, key));
    }

    EntityState state(Object instance) {
        return byInstance().get(instance);
    }

    private Map<Object, EntityState> byInstance() {
        Map<Object, EntityState> index = byInstance;
        if (index == null) {
            index = new IdentityHashMap<>(Math.max(32, size * 2));
            for (EntityState s : order) {
                if (s != null) {
                    index.put(s.instance, s);
                }
            }
            byInstance = index;
        }
        return index;
    }

    void attach(EntityState s) {
        if (byInstance != null) {
            byInstance.put(s.instance, s);
        }
        if (s.key != null) {
            byKey.put(new EntityKey(s.meta.type(), s.key), s);
        }
        if (s.slot < 0) {
            s.slot = order.size();
            order.add(s);
            size++;
        }
    }

    /** Records the key of a state whose key became known (generated on insert). */
    void keyed(EntityState s, Object key) {
        if (s.key != null) {
            byKey.remove(new EntityKey(s.meta.type(), s.key));
        }
        s.key = key;
        if (key != null) {
            byKey.put(new EntityKey(s.meta.type(), key), s);
        }
    }

    /** Replaces the instance of a state (records are immutable: a stored copy replaces them). */
    void replaceInstance(EntityState s, Object instance) {
        if (byInstance != null) {
            byInstance.remove(s.instance);
            byInstance.put(instance, s);
        }
        s.instance = instance;
    }

    void detach(EntityState s) {
        if (byInstance != null) {
            byInstance.remove(s.instance);
        }
        if (s.key != null) {
            EntityKey k = new EntityKey(s.meta.type(), s.key);
            if (byKey.get(k) == s) {
                byKey.remove(k);
            }
        }
        if (s.slot >= 0) {
            order.set(s.slot, null);
            s.slot = -1;
            size--;
            if (order.size() > 16 && size < order.size() / 2) {
                compact();
            }
        }
    }

    private void compact() {
        int to = 0;
        for (int from = 0; from < order.size(); from++) {
            EntityState s = order.get(from);
            if (s != null) {
                s.slot = to;
                order.set(to++, s);
            }
        }
        order.subList(to, order.size()).clear();
    }

    /** Every attached state in the order it was attached. */
    List<EntityState> all() {
        List<EntityState> all = new ArrayList<>(size);
        for (EntityState s : order) {
            if (s != null) {
                all.add(s);
            }
        }
        return all;
    }

    int size() {
        return size;
    }

    void clear() {
        byKey.clear();
        byInstance = null;
        for (EntityState s : order) {
            if (s != null) {
                s.slot = -1;
            }
        }
        order.clear();
        size = 0;
    }
}
