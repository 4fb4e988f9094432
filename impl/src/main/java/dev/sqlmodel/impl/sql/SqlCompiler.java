package dev.sqlmodel.impl.sql;

import dev.sqlmodel.Column;
import dev.sqlmodel.Expr;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.Order;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.Statement;
import dev.sqlmodel.ast.Assignment;
import dev.sqlmodel.ast.Between;
import dev.sqlmodel.ast.Binary;
import dev.sqlmodel.ast.BinaryOp;
import dev.sqlmodel.ast.BoolConst;
import dev.sqlmodel.ast.CaseNode;
import dev.sqlmodel.ast.Cast;
import dev.sqlmodel.ast.ColumnRef;
import dev.sqlmodel.ast.Conflict;
import dev.sqlmodel.ast.DeleteNode;
import dev.sqlmodel.ast.Exists;
import dev.sqlmodel.ast.Fn;
import dev.sqlmodel.ast.InList;
import dev.sqlmodel.ast.InSelect;
import dev.sqlmodel.ast.InsertNode;
import dev.sqlmodel.ast.Join;
import dev.sqlmodel.ast.JoinType;
import dev.sqlmodel.ast.Junction;
import dev.sqlmodel.ast.Like;
import dev.sqlmodel.ast.Named;
import dev.sqlmodel.ast.NamedColumn;
import dev.sqlmodel.ast.Param;
import dev.sqlmodel.ast.Raw;
import dev.sqlmodel.ast.ReturningNode;
import dev.sqlmodel.ast.SelectNode;
import dev.sqlmodel.ast.Subquery;
import dev.sqlmodel.ast.TextNode;
import dev.sqlmodel.ast.TextQuery;
import dev.sqlmodel.ast.Unary;
import dev.sqlmodel.ast.UpdateNode;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ForeignKey;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.meta.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders the statement tree to SQL for one dialect. Every value becomes a bound parameter
 * and every identifier is quoted; the dialect supplies the few spellings that differ. A
 * compiler is thread-safe; each call renders into a fresh {@link Renderer}. The texts of
 * multi-row INSERTs are kept per shape: they are long and their shapes few.
 */
public final class SqlCompiler {
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private static final java.util.Map<dev.sqlmodel.Dialect, SqlCompiler> SHARED = new java.util.EnumMap<>(
            dev.sqlmodel.Dialect.class);

    static {
        for (dev.sqlmodel.Dialect d : dev.sqlmodel.Dialect.values()) {
            SHARED.put(d, new SqlCompiler(SqlDialect.of(d)));
        }
    }

    private final SqlDialect dialect;

    /** What the text of a multi-row INSERT of one model depends on. */
    private record InsertShape(List<FieldMeta> cols, int rows, Conflict conflict, List<FieldMeta> returning) {
    }

    /**
     * INSERT texts by model class and shape; see {@link #insertText}. Kept with the class (not
     * in a map of this shared compiler) so that an application server can unload a
     * deployment's models.
     */
    private final ClassValue<java.util.concurrent.ConcurrentHashMap<InsertShape, String>> insertTexts =
            new ClassValue<>() {
                @Override
                protected java.util.concurrent.ConcurrentHashMap<InsertShape, String> computeValue(Class<?> type) {
                    return new java.util.concurrent.ConcurrentHashMap<>();
                }
            };

    /** What the text of an UPDATE of one row by key depends on. */
    private record UpdateShape(List<FieldMeta> set, boolean versioned, boolean versionNull) {
    }

    /**
     * The text of an UPDATE of one row by its key, and the columns its parameters bind, in
     * order (each parameter takes that column's value through the column's codec).
     */
    public record UpdateText(String sql, List<FieldMeta> bound) {
    }

    /** UPDATE texts by model class and shape, kept with the class like {@link #insertTexts}. */
    private final ClassValue<java.util.concurrent.ConcurrentHashMap<UpdateShape, UpdateText>> updateTexts =
            new ClassValue<>() {
                @Override
                protected java.util.concurrent.ConcurrentHashMap<UpdateShape, UpdateText> computeValue(Class<?> type) {
                    return new java.util.concurrent.ConcurrentHashMap<>();
                }
            };

    /** The shared compiler of a dialect. */
    public static SqlCompiler of(SqlDialect dialect) {
        SqlCompiler c = SHARED.get(dialect.kind());
        return c.dialect == dialect ? c : new SqlCompiler(dialect);
    }

