package dev.sqlmodel.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.cdi.SqlModelExtension;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

/**
 * A model the processor never saw (compiled without it) in a bean archive: the extension sees
 * it and fails deployment naming the class and the field. Weld SE boots here directly, because a
 * failed deployment leaves Arquillian nothing to run the assertions in.
 */
class InvalidModelDeploymentTest {

    @Test
    void invalidModelFailsDeploymentNamingClassAndField() throws Exception {
        Class<?> broken = Class.forName("dev.sqlmodel.it.invalid.BrokenModel");
        Weld weld = new Weld("invalid-model").disableDiscovery().addBeanClass(broken);
        if (!"lite".equals(TestDatabase.mode())) {
            weld.addExtension(new SqlModelExtension());
        } else {
            weld.addBuildCompatibleExtensions(TranslatedBuildExtension.class);
        }
        DeploymentException e = assertThrows(DeploymentException.class, () -> weld.initialize().close());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertTrue(trace.toString().contains("dev.sqlmodel.it.invalid.BrokenModel.tags"), trace::toString);
    }
}
