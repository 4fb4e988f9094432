package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Expr;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.data.runtime.jdql.JdqlQuery;
import dev.sqlmodel.impl.meta.FieldMeta;
import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.By;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Param;
import jakarta.data.repository.Query;
import jakarta.data.repository.Save;
import jakarta.data.repository.Update;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads one repository interface's methods into plans; a method it cannot implement is a {@link MappingException}. */
final class Planner {

    private final Class<?> repository;
    private final Generics generics;
    private final Class<?> primaryEntity;
    private final Set<Class<?>> entities = new LinkedHashSet<>();

    Planner(Class<?> repository) {
        this.repository = repository;
        this.generics = new Generics(repository);
        Class<?> declared = Generics.raw(generics.resolve(DataRepository.class.getTypeParameters()[0]));
        Class<?> primary = EntityModel.isEntity(declared) ? declared : null;
        for (Method m : repository.getMethods()) {
            if (isLifecycle(m) && m.getParameterCount() == 1) {
                Class<?> e = entityOfArgument(generics.parameterType(m, 0));
                if (EntityModel.isEntity(e)) {
                    entities.add(e);
                }
            }
        }
        if (primary == null && entities.size() == 1) {
            primary = entities.iterator().next();
        }
        this.primaryEntity = primary;
        if (primary != null) {
            entities.add(primary);
        }
    }

    private static boolean isLifecycle(Method m) {
        return m.isAnnotationPresent(Insert.class) || m.isAnnotationPresent(Update.class)
                || m.isAnnotationPresent(Save.class)
                || m.isAnnotationPresent(Delete.class) && m.getParameterCount() == 1
                        && !m.getParameters()[0].isAnnotationPresent(By.class);
    }

    /** The entity class of a lifecycle argument: the class itself, an array's component, an Iterable's element. */
    private static Class<?> entityOfArgument(Type type) {
        Class<?> raw = Generics.raw(type);
        if (raw.isArray()) {
            return raw.getComponentType();
        }
        if (Iterable.class.isAssignableFrom(raw)) {
            return Generics.raw(Generics.argument(type, 0));
        }
        return raw;
    }

    private MappingException fail(Method m, String reason) {
        return new MappingException("Repository " + repository.getName() + ", method " + describe(m) + ": " + reason);
    }

    private static String describe(Method m) {
        StringBuilder s = new StringBuilder(m.getName()).append('(');
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            s.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return s.append(')').toString();
    }

    private String label(Method m) {
        return repository.getSimpleName() + "." + m.getName();
    }

    private static final List<Class<? extends java.lang.annotation.Annotation>> OPERATIONS = List.of(Insert.class,
            Update.class, Delete.class, Save.class, Query.class, Find.class);

    MethodPlan plan(Method m) {
        List<String> operations = new ArrayList<>();
        for (Class<? extends java.lang.annotation.Annotation> a : OPERATIONS) {
            if (m.isAnnotationPresent(a)) {
                operations.add("@" + a.getSimpleName());
            }
        }
        if (operations.size() > 1) {
            throw fail(m, String.join(" and ", operations) + " exclude each other: keep one");
        }
        if (m.isAnnotationPresent(Query.class) && m.getAnnotationsByType(OrderBy.class).length > 0) {
            throw fail(m, "@OrderBy cannot be combined with @Query: write ORDER BY in the query");
        }
        try {
            if (m.isAnnotationPresent(Insert.class)) {
                return lifecycle(m, LifecyclePlan.Kind.INSERT);
            }
            if (m.isAnnotationPresent(Update.class)) {
                return lifecycle(m, LifecyclePlan.Kind.UPDATE);
            }
            if (m.isAnnotationPresent(Save.class)) {
                return lifecycle(m, LifecyclePlan.Kind.SAVE);
            }
            if (m.isAnnotationPresent(Delete.class) && isLifecycle(m)
                    && EntityModel.isEntity(entityOfArgument(generics.parameterType(m, 0)))) {
                return lifecycle(m, LifecyclePlan.Kind.DELETE);
            }
            if (m.isAnnotationPresent(Query.class)) {
                return jdql(m, m.getAnnotation(Query.class).value());
            }
            if (m.isAnnotationPresent(Find.class)) {
                return byParameters(m, QueryPlan.Action.FIND);
            }
            if (m.isAnnotationPresent(Delete.class)) {
                return byParameters(m, QueryPlan.Action.DELETE);
            }
            return byName(m);
        } catch (MappingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw fail(m, e.getMessage());
        }
    }

