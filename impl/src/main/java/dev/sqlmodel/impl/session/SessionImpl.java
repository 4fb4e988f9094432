package dev.sqlmodel.impl.session;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.IsolationLevel;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.NoResultException;
import dev.sqlmodel.Query;
import dev.sqlmodel.RelationshipRef;
import dev.sqlmodel.Results;
import dev.sqlmodel.Savepoint;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.Statement;
import dev.sqlmodel.Transaction;
import dev.sqlmodel.ast.InsertNode;
import dev.sqlmodel.ast.ReturningNode;
import dev.sqlmodel.ast.SelectNode;
import dev.sqlmodel.ast.TextNode;
import dev.sqlmodel.ast.TextQuery;
import dev.sqlmodel.impl.Validation;
import dev.sqlmodel.impl.engine.EngineImpl;
import dev.sqlmodel.impl.engine.TransactionIntegration;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.sql.Compiled;
import dev.sqlmodel.impl.sql.SqlCompiler;
import dev.sqlmodel.impl.sql.SqlDialect;
import dev.sqlmodel.impl.types.ValueCodec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The unit of work. A session begins a local transaction at its first write (a flush with
 * pending work, {@link #execute}, a locking or writing query, a savepoint) or at {@link #begin()},
 * and holds one connection while it is open. Reads outside a transaction run in auto-commit on a
 * connection taken for that statement and given back right after it (or kept by
 * {@link #connection()} or an open stream), so a session that only reads costs no BEGIN/COMMIT
 * and holds no connection between statements. It keeps an {@link IdentityMap} of attached instances, and
 * writes pending changes at {@link #flush()} through a {@link Flusher}. A failed flush leaves
 * the database as it was (a savepoint taken at flush start is rolled back, or, when the flush
 * belongs to a commit of a transaction that has written nothing yet, the transaction is) and
 * the instances as they were (the flusher's undo log).
 *
 * <p>Under a global transaction ({@link EngineImpl#transactions()}: JTA) the session joins the
 * transaction on its first operation in it and uses the connection the transaction enlisted,
 * never committing, rolling back or switching auto-commit on it. It writes pending changes
 * before the transaction completes and forgets every instance afterwards, whatever the outcome;
 * {@link #commit()}, {@link #rollback()} and {@link #begin()} are refused while it runs, and
 * savepoints are issued as SQL on the enlisted connection. The joined state
 * ({@link JoinedTransaction}) lives with the transaction, not in this object.
 */
public class SessionImpl implements Session {
    static {
        // Engines make sessions through this factory: a direct call, not a reflective handle.
        dev.sqlmodel.impl.engine.SessionSupplier.register(SessionImpl::new);
    }

    private final EngineImpl engine;
    private final SqlDialect dialect;
    private final SqlCompiler compiler;
    private final Executor exec;
    private final IdentityMap map = new IdentityMap();
    private final Relations relations;
    private final TransactionIntegration transactions;
    private final GlobalParticipant participant = new GlobalParticipant();
    private Relations.Batch batch;
    /** The connection the session holds: for its local transaction or {@link #connection()}. */
    private Connection conn;
    /** Whether a local transaction is open on {@link #conn}. */
    private boolean local;
    /** Whether {@link #connection()} handed {@link #conn} out: it stays with the session until it closes. */
    private boolean pinned;
    private boolean explicit;
    private boolean wrote;
    private boolean closed;
    private boolean flushing;
    private long generation;
    private int savepoints;
    private Integer savedIsolation;
    private boolean autoCommitOff;
    /** Whether a statement that may write was sent in this transaction (unlike {@link #wrote}, set before it runs). */
    private boolean mayHaveWritten;

    /** A session of {@code engine}. */
    public SessionImpl(EngineImpl engine) {
        this.engine = engine;
        this.dialect = engine.sqlDialect();
        this.compiler = SqlCompiler.of(dialect);
        this.exec = new Executor(engine);
        this.relations = new Relations(this, dialect);
        this.transactions = engine.transactions();
    }

    // ---- state ----------------------------------------------------------------------------

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        // Join the thread's global transaction on first use, even for add(): its pending work
        // must be written before that transaction commits.
        transactions.current(participant);
    }

    /** The global transaction this session has joined on this thread, or null. */
    private JoinedTransaction global() {
        return transactions.current(participant);
    }

    private void refuseUnderGlobal(String operation) {
        if (global() != null) {
            throw new IllegalStateException(operation + " is not allowed while a JTA transaction is active:"
                    + " the transaction manager commits or rolls back (savepoint() and nested() still work)");
        }
    }

    boolean logEnabled() {
        return engine.log().enabled();
    }

    boolean isClosed() {
        return closed;
    }

    boolean isAttached(Object instance) {
        return map.state(instance) != null;
    }

    EntityState stateOf(Object instance) {
        return map.state(instance);
    }

    Object attachedInstance(Class<?> type, Object key) {
        EntityState s = map.get(type, key);
        return s == null || s.status == EntityState.Status.DELETED ? null : s.instance;
    }

    /** Detaches every attached instance of {@code meta}'s model that {@code test} accepts. */
    void evictMatching(ModelMeta<?> meta, java.util.function.Predicate<Object> test) {
        for (EntityState s : map.all()) {
            if (s.meta == meta && test.test(s.instance)) {
                map.detach(s);
            }
        }
    }

    /** Runs {@code action} for every attached instance of {@code meta}'s model. */
    void forEachAttached(ModelMeta<?> meta, java.util.function.Consumer<EntityState> action) {
        for (EntityState s : map.all()) {
            if (s.meta == meta) {
                action.accept(s);
            }
        }
    }

    /** Handles one row of a query the session runs for itself. */
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs a query of the session's own (relationship loads) and hands each row to {@code handler}. */
    void query(String sql, List<Object> params, List<Class<?>> types, RowHandler handler) {
        if (!flushing) {
            checkOpen(); // a flush still runs for a session closed inside a JTA transaction
        }
        Connection c = reader();
        try {
            exec.rows(c, sql, params, types, handler);
        } finally {
            readDone();
        }
    }

    long transactionGeneration() {
        JoinedTransaction g = global();
        return g != null ? g.generation : generation;
    }

    boolean inTransaction() {
        return !closed && (local || global() != null);
    }

    /** The session's (shared) compiler. */
    SqlCompiler compiler() {
        return compiler;
    }

    void table(StringBuilder sql, ModelMeta<?> meta) {
        dialect.table(sql, meta);
    }

    /** The connection of the current transaction, beginning one when none is open: for writes. */
    Connection tx() {
        checkOpen();
        return connectionForWork();
    }

    /** {@link #tx()} without the open check: a session closed inside a JTA transaction still flushes. */
    private Connection connectionForWork() {
        JoinedTransaction g = global();
        if (g != null) {
            return enlisted(g);
        }
        if (!local) {
            beginLocal(null);
        }
        return conn;
    }

    private Connection enlisted(JoinedTransaction g) {
        if (g.connection == null) {
            g.connection = engine.acquire(); // enlisted by the pool or the container
        }
        return g.connection;
    }

    /**
     * The connection for a read: the transaction's when one is open (global or local), the one
     * the session holds, or one taken for this statement in auto-commit. Pair with
     * {@link #readDone()}.
     */
    private Connection reader() {
        JoinedTransaction g = global();
        if (g != null) {
            return enlisted(g);
        }
        if (conn == null) {
            conn = engine.acquire();
        }
        return conn;
    }

    /**
     * Gives back a connection taken for one read. Holding it until the session closes would save
     * a checkout per statement, but a request-scoped session would then keep a pooled connection
     * for the whole request; the pool hands the same thread the same connection again, so its
     * kept prepared statements still serve the next read.
     */
    private void readDone() {
        if (conn != null && !local && !pinned) {
            Connection c = conn;
            conn = null;
            engine.release(c);
        }
    }

    /** Begins a local transaction (at the first write or {@link #begin}) on the held connection or a new one. */
    private void beginLocal(IsolationLevel isolation) {
        boolean held = conn != null;
        Connection c = held ? conn : engine.acquire();
        try {
            if (isolation != null) {
                savedIsolation = c.getTransactionIsolation();
                c.setTransactionIsolation(isolation.jdbcLevel());
            }
            autoCommitOff = c.getAutoCommit();
            if (autoCommitOff) {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            if (!held) {
                engine.release(c);
            }
            throw engine.translate(e, null);
        }
        conn = c;
        local = true;
        generation++;
        // What the caller wrote through connection() may belong to this transaction.
        wrote = pinned;
        mayHaveWritten = pinned;
    }

    private void endTransaction(boolean commit) {
        Connection c = conn;
        if (!local) {
            return;
        }
        local = false;
        explicit = false;
        savepoints = 0;
        closeStreams(false); // a cursor on the transaction's connection ends with it
        try {
            if (autoCommitOff && (commit || !mayHaveWritten)) {
                // Switching auto-commit back on commits, and ends the transaction without
                // beginning the next one, which drivers that begin eagerly (SQLite) do after
                // commit(): the pool would then end that one too when it restores auto-commit.
                // A transaction that wrote nothing is ended the same way: committing it is
                // rolling it back.
                long start = exec.clock();
                c.setAutoCommit(true);
                exec.logged(commit ? "COMMIT" : "ROLLBACK", List.of(), start);
            } else if (commit) {
                long start = exec.clock();
                c.commit();
                exec.logged("COMMIT", List.of(), start);
            } else {
                long start = exec.clock();
                c.rollback();
                exec.logged("ROLLBACK", List.of(), start);
                if (autoCommitOff) {
                    c.setAutoCommit(true); // after a rollback this ends nothing; the session may keep the connection
                }
            }
        } catch (SQLException e) {
            try {
                if (commit) {
                    c.rollback();
                }
                if (autoCommitOff) {
                    c.setAutoCommit(true); // a connection kept by connection() must not stay in a transaction
                }
            } catch (SQLException ignored) {
                // the commit failure is what the caller needs to see
            }
            throw engine.translate(e, commit ? dev.sqlmodel.impl.engine.SqlErrors.COMMIT : "ROLLBACK");
        } finally {
            try {
                if (savedIsolation != null) {
                    c.setTransactionIsolation(savedIsolation);
                }
            } catch (SQLException ignored) {
                // the pool resets or discards the connection
            }
            savedIsolation = null;
            readDone();
        }
    }

    // ---- unit of work -------------------------------------------------------------------------

    @Override
    public <M> M add(M model) {
        checkOpen();
        attachNew(model, false);
        return model;
    }

    private EntityState attachNew(Object model, boolean forSave) {
        if (model == null) {
            throw new IllegalArgumentException("cannot add null");
        }
        EntityState s = map.state(model);
        ModelMeta<?> meta = ModelRegistry.of(model.getClass());
        if (s != null) {
            if (s.status == EntityState.Status.DELETED) {
                s.status = EntityState.Status.PERSISTENT;
            }
            return s;
        }
        Object key = meta.keyOf(model);
        if (meta.isRecord() && key == null && !forSave) {
            throw new IllegalArgumentException(meta.type().getName() + " is a record with a database-generated key: "
                    + "add it with its key set, or store it with save() or insert(...).returning(...)");
        }
        if (key != null) {
            EntityState other = map.get(meta.type(), key);
            if (other != null) {
                throw new SqlModelException("another " + meta.type().getSimpleName() + " instance with key " + key
                        + " is already in this session; change that instance instead");
            }
        }
        // An instance carrying a database-generated key was stored before: attach it as stored,
        // and write all its columns at flush (there is no snapshot to compare with). Records are
        // the exception: they are immutable, so the only way to add a new one is with its key set
        // (an UPDATE of a stored record could change nothing anyway), and they are inserted.
        EntityState.Status status = key != null && meta.generatedKey() != null && !meta.isRecord()
                ? EntityState.Status.PERSISTENT : EntityState.Status.NEW;
        s = new EntityState(meta, model, key, status, null);
        map.attach(s);
        relations.attached(s);
        return s;
    }

    @Override
    public void addAll(Iterable<?> models) {
        if (models instanceof java.util.Collection<?> c) {
            checkOpen();
            map.reserve(c.size());
        }
        for (Object m : models) {
            add(m);
        }
    }

    @Override
    public void delete(Object model) {
        checkOpen();
        ModelMeta<?> meta = ModelRegistry.of(model.getClass());
        EntityState s = map.state(model);
        if (s == null) {
            Object key = meta.keyOf(model);
            if (key == null) {
                throw new IllegalArgumentException("cannot delete " + meta.type().getName()
                        + " without a primary key: it was never stored");
            }
            EntityState other = map.get(meta.type(), key);
            if (other != null) {
                other.status = EntityState.Status.DELETED;
                return;
            }
            map.attach(new EntityState(meta, model, key, EntityState.Status.DELETED, null));
            return;
        }
        if (s.status == EntityState.Status.NEW) {
            map.detach(s);
        } else {
            s.status = EntityState.Status.DELETED;
        }
    }

    @Override
    public void flush() {
        checkOpen();
        flush(false);
    }

    /** Flushes before a relationship load, unless a flush is running already. */
    void autoflush() {
        if (!flushing) {
            flush(false);
        }
    }

    private void flush(boolean forCommit) {
        if (flushing) {
            return;
        }
        if (!hasPending()) {
            return; // the autoflush of a session that only reads: no lists, no copy of the attach order
        }
        relations.beforeFlush();
        List<EntityState> news = null; // until a new state follows another kind: the first leadingNew of all
        int leadingNew = 0;
        List<EntityState> dirty = new ArrayList<>();
        List<EntityState> deleted = new ArrayList<>();
        List<EntityState> changed = new ArrayList<>(); // validated; dirty also holds relationship-only changes
        List<EntityState> all = map.all();
        for (int i = 0; i < all.size(); i++) {
            EntityState s = all.get(i);
            switch (s.status) {
                case NEW -> {
                    if (news != null) {
                        news.add(s);
                    } else if (leadingNew == i) {
                        leadingNew++;
                    } else {
                        news = new ArrayList<>(all.subList(0, leadingNew));
                        news.add(s);
                    }
                }
                case DELETED -> deleted.add(s);
                case PERSISTENT -> {
                    if (s.snapshot == null && !s.meta.isRecord() || s.dirty()) {
                        dirty.add(s);
                        changed.add(s);
                    } else if (Relations.hasRelations(s.meta) && relations.affects(s)) {
                        dirty.add(s);
                    }
                }
                default -> {
                }
            }
        }
        if (news == null) {
            news = all.subList(0, leadingNew);
        }
        if (news.isEmpty() && dirty.isEmpty() && deleted.isEmpty() && !relations.pending()) {
            return;
        }
        List<Object> checked = EntityState.instancesOf(news, changed);
        Validation.check(checked);
        UnstorableValues.check(engine.dialect(), checked);
        FlushPlan plan = FlushPlan.of(news, dirty, deleted);
        // A transaction this flush begins, or a commit of one that wrote nothing yet, can be rolled
        // back whole on failure; anything else needs a savepoint so that earlier work survives.
        boolean begins = !local && global() == null;
        Connection c = connectionForWork();
        boolean savepoint = !(begins || forCommit && !wrote);
        String name = "sqlmodel_flush";
        flushing = true;
        Flusher flusher = new Flusher(this, exec, dialect, c, relations, all);
        mayHaveWritten = true;
        try {
            if (savepoint) {
                exec.plain(c, "SAVEPOINT " + name);
            }
            flusher.run(plan);
            if (savepoint) {
                exec.plain(c, "RELEASE SAVEPOINT " + name);
            }
        } catch (RuntimeException | Error e) {
            flusher.undo();
            try {
                if (savepoint) {
                    exec.plain(c, "ROLLBACK TO SAVEPOINT " + name);
                    exec.plain(c, "RELEASE SAVEPOINT " + name);
                } else {
                    endTransaction(false);
                }
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            flushing = false;
        }
        wrote = true;
        for (Map.Entry<EntityState, Object> r : flusher.replaced.entrySet()) {
            map.replaceInstance(r.getKey(), r.getValue());
        }
        for (Flusher.Written w : flusher.written) {
            for (int i = 0; i < w.states().size(); i++) {
                EntityState s = w.states().get(i);
                Object[] values = w.values().get(i);
                Object key = s.meta.keyOfValues(values);
                if (key != null && !key.equals(s.key)) {
                    map.keyed(s, key);
                }
                s.remember(values);
            }
        }
        for (EntityState s : news) {
            s.status = EntityState.Status.PERSISTENT;
        }
        for (EntityState s : deleted) {
            map.detach(s);
        }
        relations.flushed();
        flusher.runAfterSuccess();
    }


    @Override
    public void commit() {
        checkOpen();
        refuseUnderGlobal("commit()");
        if (!local && !hasPending()) {
            return;
        }
        flush(true);
        endTransaction(true);
    }

    /** Whether a flush would write anything: new, deleted or changed instances, or relationship changes. */
    private boolean hasPending() {
        return relations.pending() || map.any(pendingState);
    }

    private final java.util.function.Predicate<EntityState> pendingState = this::pending;

    /** Whether a flush would write {@code s}: new, deleted, changed, or a relationship changed. */
    private boolean pending(EntityState s) {
        return s.status != EntityState.Status.PERSISTENT || s.snapshot == null && !s.meta.isRecord() || s.dirty()
                || Relations.hasRelations(s.meta) && relations.affects(s);
    }

    @Override
    public void rollback() {
        checkOpen();
        refuseUnderGlobal("rollback()");
        try {
            endTransaction(false);
        } finally {
            map.clear();
            relations.reset();
        }
    }

    @Override
    public <M> void refresh(M model) {
        checkOpen();
        EntityState s = map.state(model);
        ModelMeta<?> meta = ModelRegistry.of(model.getClass());
        Object key = s != null ? s.key : meta.keyOf(model);
        if (key == null) {
            throw new IllegalArgumentException("cannot refresh " + meta.type().getName() + " without a primary key");
        }
        Object[] values = selectByKey(meta, key);
        if (values == null) {
            throw new NoResultException(meta.type().getName() + " with key " + key + " no longer exists");
        }
        if (meta.isRecord()) {
            throw new UnsupportedOperationException(meta.type().getName()
                    + " is a record and cannot be refreshed in place: get() it again after evict()");
        }
        List<FieldMeta> cols = meta.columns();
        for (int i = 0; i < values.length; i++) {
            FieldMeta f = cols.get(i);
            if (!(values[i] == null && f.javaType().isPrimitive())) {
                f.set(model, values[i]);
            }
        }
        if (s == null) {
            s = new EntityState(meta, model, key, EntityState.Status.PERSISTENT, values);
            map.attach(s);
        } else {
            s.remember(values);
            if (s.status == EntityState.Status.NEW) {
                s.status = EntityState.Status.PERSISTENT;
            }
        }
    }

    @Override
    public <M> Optional<M> get(Class<M> type, Object id) {
        checkOpen();
        ModelMeta<M> meta = ModelRegistry.of(type);
        Object key = meta.normalizeKey(id);
        EntityState s = map.get(type, key);
        if (s != null) {
            return s.status == EntityState.Status.DELETED ? Optional.empty() : Optional.of(type.cast(s.instance));
        }
        Object[] values = selectByKey(meta, key);
        return values == null ? Optional.empty() : Optional.of(type.cast(load(meta, values)));
    }

    private Object[] selectByKey(ModelMeta<?> meta, Object key) {
        Connection c = reader();
        try {
            return exec.selectByKey(c, meta, key);
        } finally {
            readDone();
        }
    }

    /** Rows of a query become attached instances; the query's rows are filed in one go. */
    private final RowReader.Models loads = new RowReader.Models() {
        @Override
        public Object load(ModelMeta<?> meta, Object[] values) {
            return SessionImpl.this.load(meta, values);
        }

        @Override
        public void expect(int rows) {
            SessionImpl.this.expect(rows, batch);
        }
    };

    /** Makes room for {@code rows} instances about to be loaded into the identity map and {@code rows}' batch. */
    void expect(int rows, Relations.Batch into) {
        if (rows > 8) {
            map.reserveKeys(rows);
            if (into != null) {
                into.expect(rows);
            }
        }
    }

    /** The instance for a row: the attached one for its key, or a new attached one. */
    Object load(ModelMeta<?> meta, Object[] values) {
        Relations.Batch b = batch;
        if (b == null) {
            b = new Relations.Batch(); // a get(): the batch of one instance
            b.expect(1);
        }
        return load(meta, values, b);
    }

    /** The instance for a row, joining {@code rows}' batch for relationship loading. */
    Object load(ModelMeta<?> meta, Object[] values, Relations.Batch rows) {
        List<FieldMeta> keyFields = meta.keyFields();
        Object key;
        if (keyFields.size() == 1) {
            key = values[keyFields.get(0).position()];
        } else {
            Object[] parts = new Object[keyFields.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = values[keyFields.get(i).position()];
                if (parts[i] == null) {
                    return null;
                }
            }
            key = dev.sqlmodel.Key.of(parts);
        }
        if (key == null) {
            return null; // an outer join found no row
        }
        EntityState s = map.get(meta.type(), key);
        if (s != null) {
            return s.instance;
        }
        Object instance = relations.materialize(meta, values, rows);
        map.attach(new EntityState(meta, instance, key, EntityState.Status.PERSISTENT, values));
        if (streamed != null) {
            streamed.add(instance);
        }
        return instance;
    }

    @Override
    public <M> M save(M model) {
        checkOpen();
        boolean wasAttached = map.state(model) != null;
        EntityState s = attachNew(model, true);
        try {
            flush();
        } catch (jakarta.validation.ConstraintViolationException e) {
            if (!wasAttached) {
                map.detach(s);
            }
            throw e;
        }
        @SuppressWarnings("unchecked")
        M stored = (M) s.instance;
        return stored;
    }

    @Override
    public boolean contains(Object model) {
        checkOpen();
        EntityState s = model == null ? null : map.state(model);
        return s != null && s.status != EntityState.Status.DELETED;
    }

    @Override
    public void evict(Object model) {
        checkOpen();
        EntityState s = map.state(model);
        if (s != null) {
            map.detach(s);
        }
    }

    @Override
    public void clear() {
        checkOpen();
        map.clear();
        relations.reset();
    }

    // ---- queries ----------------------------------------------------------------------------

    @Override
    public <R> Results<R> exec(Query<R> query) {
        checkOpen();
        flush();
        if (query instanceof ReturningNode<?> || query instanceof TextQuery<?> t && !plainQuery(t.text().sql())) {
            // INSERT/UPDATE/DELETE ... RETURNING (and text that may be one) write in this
            // transaction: a later failed commit must then keep that work (see flush).
            tx();
            wrote = true;
            mayHaveWritten = true;
        } else if (query instanceof SelectNode<?> s && s.lockOptions() != null) {
            tx(); // row locks last until the transaction ends
        }
        if (query instanceof ReturningNode<?> r && !dialect.supportsReturning()) {
            @SuppressWarnings("unchecked")
            List<R> rows = (List<R>) (List<?>) new ReturningEmulation(this, exec, dialect, compiler).run(r);
            return new ListResults<>(rows);
        }
        Compiled compiled = compiler.compile(query);
        List<Object> keys = query instanceof SelectNode<?> s ? s.items() : List.of();
        RowReader reader = new RowReader(compiled, keys, loads, dialect.kind())
                .expectRows(query instanceof SelectNode<?> s ? s.limitValue() : null);
        List<RelationshipRef<?, ?>> fetches = query instanceof SelectNode<?> sel ? sel.fetches() : List.of();
        return new ResultsImpl<>(this, compiled, reader, fetches);
    }

    /** Runs a compiled query and reads up to {@code max} results (negative: all). */
    List<Object> fetch(Compiled compiled, RowReader reader, int max) {
        checkOpen();
        Connection c = reader();
        Relations.Batch outer = batch;
        batch = new Relations.Batch();
        try {
            return exec.query(c, compiled, reader, max);
        } finally {
            batch = outer;
            readDone();
        }
    }

    /** Eager loading of {@code select(...).fetch(...)}. */
    void fetchRelations(List<?> results, List<RelationshipRef<?, ?>> refs) {
        if (!refs.isEmpty() && !results.isEmpty()) {
            relations.fetch(results, refs);
        }
    }

    /**
     * Whether {@code sql} only reads: it starts with SELECT or VALUES and takes no row locks. Anything
     * else ({@code WITH}, which may wrap a data-changing statement on PostgreSQL, included) is
     * treated as a write and begins the transaction.
     */
    static boolean plainQuery(String sql) {
        java.util.regex.Matcher m = PLAIN_QUERY.matcher(sql);
        return m.lookingAt() && !LOCKING.matcher(sql).find();
    }

    private static final java.util.regex.Pattern PLAIN_QUERY = java.util.regex.Pattern.compile(
            "\\s*\\(*\\s*(select|values)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern LOCKING = java.util.regex.Pattern.compile(
            "\\bfor\\s+(update|share|no\\s+key\\s+update|key\\s+share)\\b|\\block\\s+in\\s+share\\s+mode\\b|\\binto\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    SqlModelException translate(SQLException e, String sql) {
        return engine.translate(e, sql);
    }

    long clock() {
        return exec.clock();
    }

    void logged(String sql, List<?> params, long start) {
        exec.logged(sql, params, start);
    }

    @Override
    public long execute(Statement statement) {
        checkOpen();
        flush();
        Connection c = tx();
        mayHaveWritten = true;
        if (statement instanceof InsertNode<?> insert) {
            long total = 0;
            ModelMeta<?> meta = ModelRegistry.of(insert.model());
            List<?> rows = insert.rows();
            int perRow = Math.max(1, meta.columns().size());
            int chunk = Math.max(1, Math.min(1000, dialect.maxParameters() / perRow));
            for (int from = 0; from < rows.size(); from += chunk) {
                int to = Math.min(rows.size(), from + chunk);
                List<?> part = rows.subList(from, to);
                List<FieldMeta> cols = SqlCompiler.boundColumns(meta, part);
                if (cols != null && !cols.isEmpty()) {
                    // The common shape: one cached text, values bound straight from the models.
                    String text = compiler.insertText(meta, cols, part.size(), insert.conflict(), List.of());
                    total += exec.insertRows(c, text, meta, cols, part);
                } else {
                    Compiled compiled = compiler.insert(insert, from, to, null);
                    total += exec.update(c, compiled.sql(), compiled.params(), compiled.paramTypes());
                }
            }
            wrote = true;
            return total;
        }
        Compiled compiled = statement instanceof TextNode t ? compiler.text(t, null) : compiler.compile(statement);
        long n = exec.update(c, compiled.sql(), compiled.params(), compiled.paramTypes());
        wrote = true;
        return n;
    }

    // ---- transactions -----------------------------------------------------------------------

    @Override
    public Transaction begin() {
        return begin(null);
    }

    @Override
    public Transaction begin(IsolationLevel isolation) {
        checkOpen();
        refuseUnderGlobal("begin()");
        if (local) {
            throw new IllegalStateException("a transaction is already open in this session"
                    + (explicit ? "" : " (begun by an earlier write: commit() or rollback() it first)"));
        }
        beginLocal(isolation);
        explicit = true;
        return new TransactionImpl(this, generation);
    }

    @Override
    public Savepoint savepoint() {
        checkOpen();
        flush();
        Connection c = tx();
        JoinedTransaction g = global();
        String name = "sqlmodel_sp" + (g != null ? ++g.savepoints : ++savepoints);
        exec.plain(c, "SAVEPOINT " + name);
        return new SavepointImpl(this, name, generation, SavepointImpl.mark(map));
    }

    void rollbackTo(String name, Map<EntityState, Object[]> mark) {
        exec.plain(connectionForWork(), "ROLLBACK TO SAVEPOINT " + name);
        for (EntityState s : map.all()) {
            Object[] before = mark.get(s);
            boolean existed = mark.containsKey(s);
            if (!existed || before != s.snapshot || s.status != EntityState.Status.PERSISTENT || s.dirty()) {
                map.detach(s);
            }
        }
    }

    void releaseSavepoint(String name) {
        exec.plain(connectionForWork(), "RELEASE SAVEPOINT " + name);
    }

    @Override
    public <T> T nested(Supplier<T> body) {
        Savepoint sp = savepoint();
        T result;
        try {
            result = body.get();
            flush();
        } catch (RuntimeException | Error e) {
            try {
                sp.rollback();
            } catch (RuntimeException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
        sp.release();
        return result;
    }

    @Override
    public void nested(Runnable body) {
        nested(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public <M> void load(Iterable<M> owners, RelationshipRef<M, ?> rel) {
        checkOpen();
        List<Object> list = new ArrayList<>();
        for (M m : owners) {
            list.add(m);
        }
        relations.load(list, rel);
    }

    @Override
    public Dialect dialect() {
        return dialect.kind();
    }

    @Override
    public Connection connection() {
        checkOpen();
        JoinedTransaction g = global();
        if (g != null) {
            return enlisted(g);
        }
        if (conn == null) {
            conn = engine.acquire();
        }
        pinned = true;
        if (local) {
            wrote = true; // the caller may write through it, inside the transaction
            mayHaveWritten = true;
        }
        return conn;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closeStreams(true);
        if (!local) {
            pinned = false;
            readDone(); // a connection kept by connection()
        }
        if (!local && joinedGlobal()) {
            // The transaction still owes the database this session's pending work: it is written
            // at beforeCompletion, and afterCompletion forgets it and gives the connection back.
            closed = true;
            return;
        }
        try {
            endTransaction(false);
        } finally {
            pinned = false;
            readDone();
            map.release();
            relations.reset();
            closed = true;
        }
    }

    private boolean joinedGlobal() {
        try {
            return global() != null;
        } catch (IllegalStateException e) {
            return false; // a transaction this session never joined and can no longer join
        }
    }

    /** The session's side of a global transaction: flush before completion, forget after. */
    private final class GlobalParticipant implements TransactionIntegration.Participant<JoinedTransaction> {

        @Override
        public JoinedTransaction joined() {
            if (local) {
                throw new IllegalStateException("this session has a local transaction open: commit() or rollback()"
                        + " it before using the session inside a JTA transaction");
            }
            return new JoinedTransaction(++generation);
        }

        @Override
        public void beforeCompletion(JoinedTransaction tx) {
            try {
                flush(false);
            } finally {
                closeStreams(false);
                // Closing the handle now lets the pool hand the enlisted connection back itself
                // at completion; the physical connection stays in the transaction until then.
                Connection c = tx.connection;
                tx.connection = null;
                engine.release(c);
            }
        }

        @Override
        public void afterCompletion(JoinedTransaction tx, boolean committed) {
            map.clear();
            relations.reset();
            Connection c = tx.connection; // still set on the rollback path only
            tx.connection = null;
            engine.release(c);
        }

        @Override
        public String toString() {
            return "GlobalParticipant[" + SessionImpl.this + "]";
        }
    }

    // ---- streams --------------------------------------------------------------------------------

    /** Instances a stream's current chunk attached (null when no chunk is being read). */
    private List<Object> streamed;
    private List<CursorStream> cursorStreams;

    /**
     * A lazy stream of a query's results through a cursor: on the open transaction's connection,
     * or, when none is open, on a connection of the stream's own (which sees what this session
     * committed, and nothing is pending: {@link #exec} flushed). Instances the stream attached
     * are evicted once the stream has moved past them, unless they were changed, deleted or had
     * a relationship changed meanwhile, so the identity map holds what the application kept
     * working on, not every row read. Relationships fetched for a chunk are evicted with it;
     * what the consumer loads lazily stays attached.
     */
    Stream<Object> stream(Compiled compiled, RowReader reader, List<RelationshipRef<?, ?>> fetches) {
        checkOpen();
        Connection shared = inTransaction() ? tx() : null;
        Cursor cursor = Cursor.open(engine, exec, shared, compiled);
        List<Object> mine = new ArrayList<>();
        CursorStream stream = CursorStream.of(cursor, reader, exec, !fetches.isEmpty(), new CursorStream.Chunks() {
            @Override
            public void done() {
                for (Object o : mine) {
                    EntityState s = map.state(o);
                    if (s != null && s.status == EntityState.Status.PERSISTENT && !s.dirty()
                            && !(Relations.hasRelations(s.meta) && relations.affects(s))) {
                        map.detach(s);
                    }
                }
                mine.clear();
                streamed = mine;
            }

            @Override
            public void read(List<Object> rows) {
                try {
                    fetchRelations(rows, fetches);
                } finally {
                    streamed = null;
                }
            }

            @Override
            public void closed(CursorStream s) {
                streamed = null;
                if (cursorStreams != null) {
                    cursorStreams.remove(s);
                }
            }
        });
        if (cursorStreams == null) {
            cursorStreams = new ArrayList<>(1);
        }
        cursorStreams.add(stream);
        return stream.stream();
    }

    /** Closes the open streams: all of them, or only those reading on a connection they do not own. */
    private void closeStreams(boolean all) {
        if (cursorStreams != null) {
            for (CursorStream s : new ArrayList<>(cursorStreams)) {
                if (all || !s.ownsConnection()) {
                    s.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Session[" + dialect.kind() + ", " + map.size() + " attached" + (local ? ", in transaction" : "")
                + (closed ? ", closed" : "") + "]";
    }
}
