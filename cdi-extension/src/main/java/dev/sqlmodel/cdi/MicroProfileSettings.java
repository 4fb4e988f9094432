package dev.sqlmodel.cdi;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * MicroProfile Config, kept in its own class so that nothing here is loaded when the API is
 * absent from the class path.
 */
final class MicroProfileSettings {
    private final Config config;

    private MicroProfileSettings(Config config) {
        this.config = config;
    }

    /** The configuration of {@code loader}, or null when MicroProfile Config or an implementation is missing. */
    static MicroProfileSettings find(ClassLoader loader) {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            return new MicroProfileSettings(ConfigProvider.getConfig(loader));
        } catch (RuntimeException | LinkageError e) {
            return null; // the API without an implementation
        }
    }

    Optional<String> get(String key) {
        return config.getOptionalValue(key, String.class);
    }

    Iterable<String> names() {
        return config.getPropertyNames();
    }
}
