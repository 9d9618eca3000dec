package dev.keyward.reflib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSchemaTest {

    @TempDir
    Path root;

    private static List<String> column(Connection connection, String sql, int index) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(index));
            }
        }
        return values;
    }

    private Connection openManifest() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + root.resolve("reference_library/manifest.db"));
    }

    @Test
    void defaultSourcesAreRegisteredWithPinnedCommitsOnFirstUse() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            ReferenceLibrary library = new ReferenceLibrary(root, LibrarySettings.GITHUB_ARCHIVE_BASE, http);

            List<LibrarySource> sources = library.list();

            assertEquals(List.of("playwright-java", "playwright-python", "puppeteer"),
                    sources.stream().map(LibrarySource::name).toList());
            Pattern sha = Pattern.compile("[0-9a-f]{40}");
            assertTrue(sources.stream().allMatch(s -> sha.matcher(s.pinned().commitSha()).matches()));
            assertTrue(sources.stream().allMatch(s -> s.state() == SourceState.NOT_DOWNLOADED));
            assertEquals("https://github.com/microsoft/playwright-python/archive/"
                    + sources.get(1).pinned().commitSha() + ".tar.gz", library.archiveUrl("playwright-python").toString());
        }
    }

    @Test
    void removedDefaultSourceDoesNotComeBack() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            new ReferenceLibrary(root, LibrarySettings.GITHUB_ARCHIVE_BASE, http).remove("puppeteer");

            ReferenceLibrary reopened = new ReferenceLibrary(root, LibrarySettings.GITHUB_ARCHIVE_BASE, http);

            assertEquals(List.of("playwright-java", "playwright-python"),
                    reopened.list().stream().map(LibrarySource::name).toList());
        }
    }

    @Test
    void manifestTableFollowsTheSeedSchemaAndTheVersionIsRecorded() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            new ReferenceLibrary(root, LibrarySettings.GITHUB_ARCHIVE_BASE, http).list();
        }
        try (Connection connection = openManifest()) {
            assertEquals(List.of("id", "source_name", "source_url", "commit_sha", "downloaded_at", "local_path",
                    "file_count", "total_size_bytes", "checksum"),
                    column(connection, "PRAGMA table_info(reference_library_manifest)", 2));
            assertEquals(List.of("1"), column(connection, "PRAGMA user_version", 1));
            try (Statement statement = connection.createStatement()) {
                String insert = """
                        INSERT INTO reference_library_manifest VALUES
                        ('%s', 'dup', 'https://github.com/a/b', 'sha', '2025-01-01T00:00:00Z', 'dup', 0, 0, 'x')""";
                statement.execute(insert.formatted("id-1"));
                assertThrows(SQLException.class, () -> statement.execute(insert.formatted("id-2")),
                        "source_name must be unique");
            }
        }
    }

    @Test
    void manifestFromANewerKeywardIsRefused() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            new ReferenceLibrary(root, LibrarySettings.GITHUB_ARCHIVE_BASE, http).list();
            try (Connection connection = openManifest(); Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA user_version = 99");
            }

            ReferenceStoreException error = assertThrows(ReferenceStoreException.class,
                    () -> new ReferenceLibrary(root, LibrarySettings.GITHUB_ARCHIVE_BASE, http).list());

            assertTrue(error.getMessage().contains("newer Keyward"), error.getMessage());
        }
    }
}
