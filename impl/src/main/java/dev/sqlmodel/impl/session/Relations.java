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
import dev.sqlmodel.impl.meta.RowHandles;
import dev.sqlmodel.impl.sql.SqlDialect;
import dev.sqlmodel.impl.types.ValueCodec;
import dev.sqlmodel.spi.RelationAccess;
import dev.sqlmodel.spi.RelationHook;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Relationships of one session: batch loading, keeping both sides in step, the save cascade,
 * foreign keys and link rows written at flush, and what deleting a parent does to its
 * dependants.
 *
 * <p>Loading: every instance materialized by one query joins that query's {@link Batch}, and
 * its relationship holders start unloaded with a hook that knows the batch. The first access
 * to a holder loads that relationship for every owner in the batch whose holder is still
 * unloaded, in one query per chunk of keys ({@code WHERE fk IN (...)}, row values for
 * composite keys); many-to-one targets already in the identity map cost no query. The loaded
 * targets form a batch of their own, so the next level costs one query too.
 *
 * <p>Writing: a many-to-one holder that was set decides its foreign key columns; a loaded
 * one-to-many list decides its children's foreign keys; a child removed from a one-to-many
 * gets NULL; a many-to-many add or remove becomes a link row inserted or deleted. Keys of
 * rows inserted in the same flush are filled in just before the dependent rows are written.
 */
final class Relations {
    /** The instances that came from one query, by model class. */
    static final class Batch {
        // Most queries return one model: its list lives in a field, a map only for the others.
        private Class<?> firstType;
        private List<Object> firstList;
        private Map<Class<?>, List<Object>> others;
        private Class<?> lastType;
        private List<Object> lastList;
        /** How many instances a query is about to add, for sizing the first list. */
        private int expected;

        /** Makes room for {@code rows} instances about to be added (the rows of one query). */
        void expect(int rows) {
            if (firstList == null) {
                expected = rows;
            } else if (firstList instanceof ArrayList<Object> list) {
                list.ensureCapacity(firstList.size() + rows);
            }
        }

        void add(Object instance) {
            // Rows of one query are mostly of one model: skip the lookup for a run of the same type.
            Class<?> type = instance.getClass();
            if (type != lastType) {
                lastList = listFor(type);
                lastType = type;
            }
            lastList.add(instance);
        }

        private List<Object> listFor(Class<?> type) {
            if (firstType == null || firstType == type) {
                if (firstType == null) {
                    firstType = type;
                    firstList = new ArrayList<>(expected > 0 ? expected : 10);
                }
                return firstList;
            }
            if (others == null) {
                others = new HashMap<>();
            }
            return others.computeIfAbsent(type, k -> new ArrayList<>());
        }

        List<Object> of(Class<?> type) {
            if (type == firstType) {
                return firstList;
            }
            return others == null ? List.of() : others.getOrDefault(type, List.of());
        }
    }

    private record LinkOp(RelationPath path, Object owner, Object target, boolean add) {
    }

    private final SessionImpl session;
    private final SqlDialect dialect;
    private final RelationAccess access = RelationAccess.get();
    /** Built on first use: a session that loads no relationship never needs it. */
    private RelationLoader loader;
    /** Link rows to write, by pair; empty (immutable) until the first many-to-many change. */
    private Map<List<Object>, LinkOp> linkOps = Map.of();
    // Identity maps that most sessions never write: empty (immutable) until the first entry.
    private Map<Object, LinkOp> linkBindings = Map.of();
    private Map<Object, List<RelationPath>> orphans = Map.of();
    private Map<Object, Set<RelationMeta>> clearedToOne = Map.of();

    Relations(SessionImpl session, SqlDialect dialect) {
        this.session = session;
        this.dialect = dialect;
    }

    private RelationLoader loader() {
        if (loader == null) {
            loader = new RelationLoader(session, dialect);
        }
        return loader;
    }

    /** Loads {@code ref} for every owner, one query per relationship (per chunk of keys). */
    void load(Collection<?> owners, RelationshipRef<?, ?> ref) {
        loader().load(owners, ref);
    }

    /** Eager loading for {@code select(...).fetch(refs)}. */
    void fetch(List<?> results, List<RelationshipRef<?, ?>> refs) {
        loader().fetch(results, refs);
    }

    // ---- holders and hooks -------------------------------------------------------------------

    private final class Hook implements RelationHook {
        private final Object owner;
        private final RelationMeta relation;
        private final Batch batch;

        Hook(Object owner, RelationMeta relation, Batch batch) {
            this.owner = owner;
            this.relation = relation;
            this.batch = batch;
        }

