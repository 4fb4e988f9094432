package dev.sqlmodel.data.runtime.jdql;

import dev.sqlmodel.Expr;
import dev.sqlmodel.Order;
import dev.sqlmodel.Select;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The values of a call and the SELECT a compiled query stands for, as a repository would build them. */
final class Calls {
    private Calls() {
    }

    /** Values for ?1, ?2, ... */
    static JdqlQuery.Parameters positional(Object... values) {
        List<Object> list = Arrays.asList(values);
        return new JdqlQuery.Parameters() {
            @Override
            public Object named(String name) {
                throw new AssertionError("no named parameters here: :" + name);
            }

            @Override
            public Object positional(int position) {
                return list.get(position - 1);
            }
        };
    }

    /** Values for :name parameters. */
    static JdqlQuery.Parameters named(Map<String, ?> values) {
        return new JdqlQuery.Parameters() {
            @Override
            public Object named(String name) {
                if (!values.containsKey(name)) {
                    throw new AssertionError("no value for :" + name);
                }
                return values.get(name);
            }

            @Override
            public Object positional(int position) {
                throw new AssertionError("no positional parameters here: ?" + position);
            }
        };
    }

    /** The SELECT of {@code q} for one call: whole entities, one expression, or rows of several. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Select<?> select(JdqlQuery q, JdqlQuery.Parameters params) {
        List<Expr<?>> items = q.selection();
        Select s;
        if (items.isEmpty()) {
            s = dev.sqlmodel.Sql.select(q.entity());
        } else if (items.size() == 1) {
            s = dev.sqlmodel.Sql.select((Expr) items.get(0)).from(q.entity());
        } else {
            s = dev.sqlmodel.Sql.select(items.get(0), items.subList(1, items.size()).toArray(new Expr<?>[0]))
                    .from(q.entity());
        }
        Expr<Boolean> where = q.where(params);
        if (where != null) {
            s = s.where(where);
        }
        if (!q.orderBy().isEmpty()) {
            s = s.orderBy(q.orderBy().toArray(new Order[0]));
        }
        return s;
    }
}
