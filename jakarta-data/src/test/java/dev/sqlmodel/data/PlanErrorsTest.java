package dev.sqlmodel.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.MappingException;
import dev.sqlmodel.data.runtime.RepositoryRuntime;
import jakarta.data.page.Page;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A method the runtime cannot implement fails when the repository is read, naming repository, method and why. */
class PlanErrorsTest {

    interface UnknownAttribute extends BasicRepository<Natural, Long> {
        List<Natural> findByNope(long nope);
    }

    interface UnsupportedReturn extends BasicRepository<Natural, Long> {
        Map<Long, Natural> findByOdd(boolean odd);
    }

    interface NoEntity {
        long countByIdGreaterThan(long id);
    }

    interface TooFewArguments extends BasicRepository<Natural, Long> {
        List<Natural> findByIdBetween(long min);
    }

    interface UnknownParameter extends DataRepository<Natural, Long> {
        @Find
        List<Natural> find(long nope);
    }

    interface NotAQuery extends DataRepository<Natural, Long> {
        List<Natural> lookup(long id);
    }

    interface CountOfList extends DataRepository<Natural, Long> {
        List<Natural> countByOdd(boolean odd);
    }

    interface InsertOfText extends DataRepository<Natural, Long> {
        @Insert
        void add(String text);
    }

    interface UnknownOrderBy extends DataRepository<Natural, Long> {
        @Find
        @OrderBy("nope")
        List<Natural> all();
    }

    interface BadQuery extends DataRepository<Natural, Long> {
        @Query("WHERE nope = 1")
        List<Natural> broken();
    }

    interface PageWithoutRequest extends DataRepository<Natural, Long> {
        Page<Natural> findByOdd(boolean odd);
    }

    interface EmptyOnAScalar extends DataRepository<Natural, Long> {
        List<Natural> findByKindEmpty();
    }

    interface TwoOperations extends DataRepository<Natural, Long> {
        @Find
        @Query("WHERE odd = true")
        List<Natural> odd();
    }

    interface OrderByOnQuery extends DataRepository<Natural, Long> {
        @Query("WHERE odd = true")
        @OrderBy("id")
        List<Natural> odd();
    }

    private static void fails(Class<?> repository, String... parts) {
        MappingException e = assertThrows(MappingException.class, () -> RepositoryRuntime.of(repository));
        assertTrue(e.getMessage().contains(repository.getName()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "\"" + part + "\" missing from: " + e.getMessage());
        }
    }

    @Test
    void unknownAttributeListsTheAttributes() {
        fails(UnknownAttribute.class, "findByNope(long)", "Nope", "attributes: id, odd, bits, kind, sqrt");
    }

    @Test
    void unsupportedReturnType() {
        fails(UnsupportedReturn.class, "findByOdd(boolean)", "unsupported return type", "java.util.Map");
    }

    @Test
    void missingEntity() {
        fails(NoEntity.class, "countByIdGreaterThan", "no primary entity type");
    }

    @Test
    void argumentCountMustMatchTheConditions() {
        fails(TooFewArguments.class, "findByIdBetween(long)", "take 2 arguments", "has 1 query parameter");
    }

    @Test
    void findParameterMustNameAnAttribute() {
        fails(UnknownParameter.class, "find(long)", "nope", "attributes:");
    }

    @Test
    void aMethodThatIsNoOperation() {
        fails(NotAQuery.class, "lookup(long)", "@Find", "find...By");
    }

    @Test
    void countReturnsANumber() {
        fails(CountOfList.class, "countByOdd", "long or int");
    }

    @Test
    void insertTakesEntities() {
        fails(InsertOfText.class, "add(String)", "@Insert", "is not an entity");
    }

    @Test
    void orderByNamesAnAttribute() {
        fails(UnknownOrderBy.class, "@OrderBy(\"nope\")");
    }

    @Test
    void invalidJdqlIsReportedWithTheQuery() {
        fails(BadQuery.class, "broken()", "WHERE nope = 1");
    }

    @Test
    void pageNeedsAPageRequest() {
        fails(PageWithoutRequest.class, "findByOdd", "PageRequest");
    }

    @Test
    void emptyNeedsACollection() {
        fails(EmptyOnAScalar.class, "findByKindEmpty()", "Empty on kind");
    }

    @Test
    void operationAnnotationsExcludeEachOther() {
        fails(TwoOperations.class, "odd()", "@Query and @Find exclude each other");
        fails(OrderByOnQuery.class, "odd()", "write ORDER BY in the query");
    }

    @Test
    void unknownMethodOfAPlannedRepository() {
        RepositoryRuntime runtime = RepositoryRuntime.of(Naturals.class);
        MappingException e = assertThrows(MappingException.class, () -> runtime.method("nope", long.class));
        assertTrue(e.getMessage().contains("Naturals") && e.getMessage().contains("nope(long)"), e.getMessage());
    }
}
