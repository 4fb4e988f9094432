package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Engine;
import dev.sqlmodel.Expr;
import dev.sqlmodel.Order;
import dev.sqlmodel.Select;
import dev.sqlmodel.Sql;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.meta.FieldMeta;
import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.page.PageRequest;
import jakarta.data.page.impl.CursoredPageRecord;
import jakarta.data.page.impl.PageRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A read, count, exists or bulk delete: query by method name, {@code @Find}, parameter-based {@code @Delete}, and the
 * SELECT form of {@code @Query}. The plan holds the entity, the restriction (a function of the call's arguments),
 * the static sort and where the special parameters are; each call builds the statement from it.
 *
 * <p>Sorting follows Jakarta Data's precedence: the static order (the query's ORDER BY, {@code OrderBy} in the
 * name or {@code @OrderBy}) first, then {@code Sort}, {@code Sort...} and {@code Order} parameters in parameter
 * order. A {@code CursoredPage} is read by keyset: the sort keys, with the key attribute appended when the sort
 * does not already include it so that every row has a distinct position; a cursor holds the values of those keys
 * (a cursor built by the application may leave the appended key out). The next page takes the rows after the
 * cursor in sort order, the previous page the rows before it, read in reverse order and turned around. One more
 * row than the page size is read to learn whether a further page exists in that direction. A null key sorts as
 * greater than every value (NULLS LAST ascending, NULLS FIRST descending, on every database), so rows with null
 * keys keep their place between pages.
 */
final class QueryPlan implements MethodPlan {

    enum Action { FIND, COUNT, EXISTS, DELETE }

    /** What the plan is built from. */
    static final class Spec {
        String method;
        Action action = Action.FIND;
        EntityModel entity;
        Function<Object[], Expr<Boolean>> where = args -> null;
        /** A projection instead of the entity (JDQL SELECT of one expression), or null. */
        Expr<?> selection;
        List<Order> fixedOrder = List.of();
        List<SortKey> staticSort = List.of();
        List<Integer> sortParams = new ArrayList<>();
        int limitParam = -1;
        int pageParam = -1;
        int first;
        ResultShape shape;
        /** The argument that is the key when the whole query is "the entity with this key", else -1. */
        int byIdParam = -1;
    }

    private final Spec spec;
    private final EntityModel entity;
    private final ResultShape shape;

    QueryPlan(Spec spec) {
        this.spec = spec;
        this.entity = spec.entity;
        this.shape = spec.shape;
    }

    @Override
    public Object invoke(Engine engine, Object[] args) {
        StatelessSession s = null;
        boolean keepOpen = false;
        try {
            s = engine.stateless();
            Object result = run(s, args);
            if (result instanceof Stream<?> stream) {
                keepOpen = true;
                StatelessSession session = s;
                return translating(stream).onClose(session::close);
            }
            return result;
        } catch (RuntimeException e) {
            throw DataErrors.translate(e, false);
        } finally {
            if (s != null && !keepOpen) {
                s.close();
            }
        }
    }

