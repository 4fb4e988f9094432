package dev.sqlmodel.impl.session;

import dev.sqlmodel.Key;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.NotLoadedException;
import dev.sqlmodel.Related;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.RelationshipInfo.Kind;
import dev.sqlmodel.RelationshipRef;
import dev.sqlmodel.Row;
import dev.sqlmodel.impl.meta.Convert;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.meta.RelationMeta;
import dev.sqlmodel.impl.meta.RelationPath;
import dev.sqlmodel.impl.sql.SqlDialect;
import dev.sqlmodel.impl.types.ValueCodec;
import dev.sqlmodel.spi.RelationAccess;
import dev.sqlmodel.spi.RelationHook;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Batch loading of relationships for one session. Every owner passed in is served by one query
 * per chunk of keys: {@code WHERE fk IN (...)}, or row values {@code (a, b) IN ((?, ?), ...)}
 * for composite keys; many-to-one targets already in the identity map cost no query; the
 * loaded targets form a batch of their own, so the next level also costs one query.
 */
final class RelationLoader {
    private static final int CHUNK = 500;

    /** Where a loader runs its queries and turns rows into instances. */
    interface Source {
        /** Runs a query and hands each row to {@code handler}. */
        void query(String sql, List<Object> params, List<Class<?>> types, SessionImpl.RowHandler handler);

        /** The instance for a row of {@code meta}'s table (null for a row without key), joining {@code batch}. */
        Object load(ModelMeta<?> meta, Object[] values, Relations.Batch batch);

        /** An instance already known for {@code key}, or null (a stateless source knows none). */
        Object attachedInstance(Class<?> type, Object key);

        /** Makes room for {@code rows} instances about to be loaded into {@code batch} (by default nothing). */
        default void expect(int rows, Relations.Batch batch) {
        }

        /**
         * The handle, typed {@code (Object instance)Object}, that finishes an instance of
         * {@code meta} read straight from a row (null for a row without key); null when rows of
         * {@code meta} must be read through their values (by default).
         */
        default MethodHandle finisher(ModelMeta<?> meta) {
            return null;
        }
    }

    private final Source session;
    private final SqlDialect dialect;
    private final RelationAccess access = RelationAccess.get();

    RelationLoader(SessionImpl session, SqlDialect dialect) {
        this(new Source() {
            @Override
            public void query(String sql, List<Object> params, List<Class<?>> types, SessionImpl.RowHandler handler) {
                session.query(sql, params, types, handler);
            }

            @Override
            public Object load(ModelMeta<?> meta, Object[] values, Relations.Batch batch) {
                return session.load(meta, values, batch);
            }

            @Override
            public Object attachedInstance(Class<?> type, Object key) {
                return session.attachedInstance(type, key);
            }

            @Override
            public void expect(int rows, Relations.Batch batch) {
                session.expect(rows, batch);
            }
        }, dialect);
    }

    RelationLoader(Source source, SqlDialect dialect) {
        this.session = source;
        this.dialect = dialect;
    }

    private void table(StringBuilder sql, ModelMeta<?> meta) {
        dialect.table(sql, meta);
    }

    /** Loads {@code ref} for every owner, one query per relationship (per chunk of keys). */
    void load(Collection<?> owners, RelationshipRef<?, ?> ref) {
        ModelMeta<?> meta = ModelRegistry.of(ref.model());
        RelationMeta r = meta.relation(ref.name());
        if (r == null) {
            throw new MappingException(ref.model().getName() + "." + ref.name() + " is not a relationship");
        }
        List<Object> list = new ArrayList<>();
        for (Object o : owners) {
            if (o != null && ref.model().isInstance(o)) {
                list.add(o);
            }
        }
        loadFor(r, list);
    }

