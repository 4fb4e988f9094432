package dev.sqlmodel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import jakarta.data.Sort;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import java.util.List;
import java.util.stream.Stream;

/** The built-in write methods and @Insert, @Update, @Delete and @Save on one or several entities. */
class LifecycleTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Box.class, Product.class};
    }

    @DbTest
    void builtInSaveFindDeleteOfAnEntityWithoutVersion(Db db) {
        Engine engine = fresh(db);
        Boxes boxes = Repos.of(Boxes.class, engine);
        List<Box> saved = boxes.saveAll(List.of(Box.of("B1", 1, 2), Box.of("B2", 3, 4), Box.of("B3", 5, 6),
                Box.of("B4", 7, 8)));
        assertEquals(List.of("B1", "B2", "B3", "B4"), saved.stream().map(b -> b.code).toList());
        Box b2 = saved.get(1);
        b2.width = 30;
        assertEquals(30, boxes.save(b2).width);
        assertEquals(30, boxes.findById("B2").orElseThrow().width);
        assertEquals(9, boxes.save(Box.of("B5", 9, 10)).width);
        boxes.deleteAll(List.of(saved.get(0), b2));
        try (Stream<Box> all = boxes.findAll()) {
            assertEquals(List.of("B3", "B4", "B5"), all.map(b -> b.code).sorted().toList());
        }
        boxes.delete(saved.get(3));
        boxes.deleteById("B3");
        boxes.deleteById("B3"); // already gone: ignored
        assertFalse(boxes.findById("B3").isPresent());
        try (Stream<Box> all = boxes.findAll()) {
            assertEquals(List.of("B5"), all.map(b -> b.code).toList());
        }
        // insert refuses an existing key, update a missing one
        assertThrows(EntityExistsException.class, () -> boxes.insert(Box.of("B5", 1, 1)));
        assertThrows(OptimisticLockingFailureException.class, () -> boxes.update(Box.of("B9", 1, 1)));
        assertThrows(OptimisticLockingFailureException.class, () -> boxes.delete(Box.of("B9", 1, 1)));
        List<Box> inserted = boxes.insertAll(List.of(Box.of("C1", 1, 1), Box.of("C2", 2, 2)));
        assertEquals(2, inserted.size());
        inserted.get(0).height = 11;
        inserted.get(1).height = 22;
        List<Box> updated = boxes.updateAll(inserted);
        assertEquals(List.of(11, 22), updated.stream().map(b -> b.height).toList());
        assertEquals(22, boxes.findById("C2").orElseThrow().height);
        // a subclass that is no model of its own: Jakarta Data's MappingException, with ours as the cause
        Box unmapped = new Box() {
        };
        unmapped.code = "X";
        jakarta.data.exceptions.MappingException e = assertThrows(jakarta.data.exceptions.MappingException.class,
                () -> boxes.insert(unmapped));
        assertTrue(e.getCause() instanceof dev.sqlmodel.MappingException, String.valueOf(e.getCause()));
    }

    @DbTest
    void insertSeveralIsAllOrNothing(Db db) {
        Engine engine = fresh(db);
        Catalog catalog = Repos.of(Catalog.class, engine);
        catalog.add(Product.of("P1", "pen", 2.5));
        assertThrows(EntityExistsException.class, () -> catalog.addAll(Product.of("P2", "pencil", 1.25),
                Product.of("P1", "again", 1.0)));
        assertTrue(catalog.get("P2").isEmpty());
        Product[] added = catalog.addAll(Product.of("P2", "pencil", 1.25), Product.of("P3", "marker", 3.0));
        assertEquals(2, added.length);
        assertEquals("marker", added[1].name);
        catalog.addList(List.of(Product.of("P4", "ruler", 2.0)));
        assertEquals(3L, catalog.countByPriceGreaterThanEqual(2.0));
        assertTrue(catalog.existsByName("ruler"));
    }

    @DbTest
    void updateChecksTheVersion(Db db) {
        Engine engine = fresh(db);
        Catalog catalog = Repos.of(Catalog.class, engine);
        Product zucchini = catalog.add(Product.of("P91", "zucchini", 1.49));
        Product cucumber = catalog.add(Product.of("P92", "cucumber", 1.29));
        long initial = cucumber.version;
        zucchini.price = 1.59;
        zucchini = catalog.modify(zucchini);
        cucumber.price = 1.39;
        cucumber = catalog.modify(cucumber);
        assertNotEquals(initial, cucumber.version);
        assertEquals(1.39, catalog.get("P92").orElseThrow().price, 0.0001);
        cucumber.version = initial;
        cucumber.price = 1.34;
        Product stale = cucumber;
        OptimisticLockingFailureException e = assertThrows(OptimisticLockingFailureException.class,
                () -> catalog.modify(stale));
        assertTrue(e.getMessage().contains("P92"), e.getMessage());
        assertEquals(1.39, catalog.get("P92").orElseThrow().price, 0.0001);
        // several in one transaction: a stale one writes none
        Product current = catalog.get("P92").orElseThrow();
        current.price = 2.0;
        zucchini.price = 2.0;
        Product z = zucchini;
        long zVersion = z.version;
        assertThrows(OptimisticLockingFailureException.class, () -> catalog.modifyAll(z, stale));
        assertEquals(1.59, catalog.get("P91").orElseThrow().price, 0.0001);
        assertEquals(zVersion, z.version, "the version of an entity whose update was rolled back is put back");
        Product[] both = catalog.modifyAll(current, zucchini);
        assertEquals(List.of("P92", "P91"), List.of(both[0].code, both[1].code));
        assertEquals(2.0, catalog.get("P91").orElseThrow().price, 0.0001);
        both[0].price = 3.0;
        both[1].price = 3.0;
        assertEquals(2L, catalog.modifyCounting(List.of(both)));
        assertThrows(OptimisticLockingFailureException.class,
                () -> catalog.modifyCounting(List.of(Product.of("P99", "none", 1.0))));
    }

    @DbTest
    void deleteChecksTheRowAndTheVersion(Db db) {
        Engine engine = fresh(db);
        Catalog catalog = Repos.of(Catalog.class, engine);
        Product[] added = catalog.addAll(Product.of("P95", "blueberries", 2.49), Product.of("P96", "strawberries",
                2.29), Product.of("P97", "raspberries", 2.39));
        assertThrows(OptimisticLockingFailureException.class, () -> catalog.removeAll(
                Product.of("P98", "blackberries", 2.59), added[0]));
        assertTrue(catalog.get("P95").isPresent());
        Product old = catalog.get("P96").orElseThrow();
        Product newer = catalog.modify(catalog.get("P96").orElseThrow());
        assertThrows(OptimisticLockingFailureException.class, () -> catalog.remove(old));
        catalog.remove(newer);
        assertThrows(OptimisticLockingFailureException.class, () -> catalog.remove(newer));
        assertEquals(2, catalog.removeAll(added[0], added[2]));
        assertTrue(catalog.get("P95").isEmpty());
    }

    @DbTest
    void saveInsertsOrUpdatesAndRefusesAStaleVersion(Db db) {
        Engine engine = fresh(db);
        Catalog catalog = Repos.of(Catalog.class, engine);
        Product p = catalog.save(Product.of("S1", "spinach", 2.28));
        assertEquals("spinach", catalog.get("S1").orElseThrow().name);
        long first = p.version;
        Product stale = catalog.get("S1").orElseThrow();
        p.name = "baby spinach";
        Product q = catalog.save(p);
        assertEquals("baby spinach", catalog.get("S1").orElseThrow().name);
        assertNotEquals(first, q.version);
        stale.name = "stale";
        assertThrows(OptimisticLockingFailureException.class, () -> catalog.save(stale));
        assertEquals("baby spinach", catalog.get("S1").orElseThrow().name);
        List<Product> all = catalog.saveAll(List.of(q, Product.of("S2", "rhubarb", null)));
        assertEquals(2, all.size());
        assertEquals(List.of("rhubarb"), catalog.findByPriceNull().stream().map(x -> x.name).toList());
        assertEquals(List.of("baby spinach"),
                catalog.findByPriceNotNullAndPriceLessThanEqual(2.30).stream().map(x -> x.name).toList());
    }

    @DbTest
    void deleteByParametersAndByName(Db db) {
        Engine engine = fresh(db);
        Catalog catalog = Repos.of(Catalog.class, engine);
        catalog.addAll(Product.of("TEST-1", "a", 1.0), Product.of("TEST-2", "b", 1.0), Product.of("TEST_3", "b", 1.0),
                Product.of("X-4", "c", 1.0));
        catalog.deleteById("TEST-1");
        catalog.deleteById("TEST-1");
        assertTrue(catalog.get("TEST-1").isEmpty());
        assertEquals(2L, catalog.discontinue("b"));
        assertEquals(0L, catalog.discontinue("b"));
        catalog.add(Product.of("TEST-5", "e", 1.0));
        assertEquals(1L, catalog.deleteByCodeLike("TEST-%"));
        assertTrue(catalog.get("X-4").isPresent(), "rows the pattern does not match stay");
    }

    @DbTest
    void typeVariablesOfAnIntermediateInterfaceAreBoundAndIdNamesTheKey(Db db) {
        Engine engine = fresh(db);
        BoxStore store = Repos.of(BoxStore.class, engine);
        Box[] stored = store.store(new Box[] {Box.of("K1", 1, 1), Box.of("K2", 2, 2), Box.of("K3", 3, 3)});
        assertEquals(3, stored.length);
        assertEquals(Box.class, stored.getClass().getComponentType());
        assertEquals(List.of("K3", "K1"), store.findByIdIn(List.of("K1", "K3", "K9"), Sort.desc("code")).stream()
                .map(b -> b.code).toList());
        assertEquals(3L, store.countByIdNotNull());
        assertEquals(2L, store.discard(List.of(stored[0], stored[1])));
        assertEquals(1L, store.countByIdNotNull());
    }
}