    /** The stream with database failures met while it is read turned into Jakarta Data's exceptions. */
    private static <T> Stream<T> translating(Stream<T> stream) {
        Spliterator<T> source = stream.spliterator();
        Spliterator<T> guarded = new Spliterators.AbstractSpliterator<>(source.estimateSize(),
                source.characteristics() & ~Spliterator.SIZED) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                try {
                    return source.tryAdvance(action);
                } catch (RuntimeException e) {
                    throw DataErrors.translate(e, false);
                }
            }
        };
        return StreamSupport.stream(guarded, false).onClose(stream::close);
    }

    private Object run(StatelessSession s, Object[] args) {
        if (spec.byIdParam >= 0) {
            Object id = args[spec.byIdParam];
            if (id == null) {
                throw new NullPointerException(spec.method + ": the id is null");
            }
            Optional<?> found = s.get(entity.type(), id);
            if (shape.kind() == ResultShape.Kind.OPTIONAL) {
                return found;
            }
            return found.orElseThrow(() -> new EmptyResultException(spec.method + ": no " + entity.type().getSimpleName()
                    + " has id " + id));
        }
        Expr<Boolean> where = spec.where.apply(args);
        return switch (spec.action) {
            case COUNT -> shape.count(count(s, where));
            case EXISTS -> exists(s, where);
            case DELETE -> {
                var delete = Sql.delete(entity.type());
                long n = s.execute(where == null ? delete : delete.where(where));
                yield shape.count(n);
            }
            case FIND -> find(s, args, where);
        };
    }

    private long count(StatelessSession s, Expr<Boolean> where) {
        Select<Long> count = Sql.select(Expr.count()).from(entity.type());
        if (where != null) {
            count = count.where(where);
        }
        Long n = s.exec(count).one();
        return n == null ? 0 : n;
    }

    private boolean exists(StatelessSession s, Expr<Boolean> where) {
        Select<Integer> one = Sql.select(Expr.val(1)).from(entity.type());
        if (where != null) {
            one = one.where(where);
        }
        return s.exec(one.limit(1)).first().isPresent();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Select<Object> base(Expr<Boolean> where) {
        Select<Object> select = spec.selection == null ? (Select) Sql.select(entity.type())
                : (Select) Sql.select(spec.selection).from(entity.type());
        return where == null ? select : select.where(where);
    }

    /** The sort of the call: static first, then the Sort and Order arguments in parameter order. */
    private List<SortKey> sortKeys(Object[] args) {
        if (spec.sortParams.isEmpty()) {
            return spec.staticSort;
        }
        List<SortKey> keys = new ArrayList<>(spec.staticSort);
        for (int i : spec.sortParams) {
            Object arg = args[i];
            if (arg instanceof Sort<?> sort) {
                keys.add(key(sort));
            } else if (arg instanceof Sort<?>[] sorts) {
                for (Sort<?> sort : sorts) {
                    if (sort != null) {
                        keys.add(key(sort));
                    }
                }
            } else if (arg instanceof jakarta.data.Order<?> order) {
                for (Sort<?> sort : order.sorts()) {
                    keys.add(key(sort));
                }
            }
        }
        return keys;
    }

    private SortKey key(Sort<?> sort) {
        FieldMeta f = entity.attribute(sort.property());
        if (f == null) {
            throw new IllegalArgumentException(spec.method + ": cannot sort by \"" + sort.property() + "\": "
                    + entity.type().getSimpleName() + " has no such attribute (attributes: "
                    + String.join(", ", entity.attributeNames()) + ")");
        }
        return SortKey.of(entity, f, sort.isDescending(), sort.ignoreCase());
    }

    private Select<Object> ordered(Select<Object> select, List<SortKey> keys, boolean reversed) {
        return ordered(select, keys, reversed, false);
    }

    private Select<Object> ordered(Select<Object> select, List<SortKey> keys, boolean reversed, boolean keyset) {
        List<Order> orders = new ArrayList<>(spec.fixedOrder.size() + keys.size());
        orders.addAll(spec.fixedOrder);
        for (SortKey k : keys) {
            orders.add(keyset ? k.cursorOrder(reversed) : k.order(reversed));
        }
        return orders.isEmpty() ? select : select.orderBy(orders.toArray(Order[]::new));
    }

    private Object find(StatelessSession s, Object[] args, Expr<Boolean> where) {
        List<SortKey> keys = sortKeys(args);
        switch (shape.kind()) {
            case PAGE -> {
                return page(s, args, where, keys);
            }
            case CURSORED_PAGE -> {
                return cursoredPage(s, args, where, keys);
            }
            default -> {
            }
        }
        Select<Object> select = ordered(base(where), keys, false);
        long offset = 0;
        long max = -1;
        if (spec.first > 0) {
            max = spec.first;
        }
        if (spec.limitParam >= 0 && args[spec.limitParam] instanceof Limit limit) {
            offset = limit.startAt() - 1;
            max = limit.maxResults();
        }
        if (spec.pageParam >= 0) {
            PageRequest request = pageRequest(args);
            if (request.mode() != PageRequest.Mode.OFFSET) {
                throw new IllegalArgumentException(spec.method + ": a cursor needs a CursoredPage result");
            }
            offset = (request.page() - 1) * request.size();
            max = request.size();
        }
        if (shape.kind() == ResultShape.Kind.SINGLE || shape.kind() == ResultShape.Kind.OPTIONAL) {
            if (max < 0 || max > 2) {
                max = 2;
            }
        }
        if (offset > 0) {
            select = select.offset(offset);
        }
        if (max >= 0) {
            select = select.limit(max);
        }
        return switch (shape.kind()) {
            case STREAM -> {
                Stream<Object> stream = s.exec(select).stream();
                yield needsConversion() ? stream.map(this::convert) : stream;
            }
            case LIST -> converted(s.exec(select).all());
            case ARRAY -> shape.array(converted(s.exec(select).all()));
            case SINGLE, OPTIONAL -> {
                List<Object> rows = s.exec(select).all();
                if (rows.size() > 1) {
                    throw new NonUniqueResultException(spec.method + ": more than one result");
                }
                if (rows.isEmpty()) {
                    if (shape.kind() == ResultShape.Kind.OPTIONAL) {
                        yield Optional.empty();
                    }
                    throw new EmptyResultException(spec.method + ": no result");
                }
                Object value = convert(rows.get(0));
                yield shape.kind() == ResultShape.Kind.OPTIONAL ? Optional.ofNullable(value) : value;
            }
            case LONG, INT, BOOLEAN -> {
                // A query that selects one aggregate, such as COUNT(THIS).
                Object value = s.exec(select).one();
                if (shape.kind() == ResultShape.Kind.BOOLEAN) {
                    yield value instanceof Boolean b ? b : value instanceof Number n && n.longValue() != 0;
                }
                yield shape.count(value == null ? 0 : ((Number) value).longValue());
            }
            default -> throw new IllegalStateException(shape.toString());
        };
    }

    private PageRequest pageRequest(Object[] args) {
        Object arg = args[spec.pageParam];
        if (arg == null) {
            throw new NullPointerException(spec.method + ": the PageRequest is null");
        }
        return (PageRequest) arg;
    }

    private Object page(StatelessSession s, Object[] args, Expr<Boolean> where, List<SortKey> keys) {
        PageRequest request = pageRequest(args);
        if (request.mode() != PageRequest.Mode.OFFSET) {
            throw new IllegalArgumentException(spec.method + ": a cursor needs a CursoredPage result, not a Page");
        }
        int size = request.size();
        Select<Object> select = ordered(base(where), keys, false);
        long offset = (request.page() - 1) * size;
        if (offset > 0) {
            select = select.offset(offset);
        }
        List<Object> rows = s.exec(select.limit(request.requestTotal() ? size : size + 1L)).all();
        if (request.requestTotal()) {
            long total = count(s, where);
            return new PageRecord<>(request, converted(rows), total, total > request.page() * size);
        }
        boolean more = rows.size() > size;
        List<Object> content = more ? rows.subList(0, size) : rows;
        return new PageRecord<>(request, converted(new ArrayList<>(content)), -1, more);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object cursoredPage(StatelessSession s, Object[] args, Expr<Boolean> where, List<SortKey> keys) {
        PageRequest request = pageRequest(args);
        List<SortKey> keyset = keys;
        FieldMeta id = entity.id();
        if (id != null && keys.stream().noneMatch(k -> k.field() == id)) {
            keyset = new ArrayList<>(keys);
            keyset.add(SortKey.of(entity, id, false, false));
        }
        int size = request.size();
        boolean backwards = request.mode() == PageRequest.Mode.CURSOR_PREVIOUS;
        Select<Object> select = base(where);
        if (request.mode() == PageRequest.Mode.OFFSET) {
            long offset = (request.page() - 1) * size;
            if (offset > 0) {
                select = select.offset(offset);
            }
        } else {
            PageRequest.Cursor cursor = request.cursor().orElseThrow();
            int n = cursor.size();
            if (n != keyset.size() && n != keys.size() || n == 0) {
                throw new IllegalArgumentException(spec.method + ": the cursor has " + n + " values but the sort has "
                        + keys.size() + " keys (" + keys.stream().map(k -> k.field().name()).toList() + ")");
            }
            select = select.where(after(keyset.subList(0, n), cursor, backwards));
        }
        select = ordered(select, keyset, backwards, true).limit(size + 1L);
        List<Object> rows = new ArrayList<>(s.exec(select).all());
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        List<PageRequest.Cursor> cursors = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] values = new Object[keyset.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = keyset.get(i).field().get(row);
            }
            cursors.add(PageRequest.Cursor.forKey(values));
        }
        long total = request.requestTotal() ? count(s, where) : -1;
        PageRequest next = null;
        PageRequest previous = null;
        if (!rows.isEmpty()) {
            boolean hasNext = switch (request.mode()) {
                case OFFSET, CURSOR_NEXT -> more;
                case CURSOR_PREVIOUS -> true;
            };
            boolean hasPrevious = switch (request.mode()) {
                case OFFSET -> request.page() > 1;
                case CURSOR_NEXT -> true;
                case CURSOR_PREVIOUS -> more;
            };
            if (hasNext) {
                next = PageRequest.afterCursor(cursors.get(cursors.size() - 1), request.page() + 1, size,
                        request.requestTotal());
            }
            if (hasPrevious) {
                previous = PageRequest.beforeCursor(cursors.get(0), Math.max(1, request.page() - 1), size,
                        request.requestTotal());
            }
        }
        return new CursoredPageRecord(rows, cursors, total, request, next, previous);
    }

    /**
     * The rows after the cursor in sort order (before it when reading backwards):
     * {@code k1 > c1 OR (k1 = c1 AND k2 > c2) OR ...}, with {@code <} for descending keys; a null key value
     * counts as greater than every other value, as {@link SortKey#cursorOrder} sorts it.
     */
    private static Expr<Boolean> after(List<SortKey> keys, PageRequest.Cursor cursor, boolean backwards) {
        List<Expr<Boolean>> ors = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            List<Expr<Boolean>> ands = new ArrayList<>(i + 1);
            for (int j = 0; j < i; j++) {
                ands.add(keys.get(j).equalTo(cursor.get(j)));
            }
            SortKey k = keys.get(i);
            ands.add(k.beyond(cursor.get(i), k.descending() == backwards));
            ors.add(ands.size() == 1 ? ands.get(0) : Expr.and(ands));
        }
        return ors.size() == 1 ? ors.get(0) : Expr.or(ors);
    }

    private boolean needsConversion() {
        return spec.selection != null;
    }

    private List<Object> converted(List<Object> rows) {
        if (!needsConversion()) {
            return rows;
        }
        List<Object> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            out.add(convert(row));
        }
        return out;
    }

    /** A projected value as the declared element type (numbers widened or narrowed, a one-letter text as a char). */
    private Object convert(Object value) {
        return Values.convert(value, shape.element());
    }

    @Override
    public String toString() {
        return spec.method;
    }
}
