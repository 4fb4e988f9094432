package dev.sqlmodel.data;

import dev.sqlmodel.Engine;
import dev.sqlmodel.data.runtime.MethodPlan;
import dev.sqlmodel.data.runtime.RepositoryRuntime;
import jakarta.data.Order;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the annotation processor generates for RepositoriesTest.Numbers, written by hand for the test. */
@SuppressWarnings("unchecked")
public class RepositoriesTest_Numbers_ implements RepositoriesTest.Numbers {

    private static final RepositoryRuntime RUNTIME = RepositoryRuntime.of(RepositoriesTest.Numbers.class);
    private static final MethodPlan COUNT_BY_ODD_TRUE = RUNTIME.method("countByOddTrue");
    private static final MethodPlan SAVE = RUNTIME.method("save", Object.class);
    private static final MethodPlan SAVE_ALL = RUNTIME.method("saveAll", List.class);
    private static final MethodPlan FIND_BY_ID = RUNTIME.method("findById", Object.class);
    private static final MethodPlan FIND_ALL = RUNTIME.method("findAll");
    private static final MethodPlan FIND_ALL_PAGE = RUNTIME.method("findAll", PageRequest.class, Order.class);
    private static final MethodPlan DELETE_BY_ID = RUNTIME.method("deleteById", Object.class);
    private static final MethodPlan DELETE = RUNTIME.method("delete", Object.class);
    private static final MethodPlan DELETE_ALL = RUNTIME.method("deleteAll", List.class);

    private final Engine engine;

    public RepositoriesTest_Numbers_(Engine engine) {
        this.engine = engine;
    }

    @Override
    public long countByOddTrue() {
        return (Long) COUNT_BY_ODD_TRUE.invoke(engine, new Object[0]);
    }

    @Override
    public <S extends Natural> S save(S entity) {
        return (S) SAVE.invoke(engine, new Object[] {entity});
    }

    @Override
    public <S extends Natural> List<S> saveAll(List<S> entities) {
        return (List<S>) SAVE_ALL.invoke(engine, new Object[] {entities});
    }

    @Override
    public Optional<Natural> findById(Long id) {
        return (Optional<Natural>) FIND_BY_ID.invoke(engine, new Object[] {id});
    }

    @Override
    public Stream<Natural> findAll() {
        return (Stream<Natural>) FIND_ALL.invoke(engine, new Object[0]);
    }

    @Override
    public Page<Natural> findAll(PageRequest pageRequest, Order<Natural> sortBy) {
        return (Page<Natural>) FIND_ALL_PAGE.invoke(engine, new Object[] {pageRequest, sortBy});
    }

    @Override
    public void deleteById(Long id) {
        DELETE_BY_ID.invoke(engine, new Object[] {id});
    }

    @Override
    public void delete(Natural entity) {
        DELETE.invoke(engine, new Object[] {entity});
    }

    @Override
    public void deleteAll(List<? extends Natural> entities) {
        DELETE_ALL.invoke(engine, new Object[] {entities});
    }
}