    /**
     * Eager loading for {@code select(...).fetch(refs)}: each ref loads for every instance of
     * its model seen so far. Instances are collected in lists, not identity sets: the loaders
     * group owners by key, so an instance met twice costs a second fill of its holder, where an
     * identity set cost every instance an identity hash (installed in its header on first use)
     * and a third of a stateless two-level fetch's own time went there. The targets a ref loads
     * are collected only when a later ref is of their model.
     */
    void fetch(List<?> results, List<RelationshipRef<?, ?>> refs) {
        Map<Class<?>, List<Object>> seen = new HashMap<>();
        for (Object r : results) {
            if (r instanceof Row row) {
                for (int i = 0; i < row.size(); i++) {
                    Object item = row.get(i, Object.class);
                    if (item != null && ModelRegistry.isTable(item.getClass())) {
                        remember(seen, item);
                    }
                }
            } else if (r != null) {
                remember(seen, r);
            }
        }
        for (int at = 0; at < refs.size(); at++) {
            RelationshipRef<?, ?> ref = refs.get(at);
            List<Object> owners = seen.getOrDefault(ref.model(), List.of());
            load(owners, ref);
            RelationMeta r = ModelRegistry.of(ref.model()).relation(ref.name());
            if (!neededLater(refs, at, r.target())) {
                continue;
            }
            for (Object owner : owners) {
                Object holder = r.accessor().get(owner);
                if (holder instanceof Related<?> one) {
                    Object t = access.peek(one);
                    if (t != null) {
                        remember(seen, t);
                    }
                } else if (holder instanceof RelatedMany<?> many) {
                    for (Object t : access.peek(many)) {
                        remember(seen, t);
                    }
                }
            }
        }
    }

    /** Whether a ref after {@code at} loads a relationship of {@code target}'s instances. */
    private static boolean neededLater(List<RelationshipRef<?, ?>> refs, int at, Class<?> target) {
        for (int i = at + 1; i < refs.size(); i++) {
            if (refs.get(i).model().isAssignableFrom(target)) {
                return true;
            }
        }
        return false;
    }

    private static void remember(Map<Class<?>, List<Object>> seen, Object o) {
        seen.computeIfAbsent(o.getClass(), k -> new ArrayList<>()).add(o);
    }

    void loadFor(RelationMeta r, List<Object> owners) {
        if (owners.isEmpty()) {
            return;
        }
        RelationPath p = r.path();
        switch (r.kind()) {
            case MANY_TO_ONE -> loadToOne(p, owners);
            case ONE_TO_MANY -> loadToMany(p, owners);
            default -> loadManyToMany(p, owners);
        }
    }

    static Object keyOf(List<FieldMeta> columns, List<FieldMeta> typedAs, Object instance) {
        if (columns.size() == 1) {
            Object v = columns.get(0).get(instance);
            return v == null ? null : Convert.to(typedAs.get(0).boxedType(), v, columns.get(0));
        }
        Object[] parts = new Object[columns.size()];
        for (int i = 0; i < parts.length; i++) {
            Object v = columns.get(i).get(instance);
            if (v == null) {
                return null;
            }
            parts[i] = Convert.to(typedAs.get(i).boxedType(), v, columns.get(i));
        }
        return Key.of(parts);
    }

    Object identityTarget(RelationPath p, Object owner) {
        ModelMeta<?> target = ModelRegistry.of(p.relation.target());
        if (!p.targetColumns.equals(target.keyFields())) {
            return null;
        }
        Object key = keyOf(p.ownerColumns, p.targetColumns, owner);
        return key == null ? null : session.attachedInstance(target.type(), key);
    }

