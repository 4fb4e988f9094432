package dev.sqlmodel.ast;

import dev.sqlmodel.Query;
import dev.sqlmodel.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Verbatim SQL with named parameters and their values. */
public record TextNode(String sql, Map<String, Object> binds) implements Text {
    /** Freezes the bindings (null values allowed). */
    public TextNode {
        Objects.requireNonNull(sql, "sql");
        binds = Collections.unmodifiableMap(new LinkedHashMap<>(binds));
    }

    @Override
    public Text bind(String name, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(binds);
        all.put(Objects.requireNonNull(name, "name"), value);
        return new TextNode(sql, all);
    }

    @Override
    public <R> Query<R> as(Class<R> type) {
        return new TextQuery<>(this, Objects.requireNonNull(type, "type"));
    }
}
