package dev.sqlmodel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.MappingException;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import jakarta.data.repository.BasicRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repositories.of finds the class generated beside an interface, nested ones included. */
class RepositoriesTest extends DatabaseTest {

    /** Implemented by the hand-written RepositoriesTest_Numbers_, in place of a generated class. */
    public interface Numbers extends BasicRepository<Natural, Long> {
        long countByOddTrue();
    }

    /** Has no implementation. */
    public interface Orphan extends BasicRepository<Natural, Long> {
    }

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Natural.class};
    }

    @DbTest
    void instantiatesTheGeneratedClassOfANestedInterface(Db db) {
        Numbers numbers = Repositories.of(Numbers.class, fresh(db));
        assertEquals(RepositoriesTest_Numbers_.class, numbers.getClass());
        numbers.saveAll(List.of(Natural.of(1), Natural.of(2), Natural.of(3)));
        assertEquals(2L, numbers.countByOddTrue());
        assertEquals(2L, numbers.findById(2L).orElseThrow().id);
    }

    @Test
    void missingClassAsksWhetherTheProcessorRan() {
        MappingException e = assertThrows(MappingException.class, () -> Repositories.of(Orphan.class, null));
        assertTrue(e.getMessage().contains("dev.sqlmodel.data.RepositoriesTest_Orphan_")
                && e.getMessage().contains("annotation processor"), e.getMessage());
    }

    @Test
    void aClassIsNoRepositoryInterface() {
        assertThrows(IllegalArgumentException.class, () -> Repositories.of(String.class, null));
    }
}
