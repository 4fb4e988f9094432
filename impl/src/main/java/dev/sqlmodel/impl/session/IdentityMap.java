package dev.sqlmodel.impl.session;

import java.util.ArrayList;
import java.util.List;

/**
 * One instance per primary key per session, and the state of every attached instance.
 * Instances are tracked by identity, never by their own equals/hashCode. The attach order is
 * an array list in which a detached state leaves a hole (its {@code slot} says where it sits),
 * compacted when holes outnumber states: a query of a thousand rows attaches a thousand states,
 * and a linked hash set cost a third hash table growing and an entry object for each.
 *
 * <p>States by key live in an open-addressing table of the states themselves (linear probing,
 * deletion by backward shift): a hash map keyed by (model, key) cost every row read or
 * inserted a key object and an entry object, and two hash computations. States by instance
 * live in a second table of the same kind, probed by identity hash: adding a thousand new
 * instances asks for each one's state and then files it, and an {@code IdentityHashMap}
 * spent a fifth of the flush's own time there.
 */
final class IdentityMap {
    private static final int FIRST_CAPACITY = 4;
    /**
     * The key table of a map that has filed nothing yet, shared and never written: a session
     * that only looks instances up, or none, allocates no table.
     */
    private static final Table EMPTY = new Table(1);

    /** States with a key, at the slot their (model, key) hash probes to first or after it. */
    private Table table = EMPTY;
    /**
     * States by instance identity, built on first use: reads attach thousands of rows but
     * rarely ask which state an instance has, so a read-only session never pays for this index.
     */
    private Table byInstance;
    private ArrayList<EntityState> order = new ArrayList<>(0);
    private int size;
    /**
     * Where the last unsuccessful {@link #get} stopped, until the key table changes: reading a
     * row looks its key up and then files a new state under that same key object, which then
     * takes the empty slot found without hashing and probing again.
     */
    private Object missKey;
    private Class<?> missModel;
    private int missHash;
    private int missSlot;

    /**
     * An open-addressing table of states with each one's hash in a parallel array: probing
     * compares hashes before it touches a state, and growing reads only the two arrays (a
     * query of a thousand rows grows the table eight times, and reading each state's hash
     * from the state cost a cache miss per state moved).
     */
    private static final class Table {
        EntityState[] states;
        int[] hashes;
        int count;

        Table(int capacity) {
            states = new EntityState[capacity];
            hashes = new int[capacity];
        }

        /** Files {@code s} with hash {@code h} in the empty slot {@code i}, growing past half full. */
        void put(int i, EntityState s, int h) {
            states[i] = s;
            hashes[i] = h;
            if (++count > states.length / 2) {
                resize(states.length * 2);
            }
        }

        /** The first empty slot of {@code h}'s probe sequence. */
        int free(int h) {
            EntityState[] t = states;
            int mask = t.length - 1;
            int i = h & mask;
            while (t[i] != null) {
                i = (i + 1) & mask;
            }
            return i;
        }

        void resize(int capacity) {
            EntityState[] oldStates = states;
            int[] oldHashes = hashes;
            states = new EntityState[capacity];
            hashes = new int[capacity];
            for (int j = 0; j < oldStates.length; j++) {
                EntityState s = oldStates[j];
                if (s != null) {
                    int i = free(oldHashes[j]);
                    states[i] = s;
                    hashes[i] = oldHashes[j];
                }
            }
        }

        /** The slot holding {@code s}, probing from hash {@code h}; -1 when it is not here. */
        int slotOf(EntityState s, int h) {
            EntityState[] t = states;
            int mask = t.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                EntityState o = t[i];
                if (o == s) {
                    return i;
                }
                if (o == null) {
                    return -1;
                }
            }
        }

