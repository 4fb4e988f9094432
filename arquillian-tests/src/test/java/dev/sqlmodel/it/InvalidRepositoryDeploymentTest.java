package dev.sqlmodel.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.MappingException;
import dev.sqlmodel.cdi.SqlModelExtension;
import dev.sqlmodel.it.data.BrokenGadgets_;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

/**
 * A repository whose method the runtime cannot implement fails the deployment, naming the
 * repository and the method, with the runtime's {@link MappingException} in the cause chain,
 * instead of failing its first call. Weld SE boots here directly, because a failed deployment
 * leaves Arquillian nothing to run the assertions in. The build runs this class once with the
 * portable extension and once with the build-compatible one.
 */
class InvalidRepositoryDeploymentTest {

    @Test
    void repositoryWithAQueryOnAMissingAttributeFailsDeployment() {
        String url = "sqlmodel.datasource.url";
        System.setProperty(url, TestDatabase.SQLITE.url("invalid_repository"));
        try {
            Weld weld = new Weld("invalid-repository").disableDiscovery().addBeanClass(BrokenGadgets_.class);
            if (!"lite".equals(TestDatabase.mode())) {
                weld.addExtension(new SqlModelExtension());
            } else {
                weld.addBuildCompatibleExtensions(TranslatedBuildExtension.class);
            }
            DeploymentException e = assertThrows(DeploymentException.class, () -> weld.initialize().close());
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            MappingException cause = null;
            for (Throwable t = e; t != null && cause == null; t = t.getCause()) {
                if (t instanceof MappingException m) {
                    cause = m;
                }
            }
            assertTrue(cause != null, () -> "no MappingException in the cause chain of " + trace);
            assertTrue(cause.getMessage().contains("BrokenGadgets"), cause.getMessage());
            assertTrue(cause.getMessage().contains("findByColour"), cause.getMessage());
        } finally {
            System.clearProperty(url);
            TestDatabase.SQLITE.drop("invalid_repository");
        }
    }
}