    /** A compiler for {@code dialect}. */
    public SqlCompiler(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The dialect rendered. */
    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Compiles any query or statement of the tree.
     *
     * @throws SqlModelException when the dialect cannot express it
     * @throws MappingException when a model or column is unknown
     */
    public Compiled compile(Object statement) {
        if (statement instanceof SelectNode<?> s) {
            return select(s);
        }
        if (statement instanceof InsertNode<?> i) {
            return insert(i, 0, i.rows().size(), null);
        }
        if (statement instanceof UpdateNode<?> u) {
            return update(u, null);
        }
        if (statement instanceof DeleteNode<?> d) {
            return delete(d, null);
        }
        if (statement instanceof ReturningNode<?> r) {
            return returning(r);
        }
        if (statement instanceof TextNode t) {
            return text(t, null);
        }
        if (statement instanceof TextQuery<?> t) {
            return text(t.text(), t.type());
        }
        if (statement instanceof Statement) {
            throw new SqlModelException("unknown statement type " + statement.getClass().getName());
        }
        throw new SqlModelException("not a statement or query: " + statement);
    }

    /** Compiles a SELECT. */
    public Compiled select(SelectNode<?> select) {
        Renderer r = new Renderer();
        List<Compiled.Item> items = r.select(select, true);
        return r.done(items, select.shape(), select.into());
    }

    /**
     * Compiles rows {@code from} (inclusive) to {@code to} (exclusive) of an insert, returning
     * {@code returning}'s items when it is not null (native RETURNING only).
     */
    public Compiled insert(InsertNode<?> insert, int from, int to, ReturningNode<?> returning) {
        Renderer r = new Renderer();
        ModelMeta<?> meta = ModelRegistry.of(insert.model());
        if (insert.rows().isEmpty()) {
            throw new SqlModelException("insert into " + meta.tableName() + " has no rows");
        }
        List<FieldMeta> cols = insertColumns(meta, insert.rows().subList(from, to));
        r.sql("INSERT INTO ").table(meta).sql(" (").columns(cols).sql(") VALUES ");
        for (int row = from; row < to; row++) {
            Object model = insert.rows().get(row);
            if (row > from) {
                r.sql(", ");
            }
            r.sql('(');
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) {
                    r.sql(", ");
                }
                FieldMeta f = cols.get(i);
                Object v = f.get(model);
                if (f == meta.generatedKey() && meta.keyOf(model) == null) {
                    r.sql(dialect.generatedKeyPlaceholder());
                } else {
                    r.param(v, f);
                }
            }
            r.sql(')');
        }
        Conflict c = insert.conflict();
        if (c != null) {
            dialect.upsert(r, columnNames(meta, c.target()), columnNames(meta, c.updates()), keyColumns(meta));
        }
        List<Compiled.Item> items = returning == null ? List.of() : r.returning(meta, returning);
        return r.done(items, returning == null ? null : shapeOf(returning), null);
    }

    /**
     * The text of an INSERT of {@code rows} rows that binds {@code cols} of each row in order,
     * with {@code conflict}'s clause (or none) and a RETURNING list (empty: none; native
     * RETURNING only), built once per shape. Without columns it is {@code DEFAULT VALUES}
     * (one row) or, on MySQL, {@code () VALUES ()} per row. Reusing one String per shape
     * matters beyond building it: the statement cache hashes and compares the text, and a
     * 1,000-row INSERT is 16 KB of it.
     */
    public String insertText(ModelMeta<?> meta, List<FieldMeta> cols, int rows, Conflict conflict,
            List<FieldMeta> returning) {
        java.util.concurrent.ConcurrentHashMap<InsertShape, String> texts = insertTexts.get(meta.type());
        InsertShape shape = new InsertShape(cols, rows, conflict, returning);
        String cached = texts.get(shape);
        if (cached != null) {
            return cached;
        }
        Renderer r = new Renderer();
        r.sb.ensureCapacity(64 + rows * (cols.size() * 3 + 2));
        r.sql("INSERT INTO ").table(meta);
        boolean mysql = dialect.kind() == dev.sqlmodel.Dialect.MYSQL;
        if (cols.isEmpty()) {
            r.sql(mysql ? " () VALUES " : " DEFAULT VALUES");
        } else {
            r.sql(" (").columns(cols).sql(") VALUES ");
        }
        if (!cols.isEmpty() || mysql) {
            for (int row = 0; row < rows; row++) {
                r.sql(row == 0 ? "(" : ", (");
                for (int i = 0; i < cols.size(); i++) {
                    r.sql(i == 0 ? "?" : ", ?");
                }
                r.sql(')');
            }
        }
        if (conflict != null) {
            dialect.upsert(r, columnNames(meta, conflict.target()), columnNames(meta, conflict.updates()),
                    keyColumns(meta));
        }
        if (!returning.isEmpty()) {
            r.sql(" RETURNING ").columns(returning);
        }
        String text = r.sb.toString();
        if (texts.size() > 1024) {
            texts.clear(); // many row counts: start over rather than grow without bound
        }
        texts.put(shape, text);
        return text;
    }

    /**
     * {@code UPDATE table SET set... [, version = ?] WHERE key... [AND version = ? | IS NULL]},
     * built once per shape. With a {@code version} field the new version is bound after the
     * set columns, and the old one after the key unless {@code versionNull}.
     */
    public UpdateText updateText(ModelMeta<?> meta, List<FieldMeta> set, FieldMeta version, boolean versionNull) {
        java.util.concurrent.ConcurrentHashMap<UpdateShape, UpdateText> texts = updateTexts.get(meta.type());
        UpdateShape shape = new UpdateShape(set, version != null, versionNull);
        UpdateText cached = texts.get(shape);
        if (cached != null) {
            return cached;
        }
        List<FieldMeta> bound = new ArrayList<>(set);
        Renderer r = new Renderer();
        r.sql("UPDATE ").table(meta).sql(" SET ");
        for (int i = 0; i < set.size(); i++) {
            r.sql(i == 0 ? "" : ", ").sql(dialect.quote(set.get(i).column())).sql(" = ?");
        }
        if (version != null) {
            r.sql(", ").sql(dialect.quote(version.column())).sql(" = ?");
            bound.add(version);
        }
        r.sql(" WHERE ");
        List<FieldMeta> key = meta.keyFields();
        for (int i = 0; i < key.size(); i++) {
            r.sql(i == 0 ? "" : " AND ").sql(dialect.quote(key.get(i).column())).sql(" = ?");
            bound.add(key.get(i));
        }
        if (version != null) {
            r.sql(" AND ").sql(dialect.quote(version.column())).sql(versionNull ? " IS NULL" : " = ?");
            if (!versionNull) {
                bound.add(version);
            }
        }
        UpdateText text = new UpdateText(r.sb.toString(), List.copyOf(bound));
        if (texts.size() > 1024) {
            texts.clear(); // models with many columns changed in many combinations: start over
        }
        texts.put(new UpdateShape(List.copyOf(set), version != null, versionNull), text);
        return text;
    }

    /** The columns an insert writes: every insertable one, the generated key only when some row has it. */
    public static List<FieldMeta> insertColumns(ModelMeta<?> meta, List<?> rows) {
        return columns(meta, keyedRows(meta, rows) > 0);
    }

    /**
     * The columns every one of {@code rows} binds, so that {@link #insertText} describes them:
     * as {@link #insertColumns}, or null when some rows give their generated key and others
     * leave it to the database (those need a placeholder per row).
     */
    public static List<FieldMeta> boundColumns(ModelMeta<?> meta, List<?> rows) {
        int keyed = keyedRows(meta, rows);
        return keyed == 0 || keyed == rows.size() ? columns(meta, keyed > 0) : null;
    }

    /** How many of {@code rows} carry their generated key (0 for a model without one). */
    private static int keyedRows(ModelMeta<?> meta, List<?> rows) {
        if (meta.generatedKey() == null) {
            return 0;
        }
        int keyed = 0;
        for (Object row : rows) {
            if (meta.keyOf(row) != null) {
                keyed++;
            }
        }
        return keyed;
    }

    private static List<FieldMeta> columns(ModelMeta<?> meta, boolean withGeneratedKey) {
        List<FieldMeta> cols = new ArrayList<>();
        for (FieldMeta f : meta.columns()) {
            if (f.insertable() && (f != meta.generatedKey() || withGeneratedKey)) {
                cols.add(f);
            }
        }
        return cols;
    }

    private Compiled update(UpdateNode<?> update, ReturningNode<?> returning) {
        Renderer r = new Renderer();
        ModelMeta<?> meta = ModelRegistry.of(update.model());
        if (update.assignments().isEmpty()) {
            throw new SqlModelException("update of " + meta.tableName() + " sets no column");
        }
        r.sources.add(meta);
        r.sql("UPDATE ").table(meta).sql(" SET ");
        int i = 0;
        for (Assignment a : update.assignments()) {
            if (i++ > 0) {
                r.sql(", ");
            }
            FieldMeta target = r.field(a.column());
            r.sql(dialect.quote(target.column())).sql(" = ");
            r.expr(r.against(target.ordinal() ? target : null, a.value()));
        }
        if (update.whereCondition() != null) {
            r.sql(" WHERE ");
            r.expr(update.whereCondition());
        }
        List<Compiled.Item> items = returning == null ? List.of() : r.returning(meta, returning);
        return r.done(items, returning == null ? null : shapeOf(returning), null);
    }

    private Compiled delete(DeleteNode<?> delete, ReturningNode<?> returning) {
        Renderer r = new Renderer();
        ModelMeta<?> meta = ModelRegistry.of(delete.model());
        r.sources.add(meta);
        r.sql("DELETE FROM ").table(meta);
        if (delete.whereCondition() != null) {
            r.sql(" WHERE ");
            r.expr(delete.whereCondition());
        }
        List<Compiled.Item> items = returning == null ? List.of() : r.returning(meta, returning);
        return r.done(items, returning == null ? null : shapeOf(returning), null);
    }

    /**
     * Compiles a statement with RETURNING.
     *
     * @throws SqlModelException on a dialect without native RETURNING (the session emulates it)
     */
    public Compiled returning(ReturningNode<?> node) {
        if (!dialect.supportsReturning()) {
            throw dialect.unsupported("RETURNING (the session emulates it; toSql cannot)");
        }
        Statement s = node.statement();
        if (s instanceof InsertNode<?> i) {
            return insert(i, 0, i.rows().size(), node);
        }
        if (s instanceof UpdateNode<?> u) {
            return update(u, node);
        }
        if (s instanceof DeleteNode<?> d) {
            return delete(d, node);
        }
        throw new SqlModelException("RETURNING is not available on " + s);
    }

    private static SelectNode.Shape shapeOf(ReturningNode<?> node) {
        return node.model() != null ? SelectNode.Shape.MODEL : SelectNode.Shape.SCALAR;
    }

    private List<String> columnNames(ModelMeta<?> meta, List<Column<?, ?>> columns) {
        List<String> names = new ArrayList<>();
        for (Column<?, ?> c : columns) {
            if (c.model() != meta.type()) {
                throw new MappingException(c + " is not a column of " + meta.type().getName());
            }
            names.add(meta.requireField(c.field()).column());
        }
        return names;
    }

    private static List<String> keyColumns(ModelMeta<?> meta) {
        List<String> keys = new ArrayList<>();
        for (FieldMeta f : meta.keyFields()) {
            keys.add(f.column());
        }
        return keys;
    }

    /**
     * Compiles verbatim SQL: {@code :name} placeholders become {@code ?}, outside string
     * literals, quoted identifiers, comments and PostgreSQL {@code ::} casts.
     *
     * @throws SqlModelException when a placeholder has no value or a value no placeholder
     */
    public Compiled text(TextNode text, Class<?> resultType) {
        String sql = text.sql();
        Map<String, Object> binds = text.binds();
        StringBuilder out = new StringBuilder(sql.length());
        List<Object> params = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                boolean backslash = c != '`' && dialect.backslashEscapesInStrings();
                int end = i + 1;
                while (end < n) {
                    if (backslash && sql.charAt(end) == '\\') {
                        end += 2; // an escaped character, possibly the quote itself
                        continue;
                    }
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                out.append(sql, i, Math.min(end + 1, n));
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end - 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end - 1;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i++;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (binds.containsKey(name)) {
                    Object v = binds.get(name);
                    params.add(v);
                    types.add(v == null ? Object.class : v.getClass());
                    used.add(name);
                } else {
                    missing.add(name);
                }
                out.append('?');
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new SqlModelException("text() has no value for :" + String.join(", :", missing)
                    + " (bind it with .bind(name, value)) [SQL: " + sql + "]");
        }
        if (!used.containsAll(binds.keySet())) {
            Set<String> extra = new LinkedHashSet<>(binds.keySet());
            extra.removeAll(used);
            throw new SqlModelException("text() binds :" + String.join(", :", extra)
                    + " but the SQL has no such placeholder [SQL: " + sql + "]");
        }
        return new Compiled(out.toString(), params, types, List.of(), null, resultType);
    }

    /**
     * The rendering state of one statement: SQL text, parameters, and the tables in scope for
     * column references. Dialect hooks write through it.
     */
    public final class Renderer {
        private final StringBuilder sb = new StringBuilder(128);
        private final List<Object> params = new ArrayList<>();
        private final List<Class<?>> types = new ArrayList<>();
        private final List<ModelMeta<?>> sources = new ArrayList<>();
        private boolean qualify = true;

        Renderer() {
        }

        /** Appends SQL text. */
        public Renderer sql(String text) {
            sb.append(text);
            return this;
        }

        /** Appends one character. */
        public Renderer sql(char c) {
            sb.append(c);
            return this;
        }

        /** Appends a bound parameter. */
        public Renderer param(Object value, Class<?> type) {
            sb.append('?');
            params.add(value);
            types.add(type == null ? Object.class : type);
            return this;
        }

        /**
         * Appends {@code value} bound for the column {@code field}: an enum constant of a column that
         * holds ordinals is sent as its ordinal, as the column's codec would write it.
         */
        public Renderer param(Object value, FieldMeta field) {
            if (field.ordinal() && value != null) {
                return param(field.ordinalOf(value), Integer.class);
            }
            return param(value, field.boxedType());
        }

        /** The ordinal column {@code e} is, or null when it is no column or one that keeps enums by name. */
        private FieldMeta ordinalColumn(Expr<?> e) {
            if (e instanceof ColumnRef<?, ?> c && ModelRegistry.isTable(c.model())) {
                FieldMeta f = ModelRegistry.of(c.model()).requireField(c.field());
                return f.ordinal() ? f : null;
            }
            return null;
        }

        /**
         * {@code e}, or, when it is an enum constant meeting the ordinal column {@code field} (null for
         * none) in a comparison or assignment, a parameter holding the constant's ordinal. The column
         * compares and sorts as a number, so the constant must be one too.
         */
        private Expr<?> against(FieldMeta field, Expr<?> e) {
            if (field != null && e instanceof Param<?> p && p.value() instanceof Enum<?> v) {
                return new Param<>(field.ordinalOf(v), Integer.class);
            }
            return e;
        }

        /** Appends quoted identifiers separated by commas. */
        public Renderer identifiers(List<String> names) {
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(dialect.quote(names.get(i)));
            }
            return this;
        }

        /** Appends the quoted column names of {@code fields}, separated by commas. */
        Renderer columns(List<FieldMeta> fields) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(dialect.quote(fields.get(i).column()));
            }
            return this;
        }

        Renderer table(ModelMeta<?> meta) {
            dialect.table(sb, meta);
            return this;
        }

        Compiled done(List<Compiled.Item> items, SelectNode.Shape shape, Class<?> into) {
            return new Compiled(sb.toString(), params, types, items, shape, into);
        }

        FieldMeta field(Column<?, ?> c) {
            return ModelRegistry.of(c.model()).requireField(c.field());
        }

        // ---- SELECT --------------------------------------------------------------------

        List<Compiled.Item> select(SelectNode<?> s, boolean top) {
            if (!s.setOps().isEmpty()) {
                return compound(s);
            }
            List<Compiled.Item> items = new ArrayList<>();
            List<ModelMeta<?>> from = fromModels(s);
            List<ModelMeta<?>> outer = new ArrayList<>(sources);
            sources.clear();
            sources.addAll(from);
            for (Join j : s.joins()) {
                sources.add(ModelRegistry.of(j.model()));
            }
            sources.addAll(outer);
            sb.append(s.isDistinct() ? "SELECT DISTINCT " : "SELECT ");
            int column = 0;
            for (int i = 0; i < s.items().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                Object item = s.items().get(i);
                if (item instanceof Class<?> type) {
                    ModelMeta<?> meta = ModelRegistry.of(type);
                    items.add(new Compiled.ModelItem(meta, column));
                    List<FieldMeta> cols = meta.columns();
                    for (int k = 0; k < cols.size(); k++) {
                        if (k > 0) {
                            sb.append(", ");
                        }
                        column(meta, cols.get(k));
                    }
                    column += cols.size();
                } else {
                    Expr<?> e = (Expr<?>) item;
                    column++;
                    items.add(new Compiled.ValueItem(e, e.javaType(), column));
                    selectItem(e);
                }
            }
            if (!from.isEmpty()) {
                sb.append(" FROM ");
                for (int i = 0; i < from.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    table(from.get(i));
                }
            }
            List<ModelMeta<?>> joined = new ArrayList<>(from);
            for (Join j : s.joins()) {
                join(j, joined);
            }
            if (s.whereCondition() != null) {
                sb.append(" WHERE ");
                expr(s.whereCondition());
            }
            if (!s.groupByExprs().isEmpty()) {
                sb.append(" GROUP BY ");
                for (int i = 0; i < s.groupByExprs().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    expr(s.groupByExprs().get(i));
                }
            }
            if (s.havingCondition() != null) {
                sb.append(" HAVING ");
                expr(s.havingCondition());
            }
            if (!s.orders().isEmpty()) {
                sb.append(" ORDER BY ");
                for (int i = 0; i < s.orders().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    order(s.orders().get(i), null);
                }
            }
            dialect.limitOffset(this, s.limitValue(), s.offsetValue());
            if (s.lockOptions() != null) {
                dialect.forUpdate(this, s.lockOptions());
            }
            sources.clear();
            sources.addAll(outer);
            return items;
        }

        private List<Compiled.Item> compound(SelectNode<?> s) {
            SelectNode<?> head = s;
            List<SelectNode<?>> parts = new ArrayList<>();
            // The head's own ORDER BY, LIMIT and OFFSET apply to the whole compound.
            SelectNode<?> core = stripTail(head);
            parts.add(core);
            List<Compiled.Item> items = select(core, false);
            for (SelectNode.SetOp op : s.setOps()) {
                sb.append(op.all() ? " UNION ALL " : " UNION ");
                SelectNode<?> part = op.select();
                if (!part.orders().isEmpty() || part.limitValue() != null || part.offsetValue() != null) {
                    throw new SqlModelException("a query joined by union() cannot have its own ORDER BY, LIMIT or "
                            + "OFFSET: put them on the first query, they apply to the whole union");
                }
                select(part, false);
            }
            if (!head.orders().isEmpty()) {
                sb.append(" ORDER BY ");
                for (int i = 0; i < head.orders().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    order(head.orders().get(i), core);
                }
            }
            dialect.limitOffset(this, head.limitValue(), head.offsetValue());
            return items;
        }

        private SelectNode<?> stripTail(SelectNode<?> s) {
            SelectNode<?> core = SelectNode.create(s.items(), s.shape());
            if (s.fromModel() != null) {
                core = core.from(s.fromModel());
            }
            for (Join j : s.joins()) {
                core = switch (j.type()) {
                    case INNER -> j.on() == null ? core.join(j.model()) : core.join(j.model(), j.on());
                    case LEFT -> j.on() == null ? core.leftJoin(j.model()) : core.leftJoin(j.model(), j.on());
                    case RIGHT -> j.on() == null ? core.rightJoin(j.model()) : core.rightJoin(j.model(), j.on());
                    case FULL -> j.on() == null ? core.fullJoin(j.model()) : core.fullJoin(j.model(), j.on());
                };
            }
            if (s.whereCondition() != null) {
                core = core.where(List.of(s.whereCondition()));
            }
            if (!s.groupByExprs().isEmpty()) {
                core = core.groupBy(s.groupByExprs().toArray(new Expr<?>[0]));
            }
            if (s.havingCondition() != null) {
                core = core.having(s.havingCondition());
            }
            if (s.isDistinct()) {
                core = core.distinct();
            }
            return core;
        }

        /** FROM holds the explicit model, else the models of the select items that are not joined. */
        private List<ModelMeta<?>> fromModels(SelectNode<?> s) {
            Set<Class<?>> joined = new LinkedHashSet<>();
            for (Join j : s.joins()) {
                joined.add(j.model());
            }
            Set<Class<?>> from = new LinkedHashSet<>();
            if (s.fromModel() != null) {
                from.add(s.fromModel());
            } else {
                for (Object item : s.items()) {
                    if (item instanceof Class<?> c) {
                        from.add(c);
                    } else {
                        collectModels((Expr<?>) item, from);
                    }
                }
                from.removeAll(joined);
                if (from.isEmpty() && !joined.isEmpty()) {
                    throw new SqlModelException("select joins " + joined + " but has nothing to join them to: add from()");
                }
            }
            List<ModelMeta<?>> metas = new ArrayList<>();
            for (Class<?> c : from) {
                metas.add(ModelRegistry.of(c));
            }
            return metas;
        }

        private void collectModels(Expr<?> e, Set<Class<?>> out) {
            if (e instanceof ColumnRef<?, ?> c) {
                out.add(c.model());
            } else if (e instanceof Named<?> n) {
                collectModels(n.expr(), out);
            } else if (e instanceof Fn<?> f) {
                for (Expr<?> a : f.args()) {
                    collectModels(a, out);
                }
            } else if (e instanceof Binary<?> b) {
                collectModels(b.left(), out);
                collectModels(b.right(), out);
            } else if (e instanceof Unary<?> u) {
                collectModels(u.operand(), out);
            } else if (e instanceof Cast<?> c) {
                collectModels(c.operand(), out);
            } else if (e instanceof CaseNode<?> c) {
                for (CaseNode.When w : c.whens()) {
                    collectModels(w.condition(), out);
                    collectModels(w.result(), out);
                }
                if (c.otherwise() != null) {
                    collectModels(c.otherwise(), out);
                }
            }
        }

        private void join(Join j, List<ModelMeta<?>> joined) {
            ModelMeta<?> target = ModelRegistry.of(j.model());
            if (j.type() == JoinType.FULL && !dialect.supportsFullJoin()) {
                throw dialect.unsupported("FULL OUTER JOIN");
            }
            if (j.type() == JoinType.RIGHT && !dialect.supportsRightJoin()) {
                throw dialect.unsupported("RIGHT OUTER JOIN");
            }
            sb.append(switch (j.type()) {
                case INNER -> " JOIN ";
                case LEFT -> " LEFT OUTER JOIN ";
                case RIGHT -> " RIGHT OUTER JOIN ";
                case FULL -> " FULL OUTER JOIN ";
            });
            table(target).sql(" ON ");
            if (j.on() != null) {
                expr(j.on());
            } else {
                inferredOn(target, joined);
            }
            joined.add(target);
        }

        private void inferredOn(ModelMeta<?> target, List<ModelMeta<?>> joined) {
            // Each candidate: {child, parent, foreign key}; composite keys are one candidate.
            List<Object[]> matches = new ArrayList<>();
            for (ModelMeta<?> other : joined) {
                for (ForeignKey fk : ForeignKey.of(target)) {
                    if (fk.refTable().equalsIgnoreCase(other.tableName())) {
                        matches.add(new Object[] {target, other, fk});
                    }
                }
                if (other != target) {
                    for (ForeignKey fk : ForeignKey.of(other)) {
                        if (fk.refTable().equalsIgnoreCase(target.tableName())) {
                            matches.add(new Object[] {other, target, fk});
                        }
                    }
                }
            }
            if (matches.size() != 1) {
                throw new MappingException("cannot infer the join condition for " + target.type().getName() + ": "
                        + (matches.isEmpty() ? "no foreign key" : matches.size() + " foreign keys")
                        + " between it and the tables already in the query; pass the ON condition: join("
                        + target.type().getSimpleName() + ".class, ...)");
            }
            ModelMeta<?> child = (ModelMeta<?>) matches.get(0)[0];
            ModelMeta<?> parent = (ModelMeta<?>) matches.get(0)[1];
            ForeignKey fk = (ForeignKey) matches.get(0)[2];
            for (int i = 0; i < fk.columns().size(); i++) {
                if (i > 0) {
                    sb.append(" AND ");
                }
                qualified(child.tableName(), fk.columns().get(i).column());
                sb.append(" = ");
                qualified(parent.tableName(), fk.refColumns().get(i));
            }
        }

        private void order(Order o, SelectNode<?> compound) {
            boolean emulateNulls = o.nulls() != Order.Nulls.DEFAULT && !dialect.supportsNullsOrdering();
            if (emulateNulls) {
                // Sort on "is null" first: NULLs first means true (1) sorts before false (0).
                sb.append('(');
                if (compound != null) {
                    // Inside an expression an ordinal is a constant, not a column: use the label.
                    sb.append(dialect.quote(resultLabel(compound, o.expr())));
                } else {
                    orderTarget(o, compound);
                }
                sb.append(o.nulls() == Order.Nulls.FIRST ? " IS NULL) DESC, " : " IS NULL) ASC, ");
            }
            orderTarget(o, compound);
            if (o.descending()) {
                sb.append(" DESC");
            }
            if (!emulateNulls && o.nulls() != Order.Nulls.DEFAULT) {
                sb.append(o.nulls() == Order.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
            }
        }

        private void orderTarget(Order o, SelectNode<?> compound) {
            if (compound != null) {
                int ordinal = ordinal(compound, o.expr());
                if (ordinal < 1) {
                    throw new SqlModelException("ORDER BY of a union must use a selected column: " + o.expr());
                }
                sb.append(ordinal);
            } else if (o.expr() instanceof Named<?> n) {
                sb.append(dialect.quote(n.alias()));
            } else {
                expr(o.expr());
            }
        }

        private int ordinal(SelectNode<?> s, Expr<?> e) {
            int column = 0;
            for (Object item : s.items()) {
                if (item instanceof Class<?> type) {
                    ModelMeta<?> meta = ModelRegistry.of(type);
                    if (e instanceof ColumnRef<?, ?> c && c.model() == type) {
                        return column + meta.requireField(c.field()).position() + 1;
                    }
                    column += meta.columns().size();
                } else {
                    column++;
                    if (item.equals(e) || item instanceof Named<?> n && (n.expr().equals(e) || n.equals(e))) {
                        return column;
                    }
                }
            }
            return -1;
        }

        /**
         * The label of the result column of {@code s} that {@code e} names.
         *
         * @throws SqlModelException when that column has no label or shares it with another
         */
        private String resultLabel(SelectNode<?> s, Expr<?> e) {
            List<String> labels = new ArrayList<>();
            for (Object item : s.items()) {
                if (item instanceof Class<?> type) {
                    for (FieldMeta f : ModelRegistry.of(type).columns()) {
                        labels.add(f.column());
                    }
                } else if (item instanceof Named<?> n) {
                    labels.add(n.alias());
                } else if (item instanceof ColumnRef<?, ?> c) {
                    labels.add(field(c).column());
                } else if (item instanceof NamedColumn n) {
                    labels.add(n.column());
                } else {
                    labels.add(null);
                }
            }
            int ordinal = ordinal(s, e);
            String label = ordinal < 1 ? null : labels.get(ordinal - 1);
            if (label == null || labels.indexOf(label) != labels.lastIndexOf(label)) {
                throw dialect.unsupported("NULLS FIRST/LAST on the union result column " + e
                        + ", which has no unique name (label it with as()),");
            }
            return label;
        }

        private void selectItem(Expr<?> e) {
            if (e instanceof Named<?> n) {
                expr(n.expr());
                sb.append(" AS ").append(dialect.quote(n.alias()));
            } else {
                expr(e);
            }
        }

        private void column(ModelMeta<?> meta, FieldMeta f) {
            if (qualify) {
                qualified(meta.tableName(), f.column());
            } else {
                sb.append(dialect.quote(f.column()));
            }
        }

        private void qualified(String table, String column) {
            sb.append(dialect.quote(table)).append('.').append(dialect.quote(column));
        }

        List<Compiled.Item> returning(ModelMeta<?> meta, ReturningNode<?> node) {
            sb.append(" RETURNING ");
            boolean saved = qualify;
            qualify = false;
            try {
                if (node.model() != null) {
                    List<FieldMeta> cols = meta.columns();
                    for (int k = 0; k < cols.size(); k++) {
                        if (k > 0) {
                            sb.append(", ");
                        }
                        sb.append(dialect.quote(cols.get(k).column()));
                    }
                    return List.of(new Compiled.ModelItem(meta, 0));
                }
                selectItem(node.expr());
                return List.of(new Compiled.ValueItem(node.expr(), node.expr().javaType(), 1));
            } finally {
                qualify = saved;
            }
        }

        // ---- expressions ----------------------------------------------------------------

        /** Renders any expression. */
        public void expr(Expr<?> e) {
            if (e instanceof ColumnRef<?, ?> c) {
                ModelMeta<?> meta = ModelRegistry.of(c.model());
                column(meta, meta.requireField(c.field()));
            } else if (e instanceof Param<?> p) {
                param(p.value(), p.javaType());
            } else if (e instanceof Binary<?> b) {
                binary(b);
            } else if (e instanceof Junction j) {
                sb.append('(');
                for (int i = 0; i < j.conditions().size(); i++) {
                    if (i > 0) {
                        sb.append(j.op() == BinaryOp.AND ? " AND " : " OR ");
                    }
                    expr(j.conditions().get(i));
                }
                sb.append(')');
            } else if (e instanceof BoolConst b) {
                sb.append(b.value() ? "(1 = 1)" : "(1 = 0)");
            } else if (e instanceof Unary<?> u) {
                unary(u);
            } else if (e instanceof Like l) {
                like(l);
            } else if (e instanceof InList in) {
                expr(in.operand());
                sb.append(in.negated() ? " NOT IN (" : " IN (");
                FieldMeta ordinal = ordinalColumn(in.operand());
                for (int i = 0; i < in.values().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    expr(against(ordinal, in.values().get(i)));
                }
                sb.append(')');
            } else if (e instanceof InSelect in) {
                expr(in.operand());
                sb.append(in.negated() ? " NOT IN (" : " IN (");
                SelectNode<?> sub = in.select();
                boolean limited = sub.limitValue() != null || sub.offsetValue() != null;
                if (limited && !dialect.supportsLimitInInSubquery()) {
                    // The database refuses LIMIT right inside IN but takes it one derived table down.
                    sb.append("SELECT * FROM (");
                    select(sub, false);
                    sb.append(") AS ").append(dialect.quote("in_subquery"));
                } else {
                    select(sub, false);
                }
                sb.append(')');
            } else if (e instanceof Between b) {
                sb.append('(');
                expr(b.operand());
                sb.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
                FieldMeta ordinal = ordinalColumn(b.operand());
                expr(against(ordinal, b.low()));
                sb.append(" AND ");
                expr(against(ordinal, b.high()));
                sb.append(')');
            } else if (e instanceof Fn<?> f) {
                function(f);
            } else if (e instanceof Cast<?> c) {
                sb.append("CAST(");
                expr(c.operand());
                sb.append(" AS ").append(c.sqlType()).append(')');
            } else if (e instanceof Named<?> n) {
                expr(n.expr());
            } else if (e instanceof NamedColumn n) {
                if (n.table() != null) {
                    qualified(n.table(), n.column());
                } else {
                    sb.append(dialect.quote(n.column()));
                }
            } else if (e instanceof CaseNode<?> c) {
                sb.append("CASE");
                for (CaseNode.When w : c.whens()) {
                    sb.append(" WHEN ");
                    expr(w.condition());
                    sb.append(" THEN ");
                    expr(w.result());
                }
                if (c.otherwise() != null) {
                    sb.append(" ELSE ");
                    expr(c.otherwise());
                }
                sb.append(" END");
            } else if (e instanceof Raw<?> raw) {
                rawSql(raw);
            } else if (e instanceof Subquery<?> s) {
                sb.append('(');
                select(s.select(), false);
                sb.append(')');
            } else if (e instanceof Exists x) {
                sb.append(x.negated() ? "NOT EXISTS (" : "EXISTS (");
                select(x.select(), false);
                sb.append(')');
            } else {
                throw new SqlModelException("cannot render expression " + e.getClass().getName());
            }
        }

        private void rawSql(Raw<?> raw) {
            String sql = raw.sql();
            int next = 0;
            int count = 0;
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '?') {
                    if (next >= raw.params().size()) {
                        throw new SqlModelException("raw SQL has more ? than parameters: " + sql);
                    }
                    Object v = raw.params().get(next++);
                    if (v instanceof Expr<?> inner) {
                        expr(inner);
                    } else {
                        param(v, v == null ? Object.class : v.getClass());
                    }
                    count++;
                } else {
                    sb.append(c);
                }
            }
            if (count != raw.params().size()) {
                throw new SqlModelException("raw SQL has " + count + " ? but " + raw.params().size() + " parameters: " + sql);
            }
        }

        private void binary(Binary<?> b) {
            FieldMeta leftOrdinal = ordinalColumn(b.left());
            FieldMeta rightOrdinal = ordinalColumn(b.right());
            if (leftOrdinal != null || rightOrdinal != null) {
                Expr<?> left = against(rightOrdinal, b.left());
                Expr<?> right = against(leftOrdinal, b.right());
                if (left != b.left() || right != b.right()) {
                    b = new Binary<>(b.op(), left, right, b.javaType());
                }
            }
            if (b.op() == BinaryOp.DIV && !(integral(b.left()) && integral(b.right()))) {
                dialect.exactDivision(this, b.left(), b.right());
                return;
            }
            if (b.op() == BinaryOp.MOD && !(integral(b.left()) && integral(b.right()))) {
                dialect.exactModulo(this, b.left(), b.right());
                return;
            }
            switch (b.op()) {
                case IS_DISTINCT_FROM -> dialect.distinctFrom(this, b.left(), b.right(), true);
                case IS_NOT_DISTINCT_FROM -> dialect.distinctFrom(this, b.left(), b.right(), false);
                default -> {
                    sb.append('(');
                    expr(b.left());
                    sb.append(switch (b.op()) {
                        case EQ -> " = ";
                        case NE -> " <> ";
                        case LT -> " < ";
                        case LE -> " <= ";
                        case GT -> " > ";
                        case GE -> " >= ";
                        case ADD -> " + ";
                        case SUB -> " - ";
                        case MUL -> " * ";
                        case DIV -> dialect.integerDivision();
                        case MOD -> " % "; // integers only: see exactModulo
                        case AND -> " AND ";
                        case OR -> " OR ";
                        default -> throw new IllegalStateException(b.op().toString());
                    });
                    expr(b.right());
                    sb.append(')');
                }
            }
        }

        private boolean integral(Expr<?> e) {
            return Types.integer(e.javaType());
        }

        private void unary(Unary<?> u) {
            switch (u.op()) {
                case NOT -> {
                    sb.append("NOT ");
                    parenthesized(u.operand());
                }
                case NEG -> {
                    sb.append('-');
                    parenthesized(u.operand());
                }
                case IS_NULL -> {
                    sb.append('(');
                    expr(u.operand());
                    sb.append(" IS NULL)");
                }
                case IS_NOT_NULL -> {
                    sb.append('(');
                    expr(u.operand());
                    sb.append(" IS NOT NULL)");
                }
                default -> throw new IllegalStateException(u.op().toString());
            }
        }

        private void parenthesized(Expr<?> e) {
            sb.append('(');
            expr(e);
            sb.append(')');
        }

        private void like(Like l) {
            // ESCAPE must follow the pattern of its own LIKE; the dialect places it when it
            // renders a case-insensitive match (LOWER(...) wrappers would otherwise swallow it).
            String escape = l.escaped() ? " ESCAPE '" + Like.ESCAPE + "'" : "";
            if (l.caseInsensitive()) {
                dialect.ilike(this, l.operand(), l.pattern(), l.negated(), escape);
            } else if (l.escaped()) {
                dialect.literalMatch(this, l.operand(), l.pattern(), l.negated(), escape);
            } else {
                sb.append('(');
                expr(l.operand());
                sb.append(l.negated() ? " NOT LIKE " : " LIKE ");
                expr(l.pattern());
                sb.append(escape).append(')');
            }
        }

        private void function(Fn<?> f) {
            List<Expr<?>> a = f.args();
            switch (f.kind()) {
                case CONCAT -> dialect.concat(this, a);
                case ROUND -> dialect.round(this, a.get(0), a.get(1));
                case LENGTH -> call(dialect.lengthFunction(), a);
                case COUNT_STAR -> sb.append("COUNT(*)");
                case AVG -> dialect.avg(this, a.get(0));
                case MIN, MAX -> dialect.minMax(this, f.kind() == dev.sqlmodel.ast.FnKind.MAX, a.get(0));
                case COUNT_DISTINCT -> {
                    sb.append("COUNT(DISTINCT ");
                    expr(a.get(0));
                    sb.append(')');
                }
                case CUSTOM -> {
                    if (!FUNCTION_NAME.matcher(f.name()).matches()) {
                        throw new SqlModelException("invalid SQL function name '" + f.name() + "'");
                    }
                    call(f.name(), a);
                }
                default -> call(f.kind().name(), a);
            }
        }

        private void call(String name, List<Expr<?>> args) {
            sb.append(name).append('(');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                expr(args.get(i));
            }
            sb.append(')');
        }
    }
}
