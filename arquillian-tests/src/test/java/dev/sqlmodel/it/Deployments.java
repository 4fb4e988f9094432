package dev.sqlmodel.it;

import dev.sqlmodel.it.app.HeroService;
import dev.sqlmodel.it.model.Hero;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The test application: an annotated-mode bean archive whose models are found through the index only. */
final class Deployments {
    private Deployments() {
    }

    static JavaArchive heroes(TestDatabase db, String schema, Class<?> testClass) {
        db.create(schema);
        String reports = "reports_" + schema;
        TestDatabase.SQLITE.create(reports);
        return ShrinkWrap.create(JavaArchive.class, schema + ".jar")
                .addPackage(HeroService.class.getPackage())
                .addPackage(Hero.class.getPackage())
                .addClasses(TestDatabase.class, JtaScenarios.class, testClass)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                .addAsResource(new StringAsset(db.properties(schema)), "META-INF/sqlmodel.properties")
                // the second database comes from MicroProfile Config
                .addAsResource(new StringAsset("sqlmodel.datasource.reports.url=" + TestDatabase.SQLITE.url(reports) + "\n"),
                        "META-INF/microprofile-config.properties");
    }
}
