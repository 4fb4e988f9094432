package dev.sqlmodel.spi;

import dev.sqlmodel.SqlModelException;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link SqlModelProvider} once, with the API's class loader and then the thread's. */
public final class Provider {
    private Provider() {
    }

    private static final class Holder {
        static final SqlModelProvider INSTANCE = load();
    }

    /**
     * The implementation.
     *
     * @throws SqlModelException when no implementation is on the class path
     */
    public static SqlModelProvider get() {
        return Holder.INSTANCE;
    }

    private static SqlModelProvider load() {
        Iterator<SqlModelProvider> it = ServiceLoader.load(SqlModelProvider.class, Provider.class.getClassLoader())
                .iterator();
        if (!it.hasNext()) {
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            if (tccl != null) {
                it = ServiceLoader.load(SqlModelProvider.class, tccl).iterator();
            }
        }
        if (!it.hasNext()) {
            throw new SqlModelException("no SQLModel implementation found: add dev.sqlmodel:sqlmodel-impl "
                    + "to the runtime class path");
        }
        return it.next();
    }
}
