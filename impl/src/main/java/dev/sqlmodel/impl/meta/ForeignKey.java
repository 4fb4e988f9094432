package dev.sqlmodel.impl.meta;

import dev.sqlmodel.ReferentialAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One foreign key constraint of a model. Fields that reference different columns of the same
 * table form one composite key ({@code (power_id, level) REFERENCES power_level (power_id,
 * level)}); fields that reference the same column (a team and a former team) are separate keys.
 * The actions are those of the first field.
 *
 * @param columns the referencing fields, in declaration order
 * @param refTable the referenced table
 * @param refColumns the referenced columns, parallel to {@code columns}
 * @param onDelete the ON DELETE action
 * @param onUpdate the ON UPDATE action
 */
public record ForeignKey(List<FieldMeta> columns, String refTable, List<String> refColumns,
        ReferentialAction onDelete, ReferentialAction onUpdate) {

    /** The constraint name: {@code fk_<table>_<first column>_<referenced table>}. */
    public String name(String table) {
        return "fk_" + table + "_" + columns.get(0).column() + "_" + refTable;
    }

    /** The foreign keys of {@code meta}, grouped as described above. */
    public static List<ForeignKey> of(ModelMeta<?> meta) {
        Map<String, List<FieldMeta>> byTable = new LinkedHashMap<>();
        for (FieldMeta f : meta.columns()) {
            if (f.foreignTable() != null) {
                byTable.computeIfAbsent(f.foreignTable().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<FieldMeta> group : byTable.values()) {
            boolean distinct = group.stream().map(f -> f.foreignColumn().toLowerCase(Locale.ROOT)).distinct()
                    .count() == group.size();
            if (group.size() > 1 && distinct) {
                List<String> refs = new ArrayList<>();
                for (FieldMeta f : group) {
                    refs.add(f.foreignColumn());
                }
                keys.add(new ForeignKey(List.copyOf(group), group.get(0).foreignTable(), List.copyOf(refs),
                        group.get(0).onDelete(), group.get(0).onUpdate()));
            } else {
                for (FieldMeta f : group) {
                    keys.add(new ForeignKey(List.of(f), f.foreignTable(), List.of(f.foreignColumn()), f.onDelete(),
                            f.onUpdate()));
                }
            }
        }
        return keys;
    }
}
