package dev.sqlmodel.impl.session;

import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The order of one flush: inserts grouped by model with parents before children (a
 * topological order of the foreign keys between the models involved), then updates, then
 * deletes grouped by model with children before parents. Within a model, instances keep the
 * order in which they were added. A foreign-key cycle between models falls back to the order
 * the models were first seen.
 */
final class FlushPlan {
    final List<List<EntityState>> inserts;
    final List<EntityState> updates;
    final List<List<EntityState>> deletes;

    private FlushPlan(List<List<EntityState>> inserts, List<EntityState> updates, List<List<EntityState>> deletes) {
        this.inserts = inserts;
        this.updates = updates;
        this.deletes = deletes;
    }

    static FlushPlan of(List<EntityState> news, List<EntityState> dirty, List<EntityState> deleted) {
        List<List<EntityState>> ins = byModel(news);
        List<List<EntityState>> del = byModel(deleted);
        ins = ordered(ins, false);
        del = ordered(del, true);
        return new FlushPlan(ins, dirty, del);
    }

    boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }

    private static List<List<EntityState>> byModel(List<EntityState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        Class<?> only = states.get(0).meta.type();
        int i = 1;
        while (i < states.size() && states.get(i).meta.type() == only) {
            i++;
        }
        if (i == states.size()) {
            return List.of(states);
        }
        Map<Class<?>, List<EntityState>> groups = new LinkedHashMap<>();
        Class<?> previous = null;
        List<EntityState> previousGroup = null;
        for (EntityState s : states) {
            Class<?> type = s.meta.type();
            if (type != previous) { // instances of one model usually come in runs
                previous = type;
                previousGroup = groups.computeIfAbsent(type, k -> new ArrayList<>());
            }
            previousGroup.add(s);
        }
        return new ArrayList<>(groups.values());
    }

    private static List<List<EntityState>> ordered(List<List<EntityState>> groups, boolean childrenFirst) {
        if (groups.size() < 2) {
            return groups;
        }
        Map<String, List<EntityState>> byTable = new HashMap<>();
        for (List<EntityState> g : groups) {
            byTable.put(g.get(0).meta.tableName().toLowerCase(Locale.ROOT), g);
        }
        // parents of each group among the groups present
        Map<List<EntityState>, Set<List<EntityState>>> parents = new LinkedHashMap<>();
        for (List<EntityState> g : groups) {
            Set<List<EntityState>> ps = new LinkedHashSet<>();
            ModelMeta<?> meta = g.get(0).meta;
            for (FieldMeta f : meta.columns()) {
                String ft = f.foreignTable();
                if (ft != null) {
                    List<EntityState> p = byTable.get(ft.toLowerCase(Locale.ROOT));
                    if (p != null && p != g) {
                        ps.add(p);
                    }
                }
            }
            parents.put(g, ps);
        }
        List<List<EntityState>> out = new ArrayList<>();
        Set<List<EntityState>> placed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<List<EntityState>> visiting = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<EntityState> g : groups) {
            visit(g, parents, placed, visiting, out);
        }
        if (childrenFirst) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    private static void visit(List<EntityState> g, Map<List<EntityState>, Set<List<EntityState>>> parents,
            Set<List<EntityState>> placed, Set<List<EntityState>> visiting, List<List<EntityState>> out) {
        if (placed.contains(g) || visiting.contains(g)) {
            return;
        }
        visiting.add(g);
        for (List<EntityState> p : parents.get(g)) {
            visit(p, parents, placed, visiting, out);
        }
        visiting.remove(g);
        placed.add(g);
        out.add(g);
    }
}
