package dev.sqlmodel.wildfly;

import dev.sqlmodel.wildfly.app.Hero;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR every test deploys: the hero API, without any of the library's jars. */
final class Deployments {
    private Deployments() {
    }

    /** The hero API as {@code name.war}; the library comes from the server's dev.sqlmodel module. */
    static WebArchive heroApi(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(Hero.class.getPackage())
                .addAsResource("META-INF/sqlmodel/models.idx")
                .addAsResource("war/sqlmodel.properties", "META-INF/sqlmodel.properties")
                .addAsWebInfResource("war/beans.xml", "beans.xml")
                .addAsWebInfResource("war/jboss-deployment-structure.xml", "jboss-deployment-structure.xml");
    }
}