        @Override
        public void load(Object holder) {
            if (session.isClosed()) {
                throw new NotLoadedException(relation.owner().getName() + "." + relation.name()
                        + " is not loaded and its session is closed: load it with select(...).fetch(...) or "
                        + "session.load(...) before closing the session");
            }
            session.autoflush(); // a load sees pending link rows and keys, as queries do
            List<Object> owners = new ArrayList<>();
            if (batch != null) {
                for (Object o : batch.of(relation.owner())) {
                    if (!loaded(o, relation)) {
                        owners.add(o);
                    }
                }
            }
            if (!owners.contains(owner)) {
                owners.add(owner);
            }
            loader().loadFor(relation, owners);
        }

        @Override
        public Object peekUnloaded(Object holder) {
            return relation.kind() == Kind.MANY_TO_ONE && !session.isClosed()
                    ? loader().identityTarget(relation.path(), owner) : null;
        }

        @Override
        public void set(Object holder, Object oldValue, Object newValue) {
            RelationPath p = relation.path();
            if (newValue == null) {
                clearedToOne = writable(clearedToOne);
                clearedToOne.computeIfAbsent(owner, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(relation);
            } else {
                Set<RelationMeta> cleared = clearedToOne.get(owner);
                if (cleared != null) {
                    cleared.remove(relation);
                }
                cascade(newValue);
            }
            if (p.back != null && p.back.kind() == Kind.ONE_TO_MANY) {
                if (oldValue != null && oldValue != newValue) {
                    removeSilently(p.back, oldValue, owner);
                }
                if (newValue != null) {
                    addSilently(p.back, newValue, owner);
                }
            }
        }

        @Override
        public void added(Object holder, Object element) {
            RelationPath p = relation.path();
            cascade(element);
            List<RelationPath> o = orphans.get(element);
            if (o != null) {
                o.remove(p);
            }
            if (relation.kind() == Kind.MANY_TO_MANY) {
                link(p, owner, element, true);
                if (p.back != null) {
                    addSilently(p.back, element, owner);
                }
            } else if (p.back != null && p.back.kind() == Kind.MANY_TO_ONE) {
                Object previous = currentOne(p.back, element);
                if (previous != null && previous != owner) {
                    removeSilently(relation, previous, element);
                }
                setSilently(p.back, element, owner);
            }
        }

        @Override
        public void removed(Object holder, Object element) {
            RelationPath p = relation.path();
            if (relation.kind() == Kind.MANY_TO_MANY) {
                link(p, owner, element, false);
                if (p.back != null) {
                    removeSilently(p.back, element, owner);
                }
            } else {
                orphans = writable(orphans);
                orphans.computeIfAbsent(element, k -> new ArrayList<>()).add(p);
                // An unloaded to-one of an element that was in this list pointed at this owner.
                if (p.back != null && p.back.kind() == Kind.MANY_TO_ONE
                        && (!oneLoaded(p.back, element) || peekOne(p.back, element) == owner)) {
                    setSilently(p.back, element, null);
                }
            }
        }
    }

    private boolean loaded(Object owner, RelationMeta r) {
        Object holder = r.accessor().get(owner);
        if (holder instanceof Related<?> one) {
            return one.isLoaded();
        }
        return holder instanceof RelatedMany<?> many && many.isLoaded();
    }

