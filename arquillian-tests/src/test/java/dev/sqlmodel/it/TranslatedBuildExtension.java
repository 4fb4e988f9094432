package dev.sqlmodel.it;

import dev.sqlmodel.Table;
import dev.sqlmodel.cdi.SqlModelBuildExtension;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.lang.model.declarations.ClassInfo;

/**
 * Runs {@link SqlModelBuildExtension} through Weld's lite extension translator. Weld, a CDI
 * Full container, skips every build-compatible extension annotated
 * {@code @SkipIfPortableExtensionPresent} whether or not the portable extension is there, so the
 * build-compatible test run registers this delegate (without the annotation) instead; each phase
 * method hands the container's argument to the library's extension unchanged.
 */
public class TranslatedBuildExtension implements BuildCompatibleExtension {
    private final SqlModelBuildExtension delegate = new SqlModelBuildExtension();

    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = Table.class)
    public void discovered(ClassInfo type) {
        delegate.discovered(type);
    }

    @Registration(types = Object.class)
    public void bean(BeanInfo bean) {
        delegate.bean(bean);
    }

    @Synthesis
    public void beans(SyntheticComponents components) {
        delegate.beans(components);
    }

    @Validation
    public void check(Messages messages) {
        delegate.check(messages);
    }
}
