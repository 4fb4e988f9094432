package dev.sqlmodel.data.tck;

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
 * Runs {@link SqlModelBuildExtension} through Weld's lite extension translator for the TCK's CDI
 * Lite execution. Weld, a CDI Full container, skips every build-compatible extension annotated
 * {@code @SkipIfPortableExtensionPresent}, so that execution registers this delegate (without
 * the annotation) instead and leaves the portable extension off the class path; each phase method
 * hands the container's argument to the library's extension unchanged.
 */
public class TranslatedBuildExtension implements BuildCompatibleExtension {
    private final SqlModelBuildExtension delegate = new SqlModelBuildExtension();

    /** Created by the container's service loader. */
    public TranslatedBuildExtension() {
    }

    /** A discovered {@code @Table} type. */
    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = Table.class)
    public void discovered(ClassInfo type) {
        delegate.discovered(type);
    }

    /** Each bean: its injected databases and whether it is a generated repository class. */
    @Registration(types = Object.class)
    public void bean(BeanInfo bean) {
        delegate.bean(bean);
    }

    /** The engine and session beans. */
    @Synthesis
    public void beans(SyntheticComponents components) {
        delegate.beans(components);
    }

    /** The deployment checks, the repository classes' plans among them. */
    @Validation
    public void check(Messages messages) {
        delegate.check(messages);
    }
}
