package dev.sqlmodel.impl.meta;

import dev.sqlmodel.MappingException;
import dev.sqlmodel.RelationshipInfo.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a relationship maps to columns, resolved from the foreign keys once both models are
 * known. Column lists are parallel: {@code ownerColumns[i]} matches {@code targetColumns[i]}
 * (for a many-to-many: owner key to {@code linkOwner[i]}, {@code linkTarget[i]} to target key).
 * Composite keys are several pairs.
 */
public final class RelationPath {
    /** The relationship resolved. */
    public final RelationMeta relation;
    /** The owner's columns (its FK for many-to-one, its key otherwise). */
    public final List<FieldMeta> ownerColumns;
    /** The target's columns (its key for many-to-one, its FK for one-to-many, its key for many-to-many). */
    public final List<FieldMeta> targetColumns;
    /** The link model, for many-to-many. */
    public final ModelMeta<?> link;
    /** The link's columns that reference the owner, for many-to-many. */
    public final List<FieldMeta> linkOwner;
    /** The link's columns that reference the target, for many-to-many. */
    public final List<FieldMeta> linkTarget;
    /** The mirrored relationship on the target, or null. */
    public final RelationMeta back;

    private RelationPath(RelationMeta relation, List<FieldMeta> ownerColumns, List<FieldMeta> targetColumns,
            ModelMeta<?> link, List<FieldMeta> linkOwner, List<FieldMeta> linkTarget, RelationMeta back) {
        this.relation = relation;
        this.ownerColumns = List.copyOf(ownerColumns);
        this.targetColumns = List.copyOf(targetColumns);
        this.link = link;
        this.linkOwner = linkOwner == null ? List.of() : List.copyOf(linkOwner);
        this.linkTarget = linkTarget == null ? List.of() : List.copyOf(linkTarget);
        this.back = back;
    }

    /**
     * Resolves {@code r} against the foreign keys of the models involved.
     *
     * @throws MappingException naming model and field when no foreign key, or more than one,
     *     could serve
     */
    static RelationPath resolve(RelationMeta r) {
        ModelMeta<?> owner = ModelRegistry.of(r.owner());
        ModelMeta<?> target = ModelRegistry.of(r.target());
        String where = r.owner().getName() + "." + r.name();
        RelationMeta back = r.backPopulates().isEmpty() ? null : target.relation(r.backPopulates());
        if (!r.backPopulates().isEmpty() && back == null) {
            throw new MappingException(where + ": backPopulates names '" + r.backPopulates() + "', which is not a "
                    + "relationship of " + target.type().getName());
        }
        String hint = !r.foreignKey().isEmpty() ? r.foreignKey() : back != null ? back.foreignKey() : "";
        switch (r.kind()) {
            case MANY_TO_ONE: {
                List<FieldMeta> fks = references(owner, target, hint, where);
                return new RelationPath(r, fks, referenced(fks, target, where), null, null, null, back);
            }
            case ONE_TO_MANY: {
                List<FieldMeta> fks = references(target, owner, hint, where);
                return new RelationPath(r, referenced(fks, owner, where), fks, null, null, null, back);
            }
            default: {
                ModelMeta<?> link = ModelRegistry.of(r.linkModel());
                if (owner.type() == target.type()) {
                    throw new MappingException(where + ": a many-to-many of a model with itself is not supported");
                }
                List<FieldMeta> lo = references(link, owner, "", where);
                List<FieldMeta> lt = references(link, target, "", where);
                return new RelationPath(r, referenced(lo, owner, where), referenced(lt, target, where), link, lo, lt,
                        back);
            }
        }
    }

    /** The fields of {@code from} that reference {@code to}'s table (restricted by {@code hint}). */
    private static List<FieldMeta> references(ModelMeta<?> from, ModelMeta<?> to, String hint, String where) {
        List<FieldMeta> fks = new ArrayList<>();
        for (FieldMeta f : from.columns()) {
            if (f.foreignTable() != null && f.foreignTable().equalsIgnoreCase(to.tableName())) {
                if (hint.isEmpty() || f.name().equals(hint) || f.column().equalsIgnoreCase(hint)) {
                    fks.add(f);
                }
            }
        }
        if (fks.isEmpty()) {
            throw new MappingException(where + ": no foreign key in " + from.type().getName() + " references table '"
                    + to.tableName() + "'" + (hint.isEmpty() ? "" : " through '" + hint + "'"));
        }
        // Several keys pointing at the same column are alternatives (teamId, formerTeamId): ambiguous.
        List<String> seen = new ArrayList<>();
        for (FieldMeta f : fks) {
            String ref = f.foreignColumn().toLowerCase(Locale.ROOT);
            if (seen.contains(ref)) {
                throw new MappingException(where + ": " + from.type().getName() + " has several foreign keys to '"
                        + to.tableName() + "." + f.foreignColumn() + "'; name one with @Relationship(foreignKey = ...)");
            }
            seen.add(ref);
        }
        return fks;
    }

    private static List<FieldMeta> referenced(List<FieldMeta> fks, ModelMeta<?> to, String where) {
        List<FieldMeta> cols = new ArrayList<>();
        for (FieldMeta fk : fks) {
            FieldMeta c = to.byColumn(fk.foreignColumn());
            if (c == null) {
                throw new MappingException(where + ": foreign key " + fk.qualifiedName() + " references '"
                        + fk.foreignKey() + "', which is not a column of " + to.type().getName());
            }
            cols.add(c);
        }
        return cols;
    }

    /** Whether this is a many-to-one. */
    public boolean toOne() {
        return relation.kind() == Kind.MANY_TO_ONE;
    }

    @Override
    public String toString() {
        return "RelationPath[" + relation + "]";
    }
}
