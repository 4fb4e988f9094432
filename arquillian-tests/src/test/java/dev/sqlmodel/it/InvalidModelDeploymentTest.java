package dev.sqlmodel.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.MappingException;
import dev.sqlmodel.cdi.SqlModelExtension;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A model the processor never saw (compiled without it) in a bean archive: the extension sees
 * it and fails deployment naming the class and the field, with the {@link MappingException} in
 * the cause chain. Weld SE boots here directly, because a failed deployment leaves Arquillian
 * nothing to run the assertions in. The build runs this class once with the portable extension
 * and once with the build-compatible one.
 */
class InvalidModelDeploymentTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dev.sqlmodel.it.invalid.BrokenModel, dev.sqlmodel.it.invalid.BrokenModel.tags",
        "dev.sqlmodel.it.invalid.BrokenVersionModel, dev.sqlmodel.it.invalid.BrokenVersionModel.revision"
    })
    void invalidModelFailsDeploymentNamingClassAndFieldWithTheMappingExceptionAsCause(String model, String field)
            throws Exception {
        Class<?> broken = Class.forName(model);
        Weld weld = new Weld("invalid-model").disableDiscovery().addBeanClass(broken);
        if (!"lite".equals(TestDatabase.mode())) {
            weld.addExtension(new SqlModelExtension());
        } else {
            weld.addBuildCompatibleExtensions(TranslatedBuildExtension.class);
        }
        DeploymentException e = assertThrows(DeploymentException.class, () -> weld.initialize().close());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertTrue(trace.toString().contains(field), trace::toString);
        assertTrue(trace.toString().contains("invalid model: " + field), trace::toString);
        MappingException cause = null;
        for (Throwable t = e; t != null && cause == null; t = t.getCause()) {
            if (t instanceof MappingException m) {
                cause = m;
            }
        }
        assertTrue(cause != null, () -> "no MappingException in the cause chain of " + trace);
        assertTrue(cause.getMessage().contains(field), cause.getMessage());
    }
}
