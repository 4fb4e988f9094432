package dev.sqlmodel.spi;

import dev.sqlmodel.Related;
import dev.sqlmodel.RelatedMany;
import java.util.List;

/**
 * The library's access to the inside of relationship holders: creating unloaded ones,
 * filling them without triggering hooks, and attaching hooks. Applications never need it.
 */
public abstract class RelationAccess {
    private static volatile RelationAccess instance;

    /** For the holder classes only. */
    protected RelationAccess() {
    }

    /**
     * Installs the access object; called once by the holder classes.
     *
     * @throws IllegalStateException when one is installed already
     */
    public static synchronized void install(RelationAccess access) {
        if (instance != null) {
            throw new IllegalStateException("RelationAccess is installed already");
        }
        instance = access;
    }

    /** The access object. */
    public static RelationAccess get() {
        RelationAccess a = instance;
        if (a == null) {
            Related.empty(); // initializes the holder classes, which install the access object
            RelatedMany.empty();
            a = instance;
        }
        return a;
    }

    /** A to-one holder that loads through {@code hook} on first access. */
    public abstract <T> Related<T> unloaded(RelationHook hook);

    /** A to-many holder that loads through {@code hook} on first access. */
    public abstract <T> RelatedMany<T> unloadedMany(RelationHook hook);

    /**
     * Makes {@code holder}, a loaded and empty to-one the model's constructor has just created,
     * not loaded, loading through {@code hook} on first access: a row read into a new instance
     * then needs no second holder.
     *
     * @throws IllegalStateException when the holder is not loaded and empty
     */
    public abstract void unload(Related<?> holder, RelationHook hook);

    /**
     * Makes {@code holder}, a loaded and empty to-many the model's constructor has just created,
     * not loaded, loading through {@code hook} on first access.
     *
     * @throws IllegalStateException when the holder is not loaded and empty
     */
    public abstract void unload(RelatedMany<?> holder, RelationHook hook);

    /** Marks {@code holder} loaded with {@code value}, without calling its hook. */
    public abstract <T> void fill(Related<T> holder, T value);

    /** Marks {@code holder} loaded with {@code values}, without calling its hook. */
    public abstract <T> void fill(RelatedMany<T> holder, List<T> values);

    /** Attaches (or with null, detaches) the hook of a to-one holder. */
    public abstract void hook(Related<?> holder, RelationHook hook);

    /** Attaches (or with null, detaches) the hook of a to-many holder. */
    public abstract void hook(RelatedMany<?> holder, RelationHook hook);

    /** The value of a to-one holder, loaded or not, without loading. */
    public abstract <T> T peek(Related<T> holder);

    /** The elements of a to-many holder, without loading (empty when unloaded). */
    public abstract <T> List<T> peek(RelatedMany<T> holder);
}
