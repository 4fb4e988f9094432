package dev.sqlmodel;

import dev.sqlmodel.spi.RelationHook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A to-many relationship (one-to-many, or many-to-many through a link model). Holders of
 * instances read from the database load on first access, batched over every owner from the
 * same query. Changes are written at flush.
 *
 * @param <T> the element model
 */
public final class RelatedMany<T> implements Iterable<T> {
    private final List<T> items = new ArrayList<>();
    private boolean loaded;
    private RelationHook hook;

    private RelatedMany(boolean loaded, RelationHook hook) {
        this.loaded = loaded;
        this.hook = hook;
    }

    /** A loaded, empty holder. */
    public static <T> RelatedMany<T> empty() {
        return new RelatedMany<>(true, null);
    }

    static <T> RelatedMany<T> unloaded(RelationHook hook) {
        return new RelatedMany<>(false, hook);
    }

    private void ensureLoaded() {
        if (!loaded) {
            if (hook == null) {
                throw new NotLoadedException("relationship is not loaded and has no session");
            }
            hook.load(this);
        }
    }

    /**
     * The elements, loading them first if needed (an unmodifiable view).
     *
     * @throws NotLoadedException when not loaded and the session is closed
     */
    public List<T> get() {
        ensureLoaded();
        return Collections.unmodifiableList(items);
    }

    /** Whether the elements are loaded. */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Adds {@code element} (loading first if needed); ignored when already present. The
     * element's to-one on the other side ({@code backPopulates}) is set to this list's owner
     * and the element leaves its previous owner's loaded list; on a many-to-many the other
     * side's loaded list gets the owner.
     */
    public void add(T element) {
        ensureLoaded();
        if (!containsSame(element)) {
            items.add(element);
            if (hook != null) {
                hook.added(this, element);
            }
        }
    }

    /**
     * Removes {@code element}; returns whether it was present. The element's to-one on the
     * other side ({@code backPopulates}) is set to null; on a many-to-many the owner leaves
     * the other side's loaded list.
     */
    public boolean remove(T element) {
        ensureLoaded();
        for (Iterator<T> it = items.iterator(); it.hasNext();) {
            if (it.next() == element) {
                it.remove();
                if (hook != null) {
                    hook.removed(this, element);
                }
                return true;
            }
        }
        return false;
    }

    /** Removes every element. */
    public void clear() {
        ensureLoaded();
        for (T element : new ArrayList<>(items)) {
            remove(element);
        }
    }

    /** The number of elements (loading first if needed). */
    public int size() {
        ensureLoaded();
        return items.size();
    }

    @Override
    public Iterator<T> iterator() {
        return get().iterator();
    }

    private boolean containsSame(T element) {
        for (T t : items) {
            if (t == element) {
                return true;
            }
        }
        return false;
    }

    void fill(List<T> values) {
        items.clear();
        items.addAll(values);
        loaded = true;
    }

    void hook(RelationHook hook) {
        this.hook = hook;
    }

    void unload(RelationHook hook) {
        if (!loaded || !items.isEmpty()) {
            throw new IllegalStateException("only a loaded, empty holder can be made not loaded: " + this);
        }
        loaded = false;
        this.hook = hook;
    }

    List<T> peek() {
        return Collections.unmodifiableList(items);
    }

    @Override
    public String toString() {
        return loaded ? "RelatedMany" + items : "RelatedMany[not loaded]";
    }
}