    // ---- lifecycle methods --------------------------------------------------------------------

    private MethodPlan lifecycle(Method m, LifecyclePlan.Kind kind) {
        String what = "@" + kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        if (m.getParameterCount() != 1) {
            throw fail(m, what + " needs exactly one parameter: an entity, an array or an Iterable of entities");
        }
        Type paramType = generics.parameterType(m, 0);
        Class<?> raw = Generics.raw(paramType);
        Class<?> entity = entityOfArgument(paramType);
        if (!EntityModel.isEntity(entity)) {
            throw fail(m, what + " parameter type " + paramType.getTypeName() + " is not an entity (a @Table or"
                    + " @Entity class), an array or an Iterable of one");
        }
        boolean many = raw.isArray() || Iterable.class.isAssignableFrom(raw);
        ResultShape shape = ResultShape.of(generics.returnType(m));
        boolean ok = switch (shape.kind()) {
            case VOID -> true;
            case LONG, INT -> kind != LifecyclePlan.Kind.INSERT && kind != LifecyclePlan.Kind.SAVE;
            case BOOLEAN -> kind == LifecyclePlan.Kind.DELETE && !many;
            case SINGLE -> !many && shape.element().isAssignableFrom(entity);
            case ARRAY -> raw.isArray() && shape.element().isAssignableFrom(entity);
            case LIST -> Iterable.class.isAssignableFrom(raw) && shape.element().isAssignableFrom(entity);
            default -> false;
        };
        if (!ok) {
            throw fail(m, what + " cannot return " + generics.returnType(m).getTypeName()
                    + " (return void" + (kind == LifecyclePlan.Kind.DELETE ? ", int, long" : "")
                    + " or the parameter's type)");
        }
        return new LifecyclePlan(label(m), kind, many, shape);
    }

    // ---- queries --------------------------------------------------------------------------------

    /** Where the special parameters of a query method are. */
    private final class Special {
        final List<Integer> sorts = new ArrayList<>();
        final List<Integer> others = new ArrayList<>();
        int limit = -1;
        int page = -1;

