package dev.sqlmodel.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.SqlModelException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseConfigTest {
    @TempDir
    Path dir;

    private Settings settings(String properties) throws IOException {
        Path file = dir.resolve(Settings.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, properties);
        // No MicroProfile Config is visible to this loader: only the file and system properties count.
        return Settings.load(new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader()));
    }

    @Test
    void retriesAreReadPerDatabaseAndReachTheEngineBuilder() throws IOException {
        Settings s = settings("sqlmodel.datasource.url=jdbc:sqlite::memory:\n"
                + "sqlmodel.datasource.retries=5\n"
                + "sqlmodel.datasource.reports.url=jdbc:sqlite::memory:\n"
                + "sqlmodel.datasource.reports.retries=0\n"
                + "sqlmodel.datasource.audit.url=jdbc:sqlite::memory:\n");
        assertEquals(5, DatabaseConfig.read("", s).builder().retries());
        assertEquals(0, DatabaseConfig.read("reports", s).builder().retries());
        assertEquals(3, DatabaseConfig.read("audit", s).builder().retries(), "the engine's default");
        // "retries" is a key of the default database, not the name of another one
        assertEquals(java.util.Set.of("audit", "reports"), DatabaseConfig.names(s));
    }

    @Test
    void aNegativeOrNonNumericRetriesSettingNamesTheKey() throws IOException {
        SqlModelException negative = assertThrows(SqlModelException.class,
                () -> DatabaseConfig.read("", settings("sqlmodel.datasource.url=jdbc:sqlite::memory:\n"
                        + "sqlmodel.datasource.retries=-1\n")));
        assertEquals("sqlmodel.datasource.retries must be 0 or more, was -1", negative.getMessage());
        SqlModelException word = assertThrows(SqlModelException.class,
                () -> DatabaseConfig.read("", settings("sqlmodel.datasource.url=jdbc:sqlite::memory:\n"
                        + "sqlmodel.datasource.retries=many\n")));
        assertTrue(word.getMessage().startsWith("sqlmodel.datasource.retries must be a whole number"), word.getMessage());
    }
}
