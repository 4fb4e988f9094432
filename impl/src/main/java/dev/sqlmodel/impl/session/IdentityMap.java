package dev.sqlmodel.impl.session;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance per primary key per session, and the state of every attached instance.
 * Instances are tracked by identity, never by their own equals/hashCode. The attach order is
 * an array list in which a detached state leaves a hole (its {@code slot} says where it sits),
 * compacted when holes outnumber states: a query of a thousand rows attaches a thousand states,
 * and a linked hash set cost a third hash table growing and an entry object for each.
 *
 * <p>States by key live in an open-addressing table of the states themselves (linear probing,
 * deletion by backward shift): a hash map keyed by (model, key) cost every row read or
 * inserted a key object and an entry object, and two hash computations.
 */
final class IdentityMap {
    private static final int FIRST_CAPACITY = 16;

    /** States with a key, at the slot their (model, key) hash probes to first or after it. */
    private EntityState[] table = new EntityState[FIRST_CAPACITY];
    private int keyed;
    /**
     * State by instance, built on first use: reads attach thousands of rows but rarely ask
     * which state an instance has, so a read-only session never pays for this index.
     */
    private Map<Object, EntityState> byInstance;
    private final ArrayList<EntityState> order = new ArrayList<>();
    private int size;

    EntityState get(Class<?> model, Object key) {
        EntityState[] t = table;
        int mask = t.length - 1;
        for (int i = hash(model, key) & mask; ; i = (i + 1) & mask) {
            EntityState s = t[i];
            if (s == null || s.meta.type() == model && s.key.equals(key)) {
                return s;
            }
        }
    }

    private static int hash(Class<?> model, Object key) {
        int h = key.hashCode() * 31 + model.hashCode();
        return h ^ (h >>> 16);
    }

    /** Indexes {@code s} under its key, replacing a state indexed under the same one. */
    private void index(EntityState s) {
        Class<?> model = s.meta.type();
        int h = hash(model, s.key);
        s.keyHash = h;
        EntityState[] t = table;
        int mask = t.length - 1;
        int i = h & mask;
        for (EntityState o; (o = t[i]) != null; i = (i + 1) & mask) {
            if (o == s || o.meta.type() == model && o.key.equals(s.key)) {
                t[i] = s;
                return;
            }
        }
        t[i] = s;
        if (++keyed > t.length / 2) {
            grow();
        }
    }

    private void grow() {
        EntityState[] old = table;
        EntityState[] t = new EntityState[old.length * 2];
        int mask = t.length - 1;
        for (EntityState s : old) {
            if (s != null) {
                int i = s.keyHash & mask;
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = s;
            }
        }
        table = t;
    }

    /** Removes {@code s} from the key table when it is indexed there under {@code key}. */
    private void unindex(EntityState s, Object key) {
        EntityState[] t = table;
        int mask = t.length - 1;
        int i = hash(s.meta.type(), key) & mask;
        for (EntityState o; (o = t[i]) != s; i = (i + 1) & mask) {
            if (o == null) {
                return;
            }
        }
        keyed--;
        // Backward shift: move later entries of the run into the hole unless that would put
        // one before the slot its hash starts at.
        int hole = i;
        for (int j = (i + 1) & mask; t[j] != null; j = (j + 1) & mask) {
            int home = t[j].keyHash & mask;
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                t[hole] = t[j];
                hole = j;
            }
        }
        t[hole] = null;
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
            index(s);
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
            unindex(s, s.key);
        }
        s.key = key;
        if (key != null) {
            index(s);
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
            unindex(s, s.key);
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
        table = new EntityState[FIRST_CAPACITY];
        keyed = 0;
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