        /**
         * Empties slot {@code i} by backward shift: later entries of the run move into the hole
         * unless that would put one before the slot its hash starts at.
         */
        void removeAt(int i) {
            EntityState[] t = states;
            int[] hs = hashes;
            int mask = t.length - 1;
            int hole = i;
            for (int j = (i + 1) & mask; t[j] != null; j = (j + 1) & mask) {
                int home = hs[j] & mask;
                boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
                if (!stays) {
                    t[hole] = t[j];
                    hs[hole] = hs[j];
                    hole = j;
                }
            }
            t[hole] = null;
            count--;
        }
    }

    EntityState get(Class<?> model, Object key) {
        EntityState[] t = table.states;
        int[] hs = table.hashes;
        int mask = t.length - 1;
        int h = hash(model, key);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            EntityState s = t[i];
            if (s == null) {
                missKey = key;
                missModel = model;
                missHash = h;
                missSlot = i;
                return null;
            }
            if (hs[i] == h && s.meta.type() == model && s.key.equals(key)) {
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
        if (table == EMPTY) {
            table = new Table(FIRST_CAPACITY);
            missKey = null; // the slot it found was one of the shared empty table
        }
        if (s.key == missKey && model == missModel) {
            missKey = null;
            table.put(missSlot, s, missHash);
            return;
        }
        missKey = null;
        int h = hash(model, s.key);
        EntityState[] t = table.states;
        int[] hs = table.hashes;
        int mask = t.length - 1;
        int i = h & mask;
        for (EntityState o; (o = t[i]) != null; i = (i + 1) & mask) {
            if (o == s || hs[i] == h && o.meta.type() == model && o.key.equals(s.key)) {
                t[i] = s;
                return;
            }
        }
        table.put(i, s, h);
    }

    /** Removes {@code s} from the key table when it is indexed there under {@code key}. */
    private void unindex(EntityState s, Object key) {
        int i = table.slotOf(s, hash(s.meta.type(), key));
        if (i >= 0) {
            missKey = null;
            table.removeAt(i);
        }
    }

    EntityState state(Object instance) {
        Table t = byInstance;
        if (t == null) {
            t = indexInstances(0);
        }
        EntityState[] states = t.states;
        int[] hs = t.hashes;
        int mask = states.length - 1;
        int h = System.identityHashCode(instance);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            EntityState s = states[i];
            if (s == null || hs[i] == h && s.instance == instance) {
                return s;
            }
        }
    }

    /** Builds the instance table with room for {@code more} states beyond those attached. */
    private Table indexInstances(int more) {
        byInstance = new Table(capacityFor(size + more));
        for (EntityState s : order) {
            if (s != null) {
                fileInstance(s);
            }
        }
        return byInstance;
    }

    private static int capacityFor(int states) {
        return Math.max(32, Integer.highestOneBit(Math.max(1, states) * 2 - 1) * 2);
    }

    private void fileInstance(EntityState s) {
        int h = System.identityHashCode(s.instance);
        byInstance.put(byInstance.free(h), s, h);
    }

    private void unfileInstance(EntityState s) {
        int i = byInstance.slotOf(s, System.identityHashCode(s.instance));
        if (i >= 0) {
            byInstance.removeAt(i);
        }
    }

    /** Makes room for {@code more} states about to be attached (adding a collection). */
    void reserve(int more) {
        reserveKeys(more); // their keys come at flush
        if (byInstance == null || capacityFor(byInstance.count + more) > byInstance.states.length) {
            indexInstances(more);
        }
    }

    /**
     * Makes room in the key table and the attach order for {@code more} keyed states about to
     * be attached (the rows of a query), so that filing them grows nothing.
     */
    void reserveKeys(int more) {
        order.ensureCapacity(order.size() + more);
        int capacity = capacityFor(table.count + more);
        if (capacity > table.states.length) {
            missKey = null;
            if (table == EMPTY) {
                table = new Table(capacity);
            } else {
                table.resize(capacity);
            }
        }
    }

    /** Files {@code s}, which must not be attached yet, by instance and by key. */
    void attach(EntityState s) {
        if (s.slot >= 0) {
            return;
        }
        if (byInstance != null) {
            fileInstance(s);
        }
        if (s.key != null) {
            index(s);
        }
        if (order.isEmpty()) {
            order.ensureCapacity(4); // a session of one get() files one state
        }
        s.slot = order.size();
        order.add(s);
        size++;
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
            unfileInstance(s);
            s.instance = instance;
            fileInstance(s);
        } else {
            s.instance = instance;
        }
    }

    void detach(EntityState s) {
        if (byInstance != null) {
            unfileInstance(s);
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

    /** Whether some attached state passes {@code test} (no copy of the attach order). */
    boolean any(java.util.function.Predicate<EntityState> test) {
        for (int i = 0; i < order.size(); i++) {
            EntityState s = order.get(i);
            if (s != null && test.test(s)) {
                return true;
            }
        }
        return false;
    }

    /** Every attached state in the order it was attached. */
    List<EntityState> all() {
        if (size == order.size()) {
            return new ArrayList<>(order); // no holes: one array copy
        }
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

    /** Forgets every state without resetting them one by one (a closing session never uses them again). */
    void release() {
        table = EMPTY;
        missKey = null;
        byInstance = null;
        if (!order.isEmpty()) {
            order = new ArrayList<>(0);
        }
        size = 0;
    }

    /** Detaches every state: the session goes on, and a state attached before may be attached again. */
    void clear() {
        for (EntityState s : order) {
            if (s != null) {
                s.slot = -1;
            }
        }
        release();
    }
}
