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

    /**
     * How many rows the last load of this relationship found per key it asked for (at least
     * one; ten, a list's default room, before the first load): a sizing hint for the next
     * load's lists, which would otherwise grow step by step. Written without synchronization;
     * a stale value only sizes a list wrong.
     */
    private int rowsPerKey = 10;

    /** The rows per key the last load found; see {@link #loaded(int, int)}. */
    public int rowsPerKey() {
        return rowsPerKey;
    }

    /** Records that a load of {@code keys} keys found {@code rows} rows. */
    public void loaded(int keys, int rows) {
        if (keys > 0) {
            rowsPerKey = Math.max(1, Math.min(1024, (rows + keys - 1) / keys));
        }
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
