package dev.sqlmodel.impl.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One instance per primary key per session, and the state of every attached instance.
 * Instances are tracked by identity, never by their own equals/hashCode.
 */
final class IdentityMap {
    private final Map<EntityKey, EntityState> byKey = new HashMap<>();
    private final Map<Object, EntityState> byInstance = new IdentityHashMap<>();
    // EntityState keeps Object identity equality, so removal from this set is O(1).
    private final LinkedHashSet<EntityState> order = new LinkedHashSet<>();

    EntityState get(Class<?> model, Object key) {
        return byKey.get(new EntityKey(model, key));
    }

    EntityState state(Object instance) {
        return byInstance.get(instance);
    }

    void attach(EntityState s) {
        byInstance.put(s.instance, s);
        if (s.key != null) {
            byKey.put(new EntityKey(s.meta.type(), s.key), s);
        }
        order.add(s);
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
        byInstance.remove(s.instance);
        s.instance = instance;
        byInstance.put(instance, s);
    }

    void detach(EntityState s) {
        byInstance.remove(s.instance);
        if (s.key != null) {
            EntityKey k = new EntityKey(s.meta.type(), s.key);
            if (byKey.get(k) == s) {
                byKey.remove(k);
            }
        }
        order.remove(s);
    }

    /** Every attached state in the order it was attached. */
    List<EntityState> all() {
        return new ArrayList<>(order);
    }

    int size() {
        return order.size();
    }

    void clear() {
        byKey.clear();
        byInstance.clear();
        order.clear();
    }
}