        Special(Method m) {
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                Class<?> t = types[i];
                if (t == Limit.class) {
                    if (limit >= 0) {
                        throw fail(m, "more than one Limit parameter");
                    }
                    limit = i;
                } else if (t == PageRequest.class) {
                    if (page >= 0) {
                        throw fail(m, "more than one PageRequest parameter");
                    }
                    page = i;
                } else if (t == Sort.class || t == Sort[].class || t == jakarta.data.Order.class) {
                    sorts.add(i);
                } else {
                    others.add(i);
                }
            }
            if (limit >= 0 && page >= 0) {
                throw fail(m, "a Limit and a PageRequest cannot be combined");
            }
        }
    }

    private EntityModel resultEntity(Method m, ResultShape shape, boolean fromResult) {
        Class<?> e = fromResult && shape.element() != null && EntityModel.isEntity(shape.element())
                ? shape.element() : primaryEntity;
        if (e == null) {
            throw fail(m, "the repository has no primary entity type (extend DataRepository<Entity, Key> or"
                    + " declare a lifecycle method) and the method does not return an entity");
        }
        return EntityModel.of(e);
    }

    private void checkShape(Method m, QueryPlan.Action action, ResultShape shape, EntityModel entity,
            Special special, int first) {
        Type declared = generics.returnType(m);
        switch (action) {
            case COUNT -> {
                if (shape.kind() != ResultShape.Kind.LONG && shape.kind() != ResultShape.Kind.INT) {
                    throw fail(m, "a count returns long or int, not " + declared.getTypeName());
                }
            }
            case EXISTS -> {
                if (shape.kind() != ResultShape.Kind.BOOLEAN) {
                    throw fail(m, "an exists query returns boolean, not " + declared.getTypeName());
                }
            }
            case DELETE -> {
                if (shape.kind() != ResultShape.Kind.VOID && shape.kind() != ResultShape.Kind.LONG
                        && shape.kind() != ResultShape.Kind.INT) {
                    throw fail(m, "a delete returns void, long or int, not " + declared.getTypeName());
                }
            }
            case FIND -> {
                if (!shape.isResults()) {
                    throw fail(m, "unsupported return type " + declared.getTypeName() + " for a find method (return "
                            + "the entity, Optional, List, an array, Stream, Page or CursoredPage of it)");
                }
                if (!shape.element().isAssignableFrom(entity.type())) {
                    throw fail(m, "unsupported return type " + declared.getTypeName() + ": the results are "
                            + entity.type().getName());
                }
            }
        }
        if (action != QueryPlan.Action.FIND && (special.limit >= 0 || special.page >= 0 || !special.sorts.isEmpty())) {
            throw fail(m, "Limit, PageRequest, Sort and Order parameters apply to find methods only");
        }
        checkPaging(m, shape, special);
        if (first > 0 && (special.limit >= 0 || special.page >= 0)) {
            throw fail(m, "First cannot be combined with a Limit or PageRequest parameter");
        }
    }

    private void checkPaging(Method m, ResultShape shape, Special special) {
        boolean paged = shape.kind() == ResultShape.Kind.PAGE || shape.kind() == ResultShape.Kind.CURSORED_PAGE;
        if (paged && special.page < 0) {
            throw fail(m, "a method returning " + shape.declared().getSimpleName() + " needs a PageRequest parameter");
        }
        if (special.page >= 0 && !paged) {
            throw fail(m, "a PageRequest parameter needs a Page or CursoredPage result");
        }
    }

    private List<SortKey> staticOrder(Method m, EntityModel entity, List<MethodName.OrderTerm> fromName) {
        List<SortKey> keys = new ArrayList<>();
        for (MethodName.OrderTerm t : fromName) {
            keys.add(SortKey.of(entity, t.field(), t.descending(), t.ignoreCase()));
        }
        OrderBy[] annotations = m.getAnnotationsByType(OrderBy.class);
        if (annotations.length > 0 && !fromName.isEmpty()) {
            throw fail(m, "@OrderBy cannot be combined with OrderBy in the method name");
        }
        for (OrderBy o : annotations) {
            FieldMeta f = entity.attribute(o.value());
            if (f == null) {
                throw fail(m, "@OrderBy(\"" + o.value() + "\"): " + unknown(entity, o.value()));
            }
            keys.add(SortKey.of(entity, f, o.descending(), o.ignoreCase()));
        }
        return keys;
    }

    private static String unknown(EntityModel entity, String attribute) {
        return entity.type().getSimpleName() + " has no attribute \"" + attribute + "\" (attributes: "
                + String.join(", ", entity.attributeNames()) + ")";
    }

    private MethodPlan byName(Method m) {
        MethodName.Action prefix = MethodName.action(m.getName());
        if (prefix == null) {
            throw fail(m, "not a repository operation: annotate it with @Find, @Query, @Insert, @Update, @Delete or"
                    + " @Save, or name it find...By, count...By, exists...By or delete...By");
        }
        ResultShape shape = ResultShape.of(generics.returnType(m));
        EntityModel entity = resultEntity(m, shape, false);
        MethodName.Parsed parsed = MethodName.parse(m.getName(), entity);
        QueryPlan.Action action = QueryPlan.Action.valueOf(parsed.action().name());
        Special special = new Special(m);
        checkShape(m, action, shape, entity, special, parsed.first());
        int needed = 0;
        for (MethodName.Term t : parsed.terms()) {
            needed += t.op().arguments;
        }
        if (needed != special.others.size()) {
            throw fail(m, "the name's conditions take " + needed + " argument" + (needed == 1 ? "" : "s") + " but the"
                    + " method has " + special.others.size() + " query parameter"
                    + (special.others.size() == 1 ? "" : "s"));
        }
        List<List<Condition>> groups = new ArrayList<>();
        int next = 0;
        for (MethodName.Term t : parsed.terms()) {
            if (groups.isEmpty() || t.orBefore()) {
                groups.add(new ArrayList<>());
            }
            int arg = t.op().arguments == 0 ? -1 : special.others.get(next);
            checkArgument(m, entity, t.field(), t.op(), arg);
            next += t.op().arguments;
            groups.get(groups.size() - 1).add(new Condition(entity, t.field(), t.op(), t.not(), t.ignoreCase(), arg));
        }
        QueryPlan.Spec spec = new QueryPlan.Spec();
        spec.method = label(m);
        spec.action = action;
        spec.entity = entity;
        spec.shape = shape;
        spec.first = parsed.first();
        spec.staticSort = staticOrder(m, entity, parsed.orderBy());
        fill(spec, special, new Restriction(groups));
        return new QueryPlan(spec);
    }

    /** Catches what javac would not: a Between whose second value is not another query parameter, and the like. */
    private void checkArgument(Method m, EntityModel entity, FieldMeta field, Condition.Op op, int arg) {
        if (op == Condition.Op.IN && arg >= 0) {
            Class<?> t = m.getParameterTypes()[arg];
            if (!Iterable.class.isAssignableFrom(t) && !t.isArray()) {
                throw fail(m, "In on " + field.name() + " takes a Collection or an array, not " + t.getSimpleName());
            }
        }
        if ((op == Condition.Op.TRUE || op == Condition.Op.FALSE) && field.boxedType() != Boolean.class) {
            throw fail(m, op.name().charAt(0) + op.name().substring(1).toLowerCase(java.util.Locale.ROOT) + " on "
                    + field.name() + ", which is not boolean");
        }
    }

    private void fill(QueryPlan.Spec spec, Special special, Restriction restriction) {
        spec.where = restriction.isEmpty() ? args -> null : restriction::toExpr;
        spec.sortParams = special.sorts;
        spec.limitParam = special.limit;
        spec.pageParam = special.page;
        // The whole query is "the entity with this key": one get by primary key, no query built per call.
        if (spec.action == QueryPlan.Action.FIND && special.sorts.isEmpty() && special.limit < 0 && special.page < 0
                && spec.staticSort.isEmpty() && spec.first == 0 && spec.entity.id() != null
                && (spec.shape.kind() == ResultShape.Kind.SINGLE || spec.shape.kind() == ResultShape.Kind.OPTIONAL)
                && restriction.groups().size() == 1 && restriction.groups().get(0).size() == 1) {
            Condition c = restriction.groups().get(0).get(0);
            if (c.op() == Condition.Op.EQUAL && c.field() == spec.entity.id() && !c.negatedOrFolded()) {
                spec.byIdParam = c.argument();
            }
        }
    }

    private MethodPlan byParameters(Method m, QueryPlan.Action action) {
        ResultShape shape = ResultShape.of(generics.returnType(m));
        EntityModel entity = resultEntity(m, shape, action == QueryPlan.Action.FIND);
        Special special = new Special(m);
        checkShape(m, action, shape, entity, special, 0);
        List<Condition> conditions = new ArrayList<>();
        Parameter[] params = m.getParameters();
        for (int i : special.others) {
            Parameter p = params[i];
            By by = p.getAnnotation(By.class);
            String name;
            if (by != null) {
                name = by.value();
            } else if (p.isNamePresent()) {
                name = p.getName();
            } else {
                throw fail(m, "parameter " + i + " has no name: annotate it with @By(\"attribute\") or compile with"
                        + " -parameters");
            }
            FieldMeta f = entity.attribute(name);
            if (f == null) {
                throw fail(m, "parameter " + (by != null ? "@By(\"" + name + "\")" : name) + ": "
                        + unknown(entity, name));
            }
            conditions.add(new Condition(entity, f, Condition.Op.EQUAL, false, false, i));
        }
        QueryPlan.Spec spec = new QueryPlan.Spec();
        spec.method = label(m);
        spec.action = action;
        spec.entity = entity;
        spec.shape = shape;
        spec.staticSort = staticOrder(m, entity, List.of());
        fill(spec, special, new Restriction(conditions.isEmpty() ? List.of() : List.of(conditions)));
        return new QueryPlan(spec);
    }

    // ---- @Query ---------------------------------------------------------------------------------

    private MethodPlan jdql(Method m, String text) {
        ResultShape shape = ResultShape.of(generics.returnType(m));
        // Without FROM the query reads the entity the method returns, else the repository's primary entity.
        Class<?> queried = shape.element() != null && EntityModel.isEntity(shape.element()) ? shape.element()
                : primaryEntity;
        JdqlQuery query;
        try {
            query = JdqlQuery.parse(text, queried, entities);
        } catch (IllegalArgumentException e) {
            throw fail(m, e.getMessage());
        }
        Special special = new Special(m);
        Function<Object[], JdqlQuery.Parameters> parameters = parameters(m, query, special);
        if (query.kind() != JdqlQuery.Kind.SELECT) {
            if (shape.kind() != ResultShape.Kind.VOID && shape.kind() != ResultShape.Kind.LONG
                    && shape.kind() != ResultShape.Kind.INT && shape.kind() != ResultShape.Kind.BOOLEAN) {
                throw fail(m, "an " + query.kind() + " query returns void, long, int or boolean, not "
                        + generics.returnType(m).getTypeName());
            }
            if (special.limit >= 0 || special.page >= 0 || !special.sorts.isEmpty()) {
                throw fail(m, "Limit, PageRequest, Sort and Order parameters apply to SELECT queries only");
            }
            return new JdqlStatementPlan(label(m), query, parameters, shape);
        }
        EntityModel entity = EntityModel.of(query.entity());
        List<Expr<?>> selection = query.selection();
        if (selection.size() > 1) {
            throw fail(m, "a query may select one expression or the entity, not " + selection.size());
        }
        QueryPlan.Spec spec = new QueryPlan.Spec();
        spec.method = label(m);
        spec.entity = entity;
        spec.shape = shape;
        spec.selection = selection.isEmpty() ? null : selection.get(0);
        spec.fixedOrder = query.orderBy();
        Type declared = generics.returnType(m);
        if (spec.selection == null) {
            if (!shape.isResults() || !shape.element().isAssignableFrom(entity.type())) {
                throw fail(m, "unsupported return type " + declared.getTypeName() + ": the query selects "
                        + entity.type().getName());
            }
        } else if (shape.kind() == ResultShape.Kind.VOID || shape.kind() == ResultShape.Kind.CURSORED_PAGE) {
            throw fail(m, "unsupported return type " + declared.getTypeName() + " for a query that selects a value");
        }
        if (shape.kind() == ResultShape.Kind.CURSORED_PAGE && !spec.fixedOrder.isEmpty()) {
            throw fail(m, "a query with ORDER BY cannot return a CursoredPage: sort with Sort or Order parameters");
        }
        checkPaging(m, shape, special);
        spec.where = args -> query.where(parameters.apply(args));
        spec.sortParams = special.sorts;
        spec.limitParam = special.limit;
        spec.pageParam = special.page;
        return new QueryPlan(spec);
    }

    /** Binds {@code :name} to the parameter of that name (@Param or -parameters), {@code ?n} to the n-th. */
    private Function<Object[], JdqlQuery.Parameters> parameters(Method m, JdqlQuery query, Special special) {
        Parameter[] params = m.getParameters();
        Map<String, Integer> named = new HashMap<>();
        for (int i : special.others) {
            Param p = params[i].getAnnotation(Param.class);
            if (p != null) {
                named.put(p.value(), i);
            } else if (params[i].isNamePresent()) {
                named.putIfAbsent(params[i].getName(), i);
            }
        }
        for (String name : query.namedParameters()) {
            if (!named.containsKey(name)) {
                throw fail(m, "no parameter for :" + name + " (annotate one with @Param(\"" + name + "\") or compile"
                        + " with -parameters)");
            }
        }
        int positional = query.positionalParameters();
        if (positional > special.others.size()) {
            throw fail(m, "the query uses ?" + positional + " but the method has " + special.others.size()
                    + " query parameters");
        }
        List<Integer> positions = special.others;
        return args -> new JdqlQuery.Parameters() {
            @Override
            public Object named(String name) {
                return args[named.get(name)];
            }

            @Override
            public Object positional(int position) {
                return args[positions.get(position - 1)];
            }
        };
    }
}