    @SuppressWarnings("unchecked")
    private void loadToOne(RelationPath p, List<Object> owners) {
        ModelMeta<?> target = ModelRegistry.of(p.relation.target());
        Map<Object, List<Object>> wanted = new LinkedHashMap<>();
        for (Object owner : owners) {
            Object key = keyOf(p.ownerColumns, p.targetColumns, owner);
            Object found = key == null ? null : identityTarget(p, owner);
            if (key == null || found != null) {
                fillOne(p.relation, owner, found);
            } else {
                wanted.computeIfAbsent(key, k -> new ArrayList<>()).add(owner);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<Object, Object> byKey = new HashMap<>();
        Relations.Batch batch = new Relations.Batch();
        for (List<Object> chunk : chunks(new ArrayList<>(wanted.keySet()))) {
            for (Object t : selectWhereIn(target, p.targetColumns, chunk, batch)) {
                byKey.put(keyOf(p.targetColumns, p.targetColumns, t), t);
            }
        }
        for (Map.Entry<Object, List<Object>> e : wanted.entrySet()) {
            Object t = byKey.get(e.getKey()); // a dangling key loads as null
            for (Object owner : e.getValue()) {
                fillOne(p.relation, owner, t);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void fillOne(RelationMeta r, Object owner, Object target) {
        Object holder = r.accessor().get(owner);
        if (holder instanceof Related<?> one) {
            access.fill((Related<Object>) one, target);
        }
    }

    @SuppressWarnings("unchecked")
    private void fillMany(RelationMeta r, Object owner, List<Object> targets) {
        Object holder = r.accessor().get(owner);
        if (holder instanceof RelatedMany<?> many) {
            access.fill((RelatedMany<Object>) many, targets);
        }
    }

    /** An empty list per distinct owner key; owners without a key get an empty loaded list now. */
    private Map<Object, List<Object>> groupsByOwnerKey(RelationPath p, List<Object> owners, int perKey) {
        Map<Object, List<Object>> groups = new LinkedHashMap<>();
        for (Object owner : owners) {
            Object key = keyOf(p.ownerColumns, p.ownerColumns, owner);
            if (key == null) {
                fillMany(p.relation, owner, List.of());
            } else if (!groups.containsKey(key)) {
                groups.put(key, new ArrayList<>(perKey));
            }
        }
        return groups;
    }

    /** Fills each keyed owner's list with its group (owners sharing a key get equal lists). */
    private void fillGroups(RelationPath p, List<Object> owners, Map<Object, List<Object>> groups) {
        for (Object owner : owners) {
            Object key = keyOf(p.ownerColumns, p.ownerColumns, owner);
            if (key != null) {
                fillMany(p.relation, owner, groups.get(key)); // the holder copies the list
            }
        }
    }

    private void loadToMany(RelationPath p, List<Object> owners) {
        ModelMeta<?> target = ModelRegistry.of(p.relation.target());
        int perKey = p.relation.rowsPerKey();
        Map<Object, List<Object>> byOwnerKey = groupsByOwnerKey(p, owners, perKey);
        List<Object> keys = new ArrayList<>(byOwnerKey.keySet());
        Relations.Batch batch = new Relations.Batch();
        int rows = 0;
        for (List<Object> chunk : chunks(keys)) {
            List<Object> children = selectWhereIn(target, p.targetColumns, chunk, batch,
                    Math.min(chunk.size() * perKey, 1 << 16));
            rows += children.size();
            for (Object child : children) {
                Object parentKey = keyOf(p.targetColumns, p.ownerColumns, child);
                List<Object> list = byOwnerKey.get(parentKey);
                if (list != null) {
                    list.add(child);
                }
            }
        }
        p.relation.loaded(keys.size(), rows);
        fillGroups(p, owners, byOwnerKey);
    }

    private void loadManyToMany(RelationPath p, List<Object> owners) {
        ModelMeta<?> target = ModelRegistry.of(p.relation.target());
        Map<Object, List<Object>> byOwnerKey = groupsByOwnerKey(p, owners, p.relation.rowsPerKey());
        List<Object> keys = new ArrayList<>(byOwnerKey.keySet());
        Relations.Batch batch = new Relations.Batch();
        int[] rows = {0};
        for (List<Object> chunk : chunks(keys)) {
            StringBuilder sql = new StringBuilder("SELECT ");
            String t = dialect.quote(target.tableName());
            String l = dialect.quote(p.link.tableName());
            List<FieldMeta> cols = target.columns();
            for (int i = 0; i < cols.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(t).append('.').append(dialect.quote(cols.get(i).column()));
            }
            for (FieldMeta f : p.linkOwner) {
                sql.append(", ").append(l).append('.').append(dialect.quote(f.column()));
            }
            sql.append(" FROM ");
            table(sql, target);
            sql.append(" JOIN ");
            table(sql, p.link);
            sql.append(" ON ");
            for (int i = 0; i < p.linkTarget.size(); i++) {
                sql.append(i == 0 ? "" : " AND ").append(l).append('.').append(dialect.quote(p.linkTarget.get(i).column()))
                        .append(" = ").append(t).append('.').append(dialect.quote(p.targetColumns.get(i).column()));
            }
            List<Object> params = new ArrayList<>();
            List<Class<?>> types = new ArrayList<>();
            sql.append(" WHERE ");
            inList(sql, l, p.linkOwner, p.ownerColumns, chunk, params, types);
            sql.append(" ORDER BY ");
            for (int i = 0; i < target.keyFields().size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(t).append('.').append(dialect.quote(target.keyFields().get(i).column()));
            }
            ModelCodecs.Reader reader = ModelCodecs.reader(target, dialect.kind());
            ValueCodec[] linkCodecs = new ValueCodec[p.linkOwner.size()];
            for (int i = 0; i < linkCodecs.length; i++) {
                linkCodecs[i] = dev.sqlmodel.impl.types.Codecs.forType(p.ownerColumns.get(i).javaType(), dialect.kind());
            }
            session.query(sql.toString(), params, types, rs -> {
                Object child = session.load(target, reader.read(rs, 0), batch);
                Object[] parts = new Object[linkCodecs.length];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = linkCodecs[i].read(rs, cols.size() + i + 1);
                }
                Object ownerKey = parts.length == 1 ? parts[0] : Key.of(parts);
                List<Object> list = byOwnerKey.get(ownerKey);
                if (list != null && child != null) {
                    list.add(child);
                    rows[0]++;
                }
            });
        }
        p.relation.loaded(keys.size(), rows[0]);
        fillGroups(p, owners, byOwnerKey);
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    /** {@code cols IN (keys)}: a plain IN for one column, row values for several. */
    void inList(StringBuilder sql, String table, List<FieldMeta> cols, List<FieldMeta> typedAs,
            List<Object> keys, List<Object> params, List<Class<?>> types) {
        if (cols.size() == 1) {
            sql.append(table).append('.').append(dialect.quote(cols.get(0).column())).append(" IN (");
            for (int i = 0; i < keys.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                params.add(typedAs.get(0).bindValue(keys.get(i)));
                types.add(typedAs.get(0).bindType());
            }
            sql.append(')');
            return;
        }
        sql.append('(');
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(table).append('.').append(dialect.quote(cols.get(i).column()));
        }
        sql.append(") IN (");
        for (int k = 0; k < keys.size(); k++) {
            sql.append(k == 0 ? "(" : ", (");
            Object[] parts = ((Key) keys.get(k)).values().toArray();
            for (int i = 0; i < parts.length; i++) {
                sql.append(i == 0 ? "?" : ", ?");
                params.add(typedAs.get(i).bindValue(parts[i]));
                types.add(typedAs.get(i).bindType());
            }
            sql.append(')');
        }
        sql.append(')');
    }

    /**
     * The rows of {@code meta} whose {@code cols} are among {@code keys}, joined to {@code batch}.
     * They come in the database's order (an index scan on the foreign key, in practice): sorting
     * them would cost every load a sort the application did not ask for.
     */
    private List<Object> selectWhereIn(ModelMeta<?> meta, List<FieldMeta> cols, List<Object> keys, Relations.Batch batch) {
        return selectWhereIn(meta, cols, keys, batch, keys.size());
    }

    /** The rows of {@code meta} whose {@code cols} are among {@code keys}, about {@code expected} of them. */
    private List<Object> selectWhereIn(ModelMeta<?> meta, List<FieldMeta> cols, List<Object> keys, Relations.Batch batch,
            int expected) {
        StringBuilder sql = new StringBuilder("SELECT ");
        String t = dialect.quote(meta.tableName());
        List<FieldMeta> all = meta.columns();
        for (int i = 0; i < all.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(t).append('.').append(dialect.quote(all.get(i).column()));
        }
        sql.append(" FROM ");
        table(sql, meta);
        sql.append(" WHERE ");
        List<Object> params = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        inList(sql, t, cols, cols, keys, params, types);
        ModelCodecs.Reader reader = ModelCodecs.reader(meta, dialect.kind());
        MethodHandle finisher = reader.readsInstances() ? session.finisher(meta) : null;
        if (finisher != null) {
            MethodHandle straight = reader.instanceThen(finisher);
            List<Object> out = new ArrayList<>(expected);
            session.query(sql.toString(), params, types, rs -> {
                Object o;
                try {
                    o = reader.instance(straight, rs, 0);
                } catch (ClassCastException e) {
                    o = session.load(meta, reader.read(rs, 0), batch); // the path through the values names the field
                }
                if (o != null) {
                    out.add(o);
                }
            });
            return out;
        }
        // The rows' values first, then their instances: the session makes room for all of them at once.
        List<Object> out = new ArrayList<>(expected);
        session.query(sql.toString(), params, types, rs -> out.add(reader.read(rs, 0)));
        session.expect(out.size(), batch);
        int n = 0;
        for (int i = 0; i < out.size(); i++) {
            Object o = session.load(meta, (Object[]) out.get(i), batch);
            if (o != null) {
                out.set(n++, o);
            }
        }
        return n == out.size() ? out : out.subList(0, n);
    }

}
