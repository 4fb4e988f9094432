package dev.sqlmodel.cdi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where database settings come from, in this order for every key: MicroProfile Config when an
 * implementation is present, then system properties, then {@code META-INF/sqlmodel.properties}
 * on the class path (the first file found wins for a key).
 */
final class Settings {
    static final String RESOURCE = "META-INF/sqlmodel.properties";

    private final MicroProfileSettings microProfile;
    private final Properties files;

    private Settings(MicroProfileSettings microProfile, Properties files) {
        this.microProfile = microProfile;
        this.files = files;
    }

    /** The settings visible to {@code loader}. */
    static Settings load(ClassLoader loader) {
        return new Settings(MicroProfileSettings.find(loader), readFiles(loader));
    }

    private static Properties readFiles(ClassLoader loader) {
        Properties merged = new Properties();
        try {
            Enumeration<URL> urls = loader.getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                Properties one = new Properties();
                try (InputStream in = urls.nextElement().openStream()) {
                    one.load(in);
                }
                one.forEach(merged::putIfAbsent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return merged;
    }

    /** The value of {@code key}, if set anywhere. */
    Optional<String> get(String key) {
        if (microProfile != null) {
            Optional<String> v = microProfile.get(key);
            if (v.isPresent()) {
                return v;
            }
        }
        String v = System.getProperty(key);
        if (v == null) {
            v = files.getProperty(key);
        }
        return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Every key that starts with {@code prefix}, from all three sources. */
    Set<String> keys(String prefix) {
        Set<String> keys = new LinkedHashSet<>();
        if (microProfile != null) {
            for (String k : microProfile.names()) {
                if (k.startsWith(prefix)) {
                    keys.add(k);
                }
            }
        }
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                keys.add(k);
            }
        }
        for (String k : files.stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                keys.add(k);
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return "Settings[" + (microProfile != null ? "MicroProfile Config, " : "") + "system properties, " + RESOURCE + "]";
    }
}
