package dev.sqlmodel.data.runtime;

import dev.sqlmodel.Engine;

/** How one repository method runs; built once from the method's declaration by {@link RepositoryRuntime}. */
public interface MethodPlan {

    /**
     * Runs the method for one call. Opens a stateless session from {@code engine} for the call (a {@code Stream}
     * result closes it when the stream closes).
     *
     * @param args the call's arguments, never null (empty for none)
     * @throws jakarta.data.exceptions.DataException (or a subtype) when the database refuses the operation
     */
    Object invoke(Engine engine, Object[] args);
}
