package dev.sqlmodel.impl.session;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.NotLoadedException;
import dev.sqlmodel.Query;
import dev.sqlmodel.Related;
import dev.sqlmodel.RelatedMany;
import dev.sqlmodel.RelationshipInfo.Kind;
import dev.sqlmodel.RelationshipRef;
import dev.sqlmodel.Results;
import dev.sqlmodel.Statement;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.ast.InsertNode;
import dev.sqlmodel.ast.ReturningNode;
import dev.sqlmodel.ast.SelectNode;
import dev.sqlmodel.ast.TextNode;
import dev.sqlmodel.impl.Validation;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.engine.SessionSupplier;
import dev.sqlmodel.impl.engine.TransactionIntegration;
import dev.sqlmodel.impl.meta.Accessor;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.meta.RelationMeta;
import dev.sqlmodel.impl.meta.RowHandles;
import dev.sqlmodel.impl.sql.Compiled;
import dev.sqlmodel.impl.sql.SqlCompiler;
import dev.sqlmodel.impl.sql.SqlDialect;
import dev.sqlmodel.spi.RelationAccess;
import dev.sqlmodel.spi.RelationHook;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The stateless session: queries read rows into new instances (no identity map, no snapshots)
 * and writes are sent when called, through {@link StatelessWrites}.
 *
 * <p>Connections: inside {@link #transaction(Supplier)} every call uses the transaction's
 * connection; under a global (JTA) transaction the enlisted one; after {@link #connection()}
 * the connection it returned; otherwise each call checks a connection out of the pool for its
 * own duration, in auto-commit mode. A call that sends more than one statement that writes
 * ({@code insertAll} of several rows, an emulated RETURNING) runs them in a local transaction of
 * its own when none is running, so that a failure leaves nothing half-written.
 *
 * <p>Relationships: every instance read gets holders that are not loaded and cannot load
 * themselves (touching one throws {@link NotLoadedException} naming the model and field), unless
 * {@code select(...).fetch(...)} filled them, one query per relationship level, batched.
 */
public final class StatelessSessionImpl implements StatelessSession, ResultsImpl.Host, RelationLoader.Source,
        RowReader.Instances {
    static {
        SessionSupplier.registerStateless(StatelessSessionImpl::new);
    }

    /**
     * What a row of each model gets for its relationships: a holder that is not loaded and
     * cannot load itself, for every writable relationship, worked out once per model.
     */
    private static final class Holders {
        final RelationMeta[] relations;
        /** Per relationship: the column whose null value makes a to-one empty, or -1 for a to-many. */
        final int[] foreignKey;
        /** Per relationship: that column's field, or null for a to-many. */
        final FieldMeta[] foreignKeyField;
        final RelationHook[] hooks;
        /**
         * Whether a row may be read straight into an instance: a null in a primitive foreign
         * key field would read as zero, and the holder would then not be empty.
         */
        final boolean straight;
        /**
         * {@code (Object instance) -> Object}, when {@link #straight}: null for an instance
         * without key, else the instance with its holders set (see {@link StatelessSessionImpl#finisher}).
         */
        final MethodHandle finisher;

        Holders(ModelMeta<?> meta) {
            List<RelationMeta> writable = new ArrayList<>();
            if (!meta.isRecord()) {
                for (RelationMeta r : meta.relations()) {
                    if (r.accessor().writable()) {
                        writable.add(r);
                    }
                }
            }
            relations = writable.toArray(new RelationMeta[0]);
            foreignKey = new int[relations.length];
            foreignKeyField = new FieldMeta[relations.length];
            hooks = new RelationHook[relations.length];
            boolean primitiveKey = false;
            for (int i = 0; i < relations.length; i++) {
                RelationMeta r = relations[i];
                foreignKeyField[i] = r.kind() == Kind.MANY_TO_ONE ? r.path().ownerColumns.get(0) : null;
                foreignKey[i] = r.kind() == Kind.MANY_TO_ONE ? foreignKeyField[i].position() : -1;
                primitiveKey |= foreignKeyField[i] != null && foreignKeyField[i].javaType().isPrimitive();
                String message = r.owner().getName() + "." + r.name() + " is not loaded: a stateless session loads"
                        + " relationships only through select(...).fetch(...)";
                hooks[i] = holder -> {
                    throw new NotLoadedException(message);
                };
            }
            straight = !primitiveKey;
            if (straight) {
                List<Accessor> targets = new ArrayList<>(relations.length);
                List<MethodHandle> values = new ArrayList<>(relations.length);
                RelationAccess access = RelationAccess.get();
                boolean[] fresh = Relations.freshHolders(meta);
                for (int i = 0; i < relations.length; i++) {
                    // a holder changed in place is already in its field: no target to set
                    boolean reuse = fresh[meta.relations().indexOf(relations[i])];
                    targets.add(reuse ? null : relations[i].accessor());
                    values.add(reuse ? reusing(access, hooks[i], relations[i], foreignKeyField[i])
                            : creating(access, hooks[i], foreignKeyField[i]));
                }
                finisher = RowHandles.finisher(meta.keyFields(), targets, values);
            } else {
                finisher = null;
            }
        }
    }

    private static final MethodHandle TO_ONE;
    private static final MethodHandle TO_MANY;
    private static final MethodHandle REUSE_ONE;
    private static final MethodHandle REUSE_MANY;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TO_ONE = lookup.findStatic(StatelessSessionImpl.class, "toOne", MethodType.methodType(Object.class,
                    RelationAccess.class, RelationHook.class, Object.class));
            TO_MANY = lookup.findStatic(StatelessSessionImpl.class, "toMany", MethodType.methodType(Object.class,
                    RelationAccess.class, RelationHook.class));
            REUSE_ONE = lookup.findStatic(StatelessSessionImpl.class, "reuseOne", MethodType.methodType(Object.class,
                    RelationAccess.class, RelationHook.class, Object.class, Object.class));
            REUSE_MANY = lookup.findStatic(StatelessSessionImpl.class, "reuseMany", MethodType.methodType(Object.class,
                    RelationAccess.class, RelationHook.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The holder of a to-one whose foreign key is {@code fk}: empty for null, else not loaded. */
    private static Object toOne(RelationAccess access, RelationHook hook, Object fk) {
        return fk == null ? Related.empty() : access.unloaded(hook);
    }

    private static Object toMany(RelationAccess access, RelationHook hook) {
        return access.unloadedMany(hook);
    }

    /**
     * {@link #toOne} made of {@code holder}, the loaded, empty one the model's constructor gave
     * the instance: left as it is for a null key, else made not loaded.
     */
    private static Object reuseOne(RelationAccess access, RelationHook hook, Object fk, Object holder) {
        if (fk != null) {
            access.unload((Related<?>) holder, hook);
        }
        return holder;
    }

    /** {@link #toMany} made of {@code holder}, the loaded, empty one the model's constructor gave the instance. */
    private static Object reuseMany(RelationAccess access, RelationHook hook, Object holder) {
        access.unload((RelatedMany<?>) holder, hook);
        return holder;
    }

    /** {@code (Object instance)Object}: a new holder for a freshly read instance (a to-many when {@code fk} is null). */
    private static MethodHandle creating(RelationAccess access, RelationHook hook, FieldMeta fk) {
        MethodHandle holder = MethodHandles.insertArguments(fk == null ? TO_MANY : TO_ONE, 0, access, hook);
        return fk == null ? MethodHandles.dropArguments(holder, 0, Object.class)
                : MethodHandles.filterReturnValue(fk.accessor().getter(), holder);
    }

    /**
     * {@code (Object instance)Object}: the holder the constructor gave a freshly read instance,
     * made what {@link #creating} would create.
     */
    private static MethodHandle reusing(RelationAccess access, RelationHook hook, RelationMeta r, FieldMeta fk) {
        MethodHandle current = r.accessor().getter(); // (Object instance)Object
        if (fk == null) {
            return MethodHandles.filterArguments(MethodHandles.insertArguments(REUSE_MANY, 0, access, hook), 0, current);
        }
        MethodHandle both = MethodHandles.filterArguments(MethodHandles.insertArguments(REUSE_ONE, 0, access, hook), 0,
                fk.accessor().getter(), current); // (Object instance, Object instance)Object
        return MethodHandles.permuteArguments(both, MethodType.methodType(Object.class, Object.class), 0, 0);
    }

    private static final ModelMeta.Slot<Holders> HOLDERS = ModelMeta.Slot.create();

    private static Holders holders(ModelMeta<?> meta) {
        Holders h = meta.cached(HOLDERS);
        return h != null ? h : meta.cache(HOLDERS, new Holders(meta));
    }

    private final EngineImpl engine;
    private final SqlDialect dialect;
    /** Built on first use: a session that only finds by key compiles nothing. */
    private SqlCompiler compiler;
    private final Executor exec;
    /** Built on first use, like {@link #writes}: most stateless sessions only read, and fetch nothing. */
    private RelationLoader loader;
    private StatelessWrites writes;
    private final TransactionIntegration transactions;
    /** Built on first use: only a session that meets a JTA transaction needs it. */
    private Participant participant;
    private final RelationAccess access = RelationAccess.get();
    private List<CursorStream> streams = List.of();
    /** The connection of {@link #transaction}, while its body runs. */
    private Connection txConn;
    /** The connection {@link #connection()} checked out, kept until close. */
    private Connection pinned;
    /** The connection of the call running now, when it checked one out. */
    private Connection callConn;
    /** Calls running now: one, or more while a call's relationship loads run. */
    private int depth;
    private boolean closed;

    /** A stateless session of {@code engine}. */
    public StatelessSessionImpl(EngineImpl engine) {
        this.engine = engine;
        this.dialect = engine.sqlDialect();
        this.exec = new Executor(engine);
        this.transactions = engine.transactions();
    }

    private SqlCompiler compiler() {
        if (compiler == null) {
            compiler = SqlCompiler.of(dialect);
        }
        return compiler;
    }

    private StatelessWrites writes() {
        if (writes == null) {
            writes = new StatelessWrites(exec, dialect, compiler());
        }
        return writes;
    }

    // ---- connections --------------------------------------------------------------------------

    /** Work done on one connection. */
    private interface Work<T> {
        T run(Connection c);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("stateless session is closed");
        }
    }

    private JoinedTransaction global() {
        if (participant == null) {
            if (transactions == TransactionIntegration.none()) {
                return null; // an engine without JTA: nothing to join, no participant to build
            }
            participant = new Participant();
        }
        return transactions.current(participant);
    }

    /** The connection a running transaction (JTA or local) or call already uses, else null. */
    private Connection shared() {
        JoinedTransaction g = global();
        if (g != null) {
            if (g.connection == null) {
                g.connection = engine.acquire(); // enlisted by the pool or the container
            }
            return g.connection;
        }
        if (txConn != null) {
            return txConn;
        }
        return callConn != null ? callConn : pinned;
    }

    /** Whether a transaction (JTA or local) is running: its statements need no transaction of their own. */
    private boolean inTransaction() {
        return global() != null || txConn != null;
    }

    /**
     * Runs {@code work} on the connection of the running transaction, or else on a connection
     * for this call; with {@code atomic} and no transaction running, inside a local transaction
     * of its own. A failed call puts back the values it wrote into instances.
     */
    private <T> T call(boolean atomic, Work<T> work) {
        checkOpen();
        boolean outermost = depth++ == 0; // relationship loads and emulated RETURNING call in turn
        try {
            T result;
            if (callConn != null || inTransaction()) {
                result = work.run(shared());
            } else {
                Connection c = pinned != null ? pinned : engine.acquire();
                callConn = c;
                try {
                    result = atomic ? inLocalTransaction(c, work) : work.run(c);
                } finally {
                    callConn = null;
                    if (c != pinned) {
                        engine.release(c);
                    }
                }
            }
            if (outermost && writes != null) {
                writes.forget();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (outermost && writes != null) {
                writes.undo();
            }
            throw e;
        } finally {
            depth--;
        }
    }

    private <T> T inLocalTransaction(Connection c, Work<T> work) {
        begin(c);
        T result;
        try {
            result = work.run(c);
        } catch (RuntimeException | Error e) {
            try {
                end(c, false);
            } catch (RuntimeException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
        end(c, true);
        return result;
    }

    private void begin(Connection c) {
        long start = exec.clock();
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw engine.translate(e, "BEGIN");
        }
        exec.logged("BEGIN", List.of(), start);
    }

    /** Commits or rolls back, and puts the connection back in auto-commit mode. */
    private void end(Connection c, boolean commit) {
        long start = exec.clock();
        try {
            if (commit) {
                // Switching auto-commit back on commits without beginning the next transaction,
                // which SQLite's driver does after commit().
                c.setAutoCommit(true);
            } else {
                try {
                    c.rollback();
                } finally {
                    c.setAutoCommit(true);
                }
            }
            exec.logged(commit ? "COMMIT" : "ROLLBACK", List.of(), start);
        } catch (SQLException e) {
            if (commit) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the commit failure is what the caller needs to see
                }
            }
            throw engine.translate(e, commit ? dev.sqlmodel.impl.engine.SqlErrors.COMMIT : "ROLLBACK");
        }
    }

    @Override
    public <T> T transaction(Supplier<T> body) {
        checkOpen();
        if (inTransaction()) {
            return body.get(); // joins the running transaction
        }
        Connection c = pinned != null ? pinned : engine.acquire();
        try {
            begin(c);
            txConn = c;
            T result;
            try {
                result = body.get();
            } catch (RuntimeException | Error e) {
                txConn = null;
                closeStreams(false);
                try {
                    end(c, false);
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            txConn = null;
            closeStreams(false);
            end(c, true);
            return result;
        } finally {
            txConn = null;
            if (c != pinned) {
                engine.release(c);
            }
        }
    }

    @Override
    public void transaction(Runnable body) {
        transaction(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public Connection connection() {
        checkOpen();
        Connection c = shared();
        if (c == null) {
            pinned = engine.acquire();
            c = pinned;
        }
        return c;
    }

    @Override
    public Dialect dialect() {
        return dialect.kind();
    }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    public <M> Optional<M> get(Class<M> type, Object id) {
        ModelMeta<M> meta = ModelRegistry.of(type);
        Object key = meta.normalizeKey(id);
        ModelCodecs.Reader reader = ModelCodecs.reader(meta, dialect.kind());
        MethodHandle finisher = reader.readsInstances() ? holders(meta).finisher : null;
        if (finisher != null) {
            MethodHandle straight = reader.instanceThen(finisher);
            try {
                return Optional.ofNullable(type.cast(call(false, c -> exec.selectByKey(c, meta, key, straight))));
            } catch (ClassCastException e) {
                // a value of the wrong type: the path through the values below names the field
            }
        }
        Object[] values = call(false, c -> selectByKey(c, meta, key));
        return values == null ? Optional.empty() : Optional.of(type.cast(materialize(meta, values)));
    }

    private Object[] selectByKey(Connection c, ModelMeta<?> meta, Object key) {
        return exec.selectByKey(c, meta, key);
    }

    @Override
    public <M> void refresh(M model) {
        ModelMeta<?> meta = ModelRegistry.of(model.getClass());
        Object key = meta.keyOf(model);
        if (key == null) {
            throw new IllegalArgumentException("cannot refresh " + meta.type().getName() + " without a primary key");
        }
        if (meta.isRecord()) {
            throw new UnsupportedOperationException(meta.type().getName()
                    + " is a record and cannot be refreshed in place: get() it again");
        }
        Object[] values = call(false, c -> selectByKey(c, meta, key));
        if (values == null) {
            throw new NoResultException(meta.type().getName() + " with key " + key + " no longer exists");
        }
        List<FieldMeta> cols = meta.columns();
        for (int i = 0; i < values.length; i++) {
            FieldMeta f = cols.get(i);
            if (!(values[i] == null && f.javaType().isPrimitive())) {
                f.set(model, values[i]);
            }
        }
    }

    /**
     * What a flush checks before it sends anything: Bean Validation, then the values this
     * database cannot store (NUL in PostgreSQL text, SQLite's inexact decimals).
     */
    private void checkWritable(List<Object> models) {
        Validation.check(models);
        UnstorableValues.check(dialect.kind(), models);
    }

    /** A new instance for a row, its relationships not loaded (null for a row without key: an outer join's miss). */
    Object materialize(ModelMeta<?> meta, Object[] values) {
        List<FieldMeta> keyFields = meta.keyFields();
        for (int i = 0; i < keyFields.size(); i++) {
            if (values[keyFields.get(i).position()] == null) {
                return null;
            }
        }
        Object instance = meta.instantiate(values, null);
        if (meta.relations().isEmpty()) {
            return instance;
        }
        Holders h = holders(meta);
        RelationMeta[] relations = h.relations;
        for (int i = 0; i < relations.length; i++) {
            int fk = h.foreignKey[i];
            relations[i].accessor().set(instance, fk < 0 ? toMany(access, h.hooks[i]) : toOne(access, h.hooks[i], values[fk]));
        }
        return instance;
    }

    @Override
    public <R> Results<R> exec(Query<R> query) {
        checkOpen();
        if (query instanceof ReturningNode<?> r && !dialect.supportsReturning()) {
            @SuppressWarnings("unchecked")
            List<R> rows = (List<R>) call(true, c -> new ReturningEmulation(new ReturningEmulation.Host() {
                @Override
                public Connection tx() {
                    return c;
                }

                @Override
                public List<Object> fetch(Compiled compiled, RowReader reader, int max) {
                    return StatelessSessionImpl.this.fetch(compiled, reader, max);
                }

                @Override
                public Object load(ModelMeta<?> meta, Object[] values) {
                    return materialize(meta, values);
                }
            }, exec, dialect, compiler()).run(r));
            return new ListResults<>(rows);
        }
        Compiled compiled = compiler().compile(query);
        List<Object> keys = query instanceof SelectNode<?> s ? s.items() : List.of();
        RowReader reader = new RowReader(compiled, keys, this, dialect.kind())
                .expectRows(query instanceof SelectNode<?> s ? s.limitValue() : null);
        List<RelationshipRef<?, ?>> fetches = query instanceof SelectNode<?> sel ? sel.fetches() : List.of();
        return new ResultsImpl<>(this, compiled, reader, fetches);
    }

    @Override
    public List<Object> fetch(Compiled compiled, RowReader reader, int max) {
        return call(false, c -> exec.query(c, compiled, reader, max));
    }

    /** The query and its relationship loads on one connection: one checkout for the whole read. */
    @Override
    public List<Object> fetchWithRelations(Compiled compiled, RowReader reader, int max,
            List<RelationshipRef<?, ?>> refs) {
        if (refs.isEmpty()) {
            return fetch(compiled, reader, max);
        }
        return call(false, c -> {
            List<Object> rows = exec.query(c, compiled, reader, max);
            fetchRelations(rows, refs);
            return rows;
        });
    }

    @Override
    public void fetchRelations(List<?> results, List<RelationshipRef<?, ?>> refs) {
        if (!refs.isEmpty() && !results.isEmpty()) {
            call(false, c -> {
                if (loader == null) {
                    loader = new RelationLoader(this, dialect);
                }
                loader.fetch(results, refs);
                return null;
            });
        }
    }

    @Override
    public Stream<Object> stream(Compiled compiled, RowReader reader, List<RelationshipRef<?, ?>> fetches) {
        checkOpen();
        // Outside a transaction the cursor takes a connection of its own, even when one is kept by
        // connection(): on PostgreSQL it begins a transaction there, which calls made while the
        // stream is open must not fall into.
        Cursor cursor = Cursor.open(engine, exec, inTransaction() ? shared() : null, compiled);
        CursorStream stream = CursorStream.of(cursor, reader, exec, !fetches.isEmpty(), new CursorStream.Chunks() {
            @Override
            public void read(List<Object> rows) {
                Connection own = callConn == null && !inTransaction() ? cursor.ownConnectionForReads() : null;
                if (own == null) {
                    fetchRelations(rows, fetches);
                    return;
                }
                callConn = own; // the chunk's relationship loads run beside the cursor
                try {
                    fetchRelations(rows, fetches);
                } finally {
                    callConn = null;
                }
            }

            @Override
            public void closed(CursorStream s) {
                streams.remove(s);
            }
        });
        if (streams.isEmpty()) {
            streams = new ArrayList<>(1);
        }
        streams.add(stream);
        return stream.stream();
    }

    @Override
    public void query(String sql, List<Object> params, List<Class<?>> types, SessionImpl.RowHandler handler) {
        call(false, c -> {
            exec.rows(c, sql, params, types, handler);
            return null;
        });
    }

    @Override
    public Object load(ModelMeta<?> meta, Object[] values, Relations.Batch batch) {
        return materialize(meta, values);
    }

    /** A query's row, read through its values, becomes a new instance (see {@link #finisher} for the straight way). */
    @Override
    public Object load(ModelMeta<?> meta, Object[] values) {
        return materialize(meta, values);
    }

    @Override
    public Object attachedInstance(Class<?> type, Object key) {
        return null;
    }

    @Override
    public MethodHandle finisher(ModelMeta<?> meta) {
        return holders(meta).finisher;
    }

    // ---- writes -------------------------------------------------------------------------------

    @Override
    public long execute(Statement statement) {
        checkOpen();
        if (statement instanceof InsertNode<?> insert) {
            ModelMeta<?> meta = ModelRegistry.of(insert.model());
            List<?> rows = insert.rows();
            int perRow = Math.max(1, meta.columns().size());
            int chunk = Math.max(1, Math.min(1000, dialect.maxParameters() / perRow));
            return call(rows.size() > chunk, c -> {
                long total = 0;
                for (int from = 0; from < rows.size(); from += chunk) {
                    int to = Math.min(rows.size(), from + chunk);
                    List<?> part = rows.subList(from, to);
                    List<FieldMeta> cols = SqlCompiler.boundColumns(meta, part);
                    if (cols != null && !cols.isEmpty()) {
                        String text = compiler().insertText(meta, cols, part.size(), insert.conflict(), List.of());
                        total += exec.insertRows(c, text, meta, cols, part);
                    } else {
                        Compiled compiled = compiler().insert(insert, from, to, null);
                        total += exec.update(c, compiled.sql(), compiled.params(), compiled.paramTypes());
                    }
                }
                return total;
            });
        }
        Compiled compiled = statement instanceof TextNode t ? compiler().text(t, null) : compiler().compile(statement);
        return call(false, c -> exec.update(c, compiled.sql(), compiled.params(), compiled.paramTypes()));
    }

    @Override
    public <M> M insert(M model) {
        return single(model, false);
    }

    @Override
    public <M> M upsert(M model) {
        return single(model, true);
    }

    private <M> M single(M model, boolean upsert) {
        checkOpen();
        if (model == null) {
            throw new IllegalArgumentException(upsert ? "cannot upsert null" : "cannot insert null");
        }
        ModelMeta<?> meta = ModelRegistry.of(model.getClass());
        writes().syncForeignKeys(meta, model);
        checkWritable(List.of(model));
        @SuppressWarnings("unchecked")
        M stored = (M) call(false, c -> writes().insert(c, meta, List.of(model), upsert).get(0));
        return stored;
    }

    @Override
    public <M> List<M> insertAll(Iterable<? extends M> models) {
        checkOpen();
        List<Object> all = new ArrayList<>(models instanceof Collection<?> col ? col.size() : 16);
        for (Object m : models) {
            if (m == null) {
                throw new IllegalArgumentException("cannot insert null (element " + all.size() + ")");
            }
            all.add(m);
        }
        if (all.isEmpty()) {
            return new ArrayList<>();
        }
        // Runs of one model in a row become one multi-row INSERT (per chunk and column list).
        List<ModelMeta<?>> metas = new ArrayList<>();
        List<int[]> runs = new ArrayList<>();
        ModelMeta<?> last = null;
        for (int i = 0; i < all.size(); i++) {
            Object m = all.get(i);
            if (last == null || last.type() != m.getClass()) {
                last = ModelRegistry.of(m.getClass());
                metas.add(last);
                runs.add(new int[] {i, i + 1});
            } else {
                runs.get(runs.size() - 1)[1] = i + 1;
            }
            writes().syncForeignKeys(last, m);
        }
        checkWritable(all);
        List<Object> stored = call(all.size() > 1, c -> {
            List<Object> out = new ArrayList<>(all.size());
            for (int r = 0; r < runs.size(); r++) {
                int[] run = runs.get(r);
                out.addAll(writes().insert(c, metas.get(r), all.subList(run[0], run[1]), false));
            }
            return out;
        });
        @SuppressWarnings("unchecked")
        List<M> typed = (List<M>) stored;
        return typed;
    }

    @Override
    public <M> M update(M model) {
        checkOpen();
        if (model == null) {
            throw new IllegalArgumentException("cannot update null");
        }
        ModelMeta<?> meta = ModelRegistry.of(model.getClass());
        writes().syncForeignKeys(meta, model);
        checkWritable(List.of(model));
        @SuppressWarnings("unchecked")
        M stored = (M) call(false, c -> writes().update(c, meta, model));
        return stored;
    }

    @Override
    public boolean delete(Object model) {
        checkOpen();
        if (model == null) {
            throw new IllegalArgumentException("cannot delete null");
        }
        ModelMeta<?> meta = ModelRegistry.of(model.getClass());
        return call(false, c -> writes().delete(c, meta, model));
    }

    // ---- closing ------------------------------------------------------------------------------

    /** Closes open streams: all of them, or only those reading on a connection they do not own. */
    private void closeStreams(boolean all) {
        if (streams.isEmpty()) {
            return;
        }
        for (CursorStream s : new ArrayList<>(streams)) {
            if (all || !s.ownsConnection()) {
                s.close();
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            closeStreams(true);
        } finally {
            closed = true;
            Connection c = pinned;
            pinned = null;
            if (c != null) {
                engine.release(c);
            }
        }
    }

    /** The session's side of a global transaction: its connection is given back at completion. */
    private final class Participant implements TransactionIntegration.Participant<JoinedTransaction> {

        @Override
        public JoinedTransaction joined() {
            if (txConn != null) {
                throw new IllegalStateException("this stateless session runs a local transaction: finish it before"
                        + " using the session inside a JTA transaction");
            }
            return new JoinedTransaction(0);
        }

        @Override
        public void beforeCompletion(JoinedTransaction tx) {
            // Nothing is pending. Closing the handle now lets the pool hand the enlisted
            // connection back itself at completion.
            Connection c = tx.connection;
            tx.connection = null;
            closeStreams(false);
            engine.release(c);
        }

        @Override
        public void afterCompletion(JoinedTransaction tx, boolean committed) {
            Connection c = tx.connection; // still set on the rollback path only
            tx.connection = null;
            engine.release(c);
        }

        @Override
        public String toString() {
            return "StatelessParticipant[" + StatelessSessionImpl.this + "]";
        }
    }

    @Override
    public String toString() {
        return "StatelessSession[" + dialect.kind() + (txConn != null ? ", in transaction" : "")
                + (closed ? ", closed" : "") + "]";
    }
}
