package dev.sqlmodel.data.tck;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * What this runner adds to the TCK's own Arquillian extension: the SQLModel parts of every
 * deployment ({@link RepositoryArchiveProcessor}) and the database of the run ({@link TckSchema}).
 */
public class SqlModelTckExtension implements LoadableExtension {
    /** Created by Arquillian's service loader. */
    public SqlModelTckExtension() {
    }

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, RepositoryArchiveProcessor.class);
        builder.observer(TckSchema.class);
    }
}
