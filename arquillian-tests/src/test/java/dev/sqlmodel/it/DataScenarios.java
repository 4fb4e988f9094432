package dev.sqlmodel.it;

import static dev.sqlmodel.Sql.delete;
import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Database;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.it.data.Gadget;
import dev.sqlmodel.it.data.Gadgets;
import dev.sqlmodel.it.data.Gadgets_;
import dev.sqlmodel.it.data.Memo;
import dev.sqlmodel.it.data.Memos;
import dev.sqlmodel.it.data.Memos_;
import dev.sqlmodel.it.data.OtherGadgets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Jakarta Data repository injected into the application, the same on every database and with
 * either extension kind: the class the processor generated is an ordinary application-scoped bean.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DataScenarios {
    @Inject Gadgets gadgets;
    @Inject Memos memos;
    @Inject Engine engine;
    @Inject @Database("reports") Engine reportsEngine;
    @Inject BeanManager beans;

    /** The application: the model, its repositories and the generated class, in an annotated-mode bean archive. */
    static JavaArchive deployment(TestDatabase db, String schema, Class<?> testClass) {
        db.create(schema);
        TestDatabase.SQLITE.create(reports(schema));
        String properties = db.properties(schema)
                + "sqlmodel.datasource.reports.url=" + TestDatabase.SQLITE.url(reports(schema)) + "\n";
        return ShrinkWrap.create(JavaArchive.class, schema + ".jar")
                .addClasses(Gadget.class, Gadgets.class, Gadgets_.class, OtherGadgets.class)
                .addClasses(Memo.class, Memos.class, Memos_.class)
                .addClasses(TestDatabase.class, DataScenarios.class, testClass)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                .addAsResource(new StringAsset(properties), "META-INF/sqlmodel.properties");
    }

    /** The SQLite file of the second database of {@code schema}'s deployment. */
    static String reports(String schema) {
        return "reports_" + schema;
    }

    /** Creates the tables and empties the gadgets' (Arquillian runs no lifecycle methods in the container here). */
    private void emptyGadgets() {
        engine.createAll();
        try (Session s = engine.session()) {
            s.execute(delete(Gadget.class));
            s.commit();
        }
    }

    private static List<String> names(List<Gadget> gadgets) {
        return gadgets.stream().map(g -> g.name).toList();
    }

    @Test
    void insertThenFindByIdAndQueryThroughTheInjectedRepository() {
        emptyGadgets();
        gadgets.insert(new Gadget(1L, "grapple", 3));
        gadgets.insert(new Gadget(2L, "cape", 7));
        gadgets.insert(new Gadget(3L, "belt", 9));

        assertEquals("grapple", gadgets.findById(1L).orElseThrow().name);
        assertTrue(gadgets.findById(4L).isEmpty());
        assertEquals(List.of("belt", "cape"), names(gadgets.findByPowerGreaterThanOrderByNameAsc(5)));
        assertEquals(List.of("cape", "grapple"), names(gadgets.weakerThan(9)));
    }

    @Test
    void repositoryOfADataStoreWritesToThatDatabase() {
        reportsEngine.createAll();
        engine.createAll();
        try (Session s = reportsEngine.session()) {
            s.execute(delete(Memo.class));
            s.commit();
        }
        memos.save(new Memo(1L, "refuel the car"));

        assertEquals("refuel the car", memos.findById(1L).orElseThrow().text);
        try (Session s = reportsEngine.session()) {
            assertEquals(1, s.exec(select(Memo.class)).all().size());
        }
        try (Session s = engine.session()) {
            assertEquals(0, s.exec(select(Memo.class)).all().size(), "the default database has no memo");
        }
    }

    @Test
    void theRepositoryIsTheGeneratedApplicationScopedBean() {
        Set<Bean<?>> found = beans.getBeans(Gadgets.class);
        assertEquals(1, found.size(), found::toString);
        Bean<?> bean = found.iterator().next();
        assertEquals(Gadgets_.class, bean.getBeanClass());
        assertEquals(ApplicationScoped.class, bean.getScope());
        assertTrue(beans.getBeans(OtherGadgets.class).isEmpty(), "another provider's repository is no bean here");
    }
}
