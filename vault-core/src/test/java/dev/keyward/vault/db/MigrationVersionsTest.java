package dev.keyward.vault.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version lists in {@link SchemaMigrations} name exactly the migration files that ship. */
class MigrationVersionsTest {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__[A-Za-z0-9_]+\\.sql");

    @Test
    void baseVersionsAreTheBaseSqlFilesOnTheClasspath() throws Exception {
        assertEquals(sorted(SchemaMigrations.BASE_VERSIONS), versionsIn(SchemaMigrations.BASE_LOCATION));
    }

    @Test
    void automationVersionsAreTheAutomationSqlFilesOnTheClasspath() throws Exception {
        assertEquals(sorted(SchemaMigrations.AUTOMATION_VERSIONS), versionsIn(SchemaMigrations.AUTOMATION_LOCATION));
    }

    @Test
    void baseAndAutomationVersionsDoNotOverlap() {
        Set<String> overlap = new HashSet<>(SchemaMigrations.BASE_VERSIONS);
        overlap.retainAll(SchemaMigrations.AUTOMATION_VERSIONS);
        assertTrue(overlap.isEmpty(), "versions in both sets: " + overlap);
    }

    @Test
    void aNewProfileHasAppliedTheBaseVersionsAndEnablingAutomationAddsTheRest(@TempDir Path data) throws SQLException {
        TestProfile profile = TestProfile.create(data, "versions");
        try (VaultSession session = profile.unlock();
             Connection c = session.database().connect()) {
            assertEquals(Set.copyOf(SchemaMigrations.BASE_VERSIONS), SchemaMigrations.appliedVersions(c));
            assertFalse(SchemaMigrations.automationApplied(c));
            session.enableAutomation();
            Set<String> all = new HashSet<>(SchemaMigrations.BASE_VERSIONS);
            all.addAll(SchemaMigrations.AUTOMATION_VERSIONS);
            assertEquals(all, SchemaMigrations.appliedVersions(c));
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success = 0")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no failed migration is recorded");
            }
        }
    }

    /** Every file in a Flyway location must be a versioned migration: anything else would be skipped or misread. */
    private static List<String> versionsIn(String location) throws IOException, URISyntaxException {
        String folder = location.substring("classpath:".length());
        List<URL> urls = Collections.list(SchemaMigrations.class.getClassLoader().getResources(folder));
        assertEquals(1, urls.size(), "exactly one " + folder + " on the classpath: " + urls);
        URI uri = urls.get(0).toURI();
        if (uri.getScheme().equals("jar")) {
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            return versionsInFolder(jar.provider().getPath(uri));
        }
        return versionsInFolder(Path.of(uri));
    }

    private static List<String> versionsInFolder(Path folder) throws IOException {
        List<String> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Matcher m = VERSIONED.matcher(name);
                assertTrue(m.matches(), folder + " holds " + name + ", which is not a versioned migration V<n>__<name>.sql");
                versions.add(m.group(1).replace('_', '.'));
            }
        }
        return sorted(versions);
    }

    private static List<String> sorted(List<String> versions) {
        return versions.stream().sorted().toList();
    }
}
