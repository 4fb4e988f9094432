package dev.sqlmodel;

/** Metadata of one relationship field. */
public interface RelationshipInfo {

    /** The kinds of relationship. */
    enum Kind {
        /** {@link Related}: this model holds the foreign key. */
        MANY_TO_ONE,
        /** {@link RelatedMany}: the target holds the foreign key. */
        ONE_TO_MANY,
        /** {@link RelatedMany} through a link model. */
        MANY_TO_MANY
    }

    /** The field name. */
    String name();

    /** The kind. */
    Kind kind();

    /** The target model. */
    Class<?> target();

    /** The link model, or null. */
    Class<?> linkModel();

    /** The mirrored field on the target, or an empty string. */
    String backPopulates();

    /** Whether the session deletes dependants. */
    boolean cascadeDelete();

    /** Whether the database's ON DELETE is relied on. */
    boolean passiveDeletes();
}