    /**
     * Per model, {@code (Relations, Object[] values, Batch) -> Object}: a new instance from a
     * row's values with unloaded holders tied to the batch (see {@link #materialize}); built on
     * first use, absent for a model that cannot be composed.
     */
    private static final ModelMeta.Slot<Optional<MethodHandle>> MATERIALIZERS = ModelMeta.Slot.create();
    private static final MethodHandle TO_ONE;
    private static final MethodHandle TO_MANY;
    private static final MethodHandle REUSE_ONE;
    private static final MethodHandle REUSE_MANY;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TO_ONE = lookup.findStatic(Relations.class, "toOne", MethodType.methodType(Object.class, RelationMeta.class,
                    int.class, Relations.class, Object.class, Object[].class, Batch.class));
            TO_MANY = lookup.findStatic(Relations.class, "toMany", MethodType.methodType(Object.class,
                    RelationMeta.class, Relations.class, Object.class, Object[].class, Batch.class));
            REUSE_ONE = lookup.findStatic(Relations.class, "reuseOne", MethodType.methodType(Object.class,
                    RelationMeta.class, int.class, Relations.class, Object.class, Object[].class, Batch.class,
                    Object.class));
            REUSE_MANY = lookup.findStatic(Relations.class, "reuseMany", MethodType.methodType(Object.class,
                    RelationMeta.class, Relations.class, Object.class, Object[].class, Batch.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Per model, per relationship (in {@code meta.relations()} order): whether the model's
     * constructor gives each instance a holder of its own, loaded and empty, which a freshly read
     * row may then make not loaded instead of replacing it with a second one.
     */
    private static final ModelMeta.Slot<boolean[]> FRESH_HOLDERS = ModelMeta.Slot.create();

    /** See {@link #FRESH_HOLDERS}; worked out once per model from two instances its constructor makes. */
    static boolean[] freshHolders(ModelMeta<?> meta) {
        boolean[] known = meta.cached(FRESH_HOLDERS);
        if (known != null) {
            return known;
        }
        List<RelationMeta> relations = meta.relations();
        boolean[] fresh = new boolean[relations.size()];
        if (!meta.isRecord() && !relations.isEmpty()) {
            Object a;
            Object b;
            try {
                a = meta.instantiate(new Object[meta.columns().size()], null);
                b = meta.instantiate(new Object[meta.columns().size()], null);
            } catch (RuntimeException e) {
                a = null; // the rows' own path reports a constructor that fails
                b = null;
            }
            RelationAccess access = RelationAccess.get();
            for (int i = 0; a != null && i < fresh.length; i++) {
                RelationMeta r = relations.get(i);
                Object x = r.accessor().get(a);
                Object y = r.accessor().get(b);
                fresh[i] = r.accessor().writable() && x != y && emptyLoaded(access, r, x) && emptyLoaded(access, r, y);
            }
        }
        return meta.cache(FRESH_HOLDERS, fresh);
    }

    private static boolean emptyLoaded(RelationAccess access, RelationMeta r, Object holder) {
        if (r.kind() == Kind.MANY_TO_ONE) {
            return holder instanceof Related<?> one && one.isLoaded() && access.peek(one) == null;
        }
        return holder instanceof RelatedMany<?> many && many.isLoaded() && access.peek(many).isEmpty();
    }

    /**
     * {@code (Relations, Object instance, Object[] values, Batch)void} from {@code reuse}, typed
     * {@code (Relations, Object instance, Object[] values, Batch, Object holder)Object}: the
     * holder read from the instance by {@code getter}, and changed in place, so nothing is set.
     */
    private static MethodHandle withCurrentHolder(MethodHandle reuse, MethodHandle getter) {
        MethodHandle both = MethodHandles.collectArguments(MethodHandles.dropReturn(reuse), 4, getter);
        return MethodHandles.permuteArguments(both,
                MethodType.methodType(void.class, Relations.class, Object.class, Object[].class, Batch.class),
                0, 1, 2, 3, 1);
    }

    /** The holder of a to-one whose foreign key is column {@code fk}: empty for null, else unloaded. */
    private static Object toOne(RelationMeta r, int fk, Relations rel, Object instance, Object[] values, Batch batch) {
        Hook hook = rel.new Hook(instance, r, batch);
        if (values[fk] == null) {
            Related<Object> holder = Related.empty();
            rel.access.hook(holder, hook);
            return holder;
        }
        // A target already in the identity map is found when the holder is first read,
        // without a query; looking it up here would cost every row a key and a lookup.
        return rel.access.unloaded(hook);
    }

    private static Object toMany(RelationMeta r, Relations rel, Object instance, Object[] values, Batch batch) {
        return rel.access.unloadedMany(rel.new Hook(instance, r, batch));
    }

    /** {@link #toOne} made of {@code holder}, the loaded, empty one the constructor gave the instance. */
    private static Object reuseOne(RelationMeta r, int fk, Relations rel, Object instance, Object[] values, Batch batch,
            Object holder) {
        Hook hook = rel.new Hook(instance, r, batch);
        Related<?> one = (Related<?>) holder;
        if (values[fk] == null) {
            rel.access.hook(one, hook);
        } else {
            rel.access.unload(one, hook);
        }
        return holder;
    }

    /** {@link #toMany} made of {@code holder}, the loaded, empty one the constructor gave the instance. */
    private static Object reuseMany(RelationMeta r, Relations rel, Object instance, Object[] values, Batch batch,
            Object holder) {
        rel.access.unload((RelatedMany<?>) holder, rel.new Hook(instance, r, batch));
        return holder;
    }

    /**
     * The composed materializer of {@code meta}: one handle creates the instance and sets every
     * holder, where a loop called one handle per holder through a shared call site.
     */
    private static MethodHandle materializer(ModelMeta<?> meta) {
        Optional<MethodHandle> known = meta.cached(MATERIALIZERS);
        if (known == null) {
            known = meta.cache(MATERIALIZERS, Optional.ofNullable(composeMaterializer(meta)));
        }
        return known.orElse(null);
    }

    private static MethodHandle composeMaterializer(ModelMeta<?> meta) {
        MethodHandle create = meta.valuesCreator(); // null for a record
        if (create == null) {
            return null;
        }
        MethodType stepType = MethodType.methodType(void.class, Relations.class, Object.class, Object[].class,
                Batch.class);
        List<MethodHandle> steps = new ArrayList<>();
        boolean[] fresh = freshHolders(meta);
        for (int i = 0; i < meta.relations().size(); i++) {
            RelationMeta r = meta.relations().get(i);
            MethodHandle setter = r.accessor().setter();
            if (setter == null) {
                continue;
            }
            int fk = r.kind() == Kind.MANY_TO_ONE ? r.path().ownerColumns.get(0).position() : -1;
            if (fresh[i]) {
                // the constructor's holder is changed in place: already in its field, nothing to set
                steps.add(withCurrentHolder(fk >= 0 ? MethodHandles.insertArguments(REUSE_ONE, 0, r, fk)
                        : MethodHandles.insertArguments(REUSE_MANY, 0, r), r.accessor().getter()));
                continue;
            }
            // (Relations, Object instance, Object[], Batch)Object
            MethodHandle value = fk >= 0 ? MethodHandles.insertArguments(TO_ONE, 0, r, fk)
                    : MethodHandles.insertArguments(TO_MANY, 0, r);
            // (Object instance, Relations, Object instance, Object[], Batch)void, the instance then passed once
            MethodHandle both = MethodHandles.collectArguments(setter, 1, value);
            steps.add(MethodHandles.permuteArguments(both, stepType, 1, 0, 1, 2, 3));
        }
        if (steps.size() > RowHandles.MAX_COLUMNS) {
            return null;
        }
        // (Object instance, Relations, Object[], Batch) -> instance, after the steps
        MethodHandle steps4 = MethodHandles.permuteArguments(RowHandles.sequence(stepType, steps),
                MethodType.methodType(void.class, Object.class, Relations.class, Object[].class, Batch.class), 1, 0, 2, 3);
        MethodHandle body = MethodHandles.foldArguments(MethodHandles.dropArguments(MethodHandles.identity(Object.class),
                1, Relations.class, Object[].class, Batch.class), steps4);
        // (Relations, Object[] values, Batch) -> body(create(values), ...)
        return MethodHandles.foldArguments(body, 0, MethodHandles.dropArguments(create, 0, Relations.class));
    }

    /**
     * A new instance for a row's {@code values} with unloaded holders tied to {@code batch},
     * which it joins.
     */
    Object materialize(ModelMeta<?> meta, Object[] values, Batch batch) {
        MethodHandle h = meta.relations().isEmpty() ? null : materializer(meta);
        if (h != null) {
            try {
                Object instance = (Object) h.invokeExact(this, values, batch);
                batch.add(instance);
                return instance;
            } catch (ClassCastException e) {
                // a value of the wrong type: the field by field path below names the field
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
        Object instance = meta.instantiate(values, null);
        materialized(meta, instance, values, batch);
        return instance;
    }

    /** Gives a freshly read instance unloaded holders tied to its query's batch. */
    void materialized(ModelMeta<?> meta, Object instance, Object[] values, Batch batch) {
        if (meta.relations().isEmpty() || meta.isRecord()) {
            return;
        }
        batch.add(instance);
        List<RelationMeta> relations = meta.relations();
        for (int i = 0; i < relations.size(); i++) {
            RelationMeta r = relations.get(i);
            if (!r.accessor().writable()) {
                continue;
            }
            r.accessor().set(instance, r.kind() == Kind.MANY_TO_ONE
                    ? toOne(r, r.path().ownerColumns.get(0).position(), this, instance, values, batch)
                    : toMany(r, this, instance, values, batch));
        }
    }

    /** Hooks the application's own holders of an instance being attached, and cascades. */
    void attached(EntityState s) {
        ModelMeta<?> meta = s.meta;
        if (meta.relations().isEmpty() || meta.isRecord()) {
            return;
        }
        for (RelationMeta r : meta.relations()) {
            Object holder = r.accessor().get(s.instance);
            if (holder == null) {
                if (!r.accessor().writable()) {
                    continue;
                }
                holder = r.kind() == Kind.MANY_TO_ONE ? Related.empty() : RelatedMany.empty();
                r.accessor().set(s.instance, holder);
            }
            Hook hook = new Hook(s.instance, r, null);
            if (holder instanceof Related<?> one) {
                access.hook(one, hook);
                if (one.isLoaded()) {
                    Object target = access.peek(one);
                    if (target != null) {
                        cascade(target);
                        RelationPath p = r.path();
                        if (p.back != null && p.back.kind() == Kind.ONE_TO_MANY) {
                            addSilently(p.back, target, s.instance);
                        }
                    }
                }
            } else if (holder instanceof RelatedMany<?> many) {
                access.hook(many, hook);
                if (many.isLoaded()) {
                    for (Object element : new ArrayList<>(access.peek(many))) {
                        cascade(element);
                        RelationPath p = r.path();
                        if (r.kind() == Kind.MANY_TO_MANY) {
                            if (s.status == EntityState.Status.NEW) {
                                link(p, s.instance, element, true);
                            }
                            if (p.back != null) {
                                addSilently(p.back, element, s.instance);
                            }
                        } else if (p.back != null && p.back.kind() == Kind.MANY_TO_ONE) {
                            setSilently(p.back, element, s.instance);
                        }
                    }
                }
            }
        }
    }

    /** The save cascade: an unsaved, unattached model reachable from an added one is added too. */
    private void cascade(Object target) {
        if (target != null && !session.isAttached(target) && !session.isClosed()) {
            session.add(target);
        }
    }

    private boolean oneLoaded(RelationMeta r, Object owner) {
        return r.accessor().get(owner) instanceof Related<?> one && one.isLoaded();
    }

    /**
     * The target of a to-one as far as it is known without a query: the loaded value, or the
     * instance of this session that the owner's foreign key names.
     */
    private Object currentOne(RelationMeta r, Object owner) {
        Object holder = r.accessor().get(owner);
        if (holder instanceof Related<?> one) {
            return one.isLoaded() ? access.peek(one) : loader().identityTarget(r.path(), owner);
        }
        return null;
    }

    private Object peekOne(RelationMeta r, Object owner) {
        Object holder = r.accessor().get(owner);
        return holder instanceof Related<?> one && one.isLoaded() ? access.peek(one) : null;
    }

    @SuppressWarnings("unchecked")
    private void setSilently(RelationMeta r, Object owner, Object value) {
        Object holder = r.accessor().get(owner);
        if (holder instanceof Related<?> one) {
            access.fill((Related<Object>) one, value);
        } else if (holder == null && r.accessor().writable()) {
            r.accessor().set(owner, Related.of(value));
        }
    }

    @SuppressWarnings("unchecked")
    private void addSilently(RelationMeta r, Object owner, Object element) {
        Object holder = r.accessor().get(owner);
        if (holder instanceof RelatedMany<?> many && many.isLoaded()) {
            List<Object> items = new ArrayList<>(access.peek((RelatedMany<Object>) many));
            for (Object o : items) {
                if (o == element) {
                    return;
                }
            }
            items.add(element);
            access.fill((RelatedMany<Object>) many, items);
        }
    }

    @SuppressWarnings("unchecked")
    private void removeSilently(RelationMeta r, Object owner, Object element) {
        Object holder = r.accessor().get(owner);
        if (holder instanceof RelatedMany<?> many && many.isLoaded()) {
            List<Object> items = new ArrayList<>(access.peek((RelatedMany<Object>) many));
            if (items.removeIf(o -> o == element)) {
                access.fill((RelatedMany<Object>) many, items);
            }
        }
    }

    private void link(RelationPath p, Object owner, Object target, boolean add) {
        // One key per pair, whichever side the change came from, so mirrored adds make one row.
        List<Object> key = p.relation.owner().getName().compareTo(p.relation.target().getName()) <= 0
                ? List.of(p.link.type(), new Identity(owner), new Identity(target))
                : List.of(p.link.type(), new Identity(target), new Identity(owner));
        LinkOp previous = linkOps.get(key);
        if (previous != null && previous.add() != add) {
            linkOps.remove(key); // an add and a remove of the same pair cancel out
            return;
        }
        if (!(linkOps instanceof LinkedHashMap)) {
            linkOps = new LinkedHashMap<>();
        }
        linkOps.put(key, new LinkOp(p, owner, target, add));
    }

    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    // ---- flush: foreign keys and link rows ---------------------------------------------------

    /**
     * Before a flush is planned: new link rows become NEW link-model instances, and children
     * reachable from loaded lists are attached (the save cascade).
     */
    void beforeFlush() {
        if (linkOps.isEmpty()) {
            return;
        }
        for (LinkOp op : new ArrayList<>(linkOps.values())) {
            if (op.add()) {
                ModelMeta<?> link = op.path().link;
                if (link.isRecord()) {
                    throw new MappingException(link.type().getName() + ": a link model must be a class, not a record");
                }
                Object row = link.newInstance();
                linkBindings = writable(linkBindings);
                linkBindings.put(row, op);
                session.add(row);
            }
        }
        linkOps.values().removeIf(LinkOp::add);
    }

    /** Sets the foreign keys of {@code s} that its relationships decide, through {@code f} (undoable). */
    void syncKeys(EntityState s, Flusher f) {
        // The maps below are empty in most flushes; an identity lookup hashes every instance.
        LinkOp op = linkBindings.isEmpty() ? null : linkBindings.get(s.instance);
        if (op != null) {
            bind(f, s, op.path().linkOwner, op.path().ownerColumns, op.owner());
            bind(f, s, op.path().linkTarget, op.path().targetColumns, op.target());
            return;
        }
        ModelMeta<?> meta = s.meta;
        Object instance = f.currentInstance(s);
        for (RelationMeta r : meta.relations()) {
            Object holder = r.accessor().get(instance);
            RelationPath p = r.path();
            if (r.kind() == Kind.MANY_TO_ONE && holder instanceof Related<?> one && one.isLoaded()) {
                Object target = access.peek(one);
                if (target != null) {
                    bind(f, s, p.ownerColumns, p.targetColumns, target);
                } else if (!clearedToOne.isEmpty() && clearedToOne.getOrDefault(s.instance, Set.of()).contains(r)) {
                    for (FieldMeta fk : p.ownerColumns) {
                        if (fk.get(instance) != null) {
                            f.assign(s, fk, null);
                        }
                    }
                }
            }
        }
        List<RelationPath> orphaned = orphans.isEmpty() ? null : orphans.get(s.instance);
        if (orphaned != null) {
            for (RelationPath p : orphaned) {
                for (FieldMeta fk : p.targetColumns) {
                    if (fk.get(instance) != null) {
                        f.assign(s, fk, null);
                    }
                }
            }
        }
    }

    /** Sets each child's foreign key from the loaded one-to-many lists of the parents. */
    void syncChildren(Collection<EntityState> states, Flusher f) {
        for (EntityState s : states) {
            if (s.status == EntityState.Status.DELETED) {
                continue;
            }
            for (RelationMeta r : s.meta.relations()) {
                if (r.kind() != Kind.ONE_TO_MANY) {
                    continue;
                }
                Object holder = r.accessor().get(f.currentInstance(s));
                if (holder instanceof RelatedMany<?> many && many.isLoaded()) {
                    for (Object child : access.peek(many)) {
                        EntityState cs = session.stateOf(child);
                        if (cs != null && cs.status != EntityState.Status.DELETED) {
                            bind(f, cs, r.path().targetColumns, r.path().ownerColumns, f.currentInstance(s));
                        }
                    }
                }
            }
        }
    }

    private void bind(Flusher f, EntityState s, List<FieldMeta> fks, List<FieldMeta> keys, Object from) {
        EntityState fromState = session.stateOf(from);
        Object source = fromState == null ? from : f.currentInstance(fromState);
        Object instance = f.currentInstance(s);
        for (int i = 0; i < fks.size(); i++) {
            Object v = keys.get(i).get(source);
            if (v == null) {
                continue; // the parent's key is generated later in this flush
            }
            v = Convert.to(fks.get(i).boxedType(), v, fks.get(i));
            if (!Objects.equals(fks.get(i).get(instance), v)) {
                f.assign(s, fks.get(i), v);
            }
        }
    }

    /** Link rows removed from many-to-many lists, deleted after the updates of a flush. */
    void deleteLinks(Flusher f) {
        for (LinkOp op : linkOps.values()) {
            if (op.add()) {
                continue;
            }
            RelationPath p = op.path();
            StringBuilder sql = new StringBuilder("DELETE FROM ");
            session.table(sql, p.link);
            List<Object> params = new ArrayList<>();
            List<Class<?>> types = new ArrayList<>();
            sql.append(" WHERE ");
            appendEquals(sql, p.linkOwner, p.ownerColumns, op.owner(), params, types, f);
            sql.append(" AND ");
            appendEquals(sql, p.linkTarget, p.targetColumns, op.target(), params, types, f);
            f.execute(sql.toString(), params, types);
            f.afterSuccess(() -> session.evictMatching(p.link, row -> sameKeys(p.linkOwner, p.ownerColumns, row, op.owner())
                    && sameKeys(p.linkTarget, p.targetColumns, row, op.target())));
        }
    }

    private boolean sameKeys(List<FieldMeta> fks, List<FieldMeta> keys, Object row, Object target) {
        for (int i = 0; i < fks.size(); i++) {
            Object a = fks.get(i).get(row);
            Object b = keys.get(i).get(target);
            if (a == null || b == null || !Convert.to(keys.get(i).boxedType(), a, fks.get(i)).equals(b)) {
                return false;
            }
        }
        return true;
    }

    private void appendEquals(StringBuilder sql, List<FieldMeta> cols, List<FieldMeta> keys, Object from,
            List<Object> params, List<Class<?>> types, Flusher f) {
        EntityState st = session.stateOf(from);
        Object source = st == null ? from : f.currentInstance(st);
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(dialect.quote(cols.get(i).column())).append(" = ?");
            params.add(cols.get(i).bindValue(keys.get(i).get(source)));
            types.add(cols.get(i).bindType());
        }
    }

    /** Whether link rows or orphaned children wait for a flush. */
    boolean pending() {
        return !linkOps.isEmpty() || !orphans.isEmpty();
    }

    /**
     * Whether the relationships of an unchanged stored instance would change a foreign key:
     * its own (a many-to-one set to another target or cleared) or its loaded children's.
     */
    boolean affects(EntityState s) {
        Object instance = s.instance;
        if (!orphans.isEmpty() && orphans.containsKey(instance)) {
            return true;
        }
        for (RelationMeta r : s.meta.relations()) {
            Object holder = r.accessor().get(instance);
            RelationPath p = r.path();
            if (r.kind() == Kind.MANY_TO_ONE && holder instanceof Related<?> one && one.isLoaded()) {
                Object target = access.peek(one);
                if (target != null) {
                    if (differs(p.ownerColumns, p.targetColumns, instance, target)) {
                        return true;
                    }
                } else if (!clearedToOne.isEmpty() && clearedToOne.getOrDefault(instance, Set.of()).contains(r)) {
                    for (FieldMeta fk : p.ownerColumns) {
                        if (fk.get(instance) != null) {
                            return true;
                        }
                    }
                }
            } else if (r.kind() == Kind.ONE_TO_MANY && holder instanceof RelatedMany<?> many && many.isLoaded()) {
                for (Object child : access.peek(many)) {
                    if (differs(p.targetColumns, p.ownerColumns, child, instance)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean differs(List<FieldMeta> fks, List<FieldMeta> keys, Object holderOfFk, Object keyOwner) {
        for (int i = 0; i < fks.size(); i++) {
            Object key = keys.get(i).get(keyOwner);
            Object fk = fks.get(i).get(holderOfFk);
            if (key == null || fk == null || !Convert.to(keys.get(i).boxedType(), fk, fks.get(i)).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Clears the bookkeeping of a successful flush. */
    void flushed() {
        linkOps = Map.of();
        linkBindings = Map.of();
        orphans = Map.of();
        clearedToOne = Map.of();
    }

    /** Forgets everything (rollback, clear). */
    void reset() {
        flushed();
    }

    // ---- flush: deleting parents ------------------------------------------------------------

    /**
     * Before rows of {@code group} are deleted: their dependants are deleted (cascadeDelete,
     * recursively, one statement per table and level), left to the database (passiveDeletes)
     * or get a NULL foreign key; their link rows are deleted.
     */
    void beforeDelete(List<EntityState> group, Flusher f) {
        ModelMeta<?> meta = group.get(0).meta;
        List<Object> keys = new ArrayList<>();
        for (EntityState s : group) {
            keys.add(s.key);
        }
        dependants(meta, keys, f, new HashSet<>());
    }

    private void dependants(ModelMeta<?> meta, List<Object> parentKeys, Flusher f, Set<Class<?>> path) {
        if (parentKeys.isEmpty() || !path.add(meta.type())) {
            return;
        }
        for (RelationMeta r : meta.relations()) {
            RelationPath p = r.path();
            if (r.kind() == Kind.MANY_TO_MANY) {
                deleteWhereIn(p.link, p.linkOwner, p.ownerColumns, parentKeys, f);
                f.afterSuccess(() -> session.evictMatching(p.link, row -> containsKey(parentKeys,
                        RelationLoader.keyOf(p.linkOwner, p.ownerColumns, row))));
                continue;
            }
            if (r.kind() != Kind.ONE_TO_MANY) {
                continue;
            }
            ModelMeta<?> child = ModelRegistry.of(r.target());
            Set<Object> parents = new HashSet<>(parentKeys);
            if (r.cascadeDelete()) {
                List<Object> childKeys = selectKeys(child, p.targetColumns, p.ownerColumns, parentKeys);
                dependants(child, childKeys, f, path);
                deleteWhereIn(child, p.targetColumns, p.ownerColumns, parentKeys, f);
                f.afterSuccess(() -> session.evictMatching(child, c -> parents.contains(RelationLoader.keyOf(p.targetColumns,
                        p.ownerColumns, c))));
            } else if (r.passiveDeletes()) {
                f.afterSuccess(() -> session.evictMatching(child, c -> parents.contains(RelationLoader.keyOf(p.targetColumns,
                        p.ownerColumns, c))));
            } else {
                nullWhereIn(child, p.targetColumns, p.ownerColumns, parentKeys, f);
                f.afterSuccess(() -> session.forEachAttached(child, cs -> {
                    if (parents.contains(RelationLoader.keyOf(p.targetColumns, p.ownerColumns, cs.instance))) {
                        for (FieldMeta fk : p.targetColumns) {
                            fk.set(cs.instance, null);
                            if (cs.snapshot != null) {
                                cs.snapshot[fk.position()] = null;
                            }
                        }
                        if (p.back != null) {
                            setSilently(p.back, cs.instance, null);
                        }
                    }
                }));
            }
        }
        path.remove(meta.type());
    }

    private static boolean containsKey(List<Object> keys, Object key) {
        return key != null && keys.contains(key);
    }

    private List<Object> selectKeys(ModelMeta<?> child, List<FieldMeta> fks, List<FieldMeta> typedAs, List<Object> parentKeys) {
        List<Object> out = new ArrayList<>();
        List<FieldMeta> kf = child.keyFields();
        ValueCodec[] codecs = new ValueCodec[kf.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = dev.sqlmodel.impl.types.Codecs.forType(kf.get(i).javaType(), dialect.kind());
        }
        String t = dialect.quote(child.tableName());
        for (List<Object> chunk : RelationLoader.chunks(parentKeys)) {
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < kf.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(t).append('.').append(dialect.quote(kf.get(i).column()));
            }
            sql.append(" FROM ");
            session.table(sql, child);
            sql.append(" WHERE ");
            List<Object> params = new ArrayList<>();
            List<Class<?>> types = new ArrayList<>();
            loader().inList(sql, t, fks, typedAs, chunk, params, types);
            session.query(sql.toString(), params, types, rs -> {
                Object[] parts = new Object[codecs.length];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = codecs[i].read(rs, i + 1);
                }
                out.add(parts.length == 1 ? parts[0] : Key.of(parts));
            });
        }
        return out;
    }

    private void deleteWhereIn(ModelMeta<?> meta, List<FieldMeta> cols, List<FieldMeta> typedAs, List<Object> keys,
            Flusher f) {
        for (List<Object> chunk : RelationLoader.chunks(keys)) {
            StringBuilder sql = new StringBuilder("DELETE FROM ");
            session.table(sql, meta);
            sql.append(" WHERE ");
            List<Object> params = new ArrayList<>();
            List<Class<?>> types = new ArrayList<>();
            loader().inList(sql, dialect.quote(meta.tableName()), cols, typedAs, chunk, params, types);
            f.execute(sql.toString(), params, types);
        }
    }

    private void nullWhereIn(ModelMeta<?> meta, List<FieldMeta> cols, List<FieldMeta> typedAs, List<Object> keys,
            Flusher f) {
        for (List<Object> chunk : RelationLoader.chunks(keys)) {
            StringBuilder sql = new StringBuilder("UPDATE ");
            session.table(sql, meta);
            sql.append(" SET ");
            for (int i = 0; i < cols.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(dialect.quote(cols.get(i).column())).append(" = NULL");
            }
            sql.append(" WHERE ");
            List<Object> params = new ArrayList<>();
            List<Class<?>> types = new ArrayList<>();
            loader().inList(sql, dialect.quote(meta.tableName()), cols, typedAs, chunk, params, types);
            f.execute(sql.toString(), params, types);
        }
    }

    /** Whether the instance has a relationship that a flush must look at. */
    private static <K, V> Map<K, V> writable(Map<K, V> map) {
        return map instanceof IdentityHashMap ? map : new IdentityHashMap<>(4);
    }

    static boolean hasRelations(ModelMeta<?> meta) {
        return !meta.relations().isEmpty();
    }
}
