package dev.sqlmodel.data.runtime;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What a repository method returns, read once from its declaration. */
record ResultShape(Kind kind, Class<?> element, Class<?> declared) {

    enum Kind { VOID, LONG, INT, BOOLEAN, SINGLE, OPTIONAL, LIST, ARRAY, STREAM, PAGE, CURSORED_PAGE }

    static ResultShape of(Type resolved) {
        Class<?> raw = Generics.raw(resolved);
        if (raw == void.class || raw == Void.class) {
            return new ResultShape(Kind.VOID, null, raw);
        }
        if (raw == long.class || raw == Long.class) {
            return new ResultShape(Kind.LONG, Long.class, raw);
        }
        if (raw == int.class || raw == Integer.class) {
            return new ResultShape(Kind.INT, Integer.class, raw);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new ResultShape(Kind.BOOLEAN, Boolean.class, raw);
        }
        if (raw.isArray()) {
            return new ResultShape(Kind.ARRAY, raw.getComponentType(), raw);
        }
        Class<?> arg = Generics.raw(Generics.argument(resolved, 0));
        if (raw == Optional.class) {
            return new ResultShape(Kind.OPTIONAL, arg, raw);
        }
        if (raw == List.class || raw == Collection.class || raw == Iterable.class) {
            return new ResultShape(Kind.LIST, arg, raw);
        }
        if (raw == Stream.class) {
            return new ResultShape(Kind.STREAM, arg, raw);
        }
        if (raw == CursoredPage.class) {
            return new ResultShape(Kind.CURSORED_PAGE, arg, raw);
        }
        if (raw == Page.class) {
            return new ResultShape(Kind.PAGE, arg, raw);
        }
        return new ResultShape(Kind.SINGLE, raw, raw);
    }

    /** Whether the method returns query results (entities or projected values). */
    boolean isResults() {
        return switch (kind) {
            case SINGLE, OPTIONAL, LIST, ARRAY, STREAM, PAGE, CURSORED_PAGE -> true;
            default -> false;
        };
    }

    /** A count as the declared type ({@code void} gives null). */
    Object count(long n) {
        return switch (kind) {
            case LONG -> n;
            case INT -> Math.toIntExact(n);
            case BOOLEAN -> n > 0;
            default -> null;
        };
    }

    /** A list of results as an array of the element type (unboxed into a primitive array). */
    Object array(List<?> values) {
        Object array = Array.newInstance(element, values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    /** The elements of an argument that is one value, an array or an Iterable. */
    static List<Object> elements(Object arg) {
        List<Object> out = new ArrayList<>();
        if (arg == null) {
            return out;
        }
        if (arg.getClass().isArray()) {
            for (int i = 0, n = Array.getLength(arg); i < n; i++) {
                out.add(Array.get(arg, i));
            }
        } else if (arg instanceof Iterable<?> it) {
            for (Object o : it) {
                out.add(o);
            }
        } else {
            out.add(arg);
        }
        return out;
    }
}
