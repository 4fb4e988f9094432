package dev.sqlmodel.impl.session;

import dev.sqlmodel.Expr;
import dev.sqlmodel.Row;
import dev.sqlmodel.impl.meta.Convert;
import java.util.Arrays;
import java.util.List;

/** A multi-item result row: models and values in select-list order. */
final class RowImpl implements Row {
    private final List<Object> keys;   // the select items: model classes and expressions
    private final Object[] values;

    RowImpl(List<Object> keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public <M> M get(Class<M> model) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == model) {
                return model.cast(values[i]);
            }
        }
        throw new IllegalArgumentException("this row has no " + model.getName() + "; it holds " + keys);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Expr<T> expr) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equals(expr)) {
                return (T) values[i];
            }
        }
        throw new IllegalArgumentException("this row has no item " + expr + "; it holds " + keys);
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        Object v = values[index];
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        @SuppressWarnings("unchecked")
        T converted = (T) Convert.to(type, v, null);
        return converted;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return "Row" + Arrays.toString(values);
    }
}
