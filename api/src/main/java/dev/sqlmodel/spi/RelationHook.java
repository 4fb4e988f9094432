package dev.sqlmodel.spi;

/**
 * Connects a {@link dev.sqlmodel.Related} or {@link dev.sqlmodel.RelatedMany} holder to the
 * session that loaded its owner. Implemented by the library, not by applications.
 */
public interface RelationHook {

    /**
     * Loads the holder's value, and usually that of its siblings from the same query, filling
     * each through {@link RelationAccess}.
     *
     * @throws dev.sqlmodel.NotLoadedException when the owning session is closed
     */
    void load(Object holder);

    /**
     * The target an unloaded to-one holder stands for, when it can be told without a query
     * (the owner's session holds the instance its foreign key names); null otherwise.
     */
    default Object peekUnloaded(Object holder) {
        return null;
    }

    /** The application set a to-one holder from {@code oldValue} to {@code newValue}. */
    default void set(Object holder, Object oldValue, Object newValue) {
    }

    /** The application added {@code element} to a to-many holder. */
    default void added(Object holder, Object element) {
    }

    /** The application removed {@code element} from a to-many holder. */
    default void removed(Object holder, Object element) {
    }
}
