package dev.sqlmodel;

import dev.sqlmodel.spi.RelationAccess;
import dev.sqlmodel.spi.RelationHook;
import java.util.List;
import java.util.Optional;

/**
 * A to-one relationship (many-to-one or one-to-one). Holders created by the application are
 * loaded; holders of instances read from the database load on first {@link #get()}, batched
 * over every owner from the same query.
 *
 * @param <T> the target model
 */
public final class Related<T> {
    static {
        RelationAccess.install(new Access());
    }

    private T value;
    private boolean loaded;
    private RelationHook hook;

    private Related(T value, boolean loaded, RelationHook hook) {
        this.value = value;
        this.loaded = loaded;
        this.hook = hook;
    }

    /** A loaded holder with no target. */
    public static <T> Related<T> empty() {
        return new Related<>(null, true, null);
    }

    /** A loaded holder with {@code value}. */
    public static <T> Related<T> of(T value) {
        return new Related<>(value, true, null);
    }

    /**
     * The target, loading it first if needed; null when the key is null.
     *
     * @throws NotLoadedException when it is not loaded and its session is closed
     */
    public T get() {
        if (!loaded) {
            if (hook == null) {
                throw new NotLoadedException("relationship is not loaded and has no session");
            }
            hook.load(this);
        }
        return value;
    }

    /** The target if loaded, without loading. */
    public Optional<T> getIfLoaded() {
        return loaded ? Optional.ofNullable(value) : Optional.empty();
    }

    /** Whether the target is loaded. */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Sets the target; the foreign key is written at flush. A loaded list on the other side
     * ({@code backPopulates}) is kept in step at once: the owner leaves its old target's list
     * and joins the new target's. An unloaded list stays unloaded.
     */
    @SuppressWarnings("unchecked")
    public void set(T newValue) {
        // An unloaded holder's old target is still known when the session holds it by key.
        T old = loaded || hook == null ? value : (T) hook.peekUnloaded(this);
        value = newValue;
        loaded = true;
        if (hook != null) {
            hook.set(this, old, newValue);
        }
    }

    @Override
    public String toString() {
        return loaded ? "Related[" + value + "]" : "Related[not loaded]";
    }

    private static final class Access extends RelationAccess {
        @Override
        public <T> Related<T> unloaded(RelationHook hook) {
            return new Related<>(null, false, hook);
        }

        @Override
        public <T> RelatedMany<T> unloadedMany(RelationHook hook) {
            return RelatedMany.unloaded(hook);
        }

        @Override
        public void unload(Related<?> holder, RelationHook hook) {
            if (!holder.loaded || holder.value != null) {
                throw new IllegalStateException("only a loaded, empty holder can be made not loaded: " + holder);
            }
            holder.loaded = false;
            holder.hook = hook;
        }

        @Override
        public void unload(RelatedMany<?> holder, RelationHook hook) {
            holder.unload(hook);
        }

        @Override
        public <T> void fill(Related<T> holder, T value) {
            holder.value = value;
            holder.loaded = true;
        }

        @Override
        public <T> void fill(RelatedMany<T> holder, List<T> values) {
            holder.fill(values);
        }

        @Override
        public void hook(Related<?> holder, RelationHook hook) {
            holder.hook = hook;
        }

        @Override
        public void hook(RelatedMany<?> holder, RelationHook hook) {
            holder.hook(hook);
        }

        @Override
        public <T> T peek(Related<T> holder) {
            return holder.value;
        }

        @Override
        public <T> List<T> peek(RelatedMany<T> holder) {
            return holder.peek();
        }
    }
}
