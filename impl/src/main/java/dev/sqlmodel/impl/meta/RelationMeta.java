package dev.sqlmodel.impl.meta;

import dev.sqlmodel.RelationshipInfo;

/** One relationship field of a model, as declared. */
public final class RelationMeta implements RelationshipInfo {
    private final Class<?> owner;
    private final String name;
    private final Kind kind;
    private final Class<?> target;
    private final Class<?> linkModel;
    private final String backPopulates;
    private final boolean cascadeDelete;
    private final boolean passiveDeletes;
    private final String foreignKey;
    private final Accessor accessor;

    RelationMeta(Class<?> owner, String name, Kind kind, Class<?> target, Class<?> linkModel, String backPopulates,
            boolean cascadeDelete, boolean passiveDeletes, String foreignKey, Accessor accessor) {
        this.owner = owner;
        this.name = name;
        this.kind = kind;
        this.target = target;
        this.linkModel = linkModel;
        this.backPopulates = backPopulates;
        this.cascadeDelete = cascadeDelete;
        this.passiveDeletes = passiveDeletes;
        this.foreignKey = foreignKey;
        this.accessor = accessor;
    }

    /** The model declaring the relationship. */
    public Class<?> owner() {
        return owner;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public Class<?> target() {
        return target;
    }

    @Override
    public Class<?> linkModel() {
        return linkModel;
    }

    @Override
    public String backPopulates() {
        return backPopulates;
    }

    @Override
    public boolean cascadeDelete() {
        return cascadeDelete;
    }

    @Override
    public boolean passiveDeletes() {
        return passiveDeletes;
    }

    /** The foreign key field named in {@code @Relationship(foreignKey)}, or an empty string. */
    public String foreignKey() {
        return foreignKey;
    }

    private volatile RelationPath path;

    /**
     * The columns this relationship goes through, resolved on first use.
     *
     * @throws dev.sqlmodel.MappingException when the foreign keys do not determine it
     */
    public RelationPath path() {
        RelationPath p = path;
        if (p == null) {
            p = RelationPath.resolve(this);
            path = p;
        }
        return p;
    }

    /** The accessor of the holder field. */
    public Accessor accessor() {
        return accessor;
    }

    @Override
    public String toString() {
        return "RelationMeta[" + owner.getSimpleName() + "." + name + " " + kind + " -> " + target.getSimpleName() + "]";
    }
}
