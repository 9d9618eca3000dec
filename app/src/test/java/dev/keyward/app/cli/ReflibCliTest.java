package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward reflib} against a loopback archive host: no profile exists in these tests, because
 * the library lives outside the vault.
 */
class ReflibCliTest {

    private static final String REPO_URL = "https://github.com/acme/widgets";
    private static final String SHA1 = "1111111111111111111111111111111111111111";
    private static final String SHA2 = "2222222222222222222222222222222222222222";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private ArchiveHost host;
    private CliRunner cli;

    @BeforeEach
    void startHost() throws IOException {
        host = new ArchiveHost();
        cli = new CliRunner(data).env("KEYWARD_REFLIB_ARCHIVE_BASE", host.base());
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    private static byte[] version1() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("widgets-" + SHA1 + "/README.md", "# Widgets\n\nA library for clicking widgets in a browser.\n");
        files.put("widgets-" + SHA1 + "/src/login.py", """
                def sign_in(page, user):
                    page.goto("https://example.test/login")
                    page.fill("#username", user)
                    page.wait_for_selector("#dashboard", state="visible")
                """ + "# padding line to give the download some size\n".repeat(200));
        return ArchiveHost.tarGz(files);
    }

    private void syncVersion1() {
        host.publish("acme", "widgets", SHA1, version1());
        assertEquals(0, cli.run("reflib", "add", "widgets", REPO_URL, SHA1).code());
        CliRunner.Result synced = cli.run("reflib", "sync", "widgets");
        assertEquals(0, synced.code(), synced.err());
    }

    @Test
    void goodArchiveSyncsWithProgressOnStderrAndIsSearchable() throws IOException {
        byte[] archive = version1();
        host.publish("acme", "widgets", SHA1, archive);
        CliRunner.Result added = cli.run("reflib", "add", "widgets", REPO_URL, SHA1);
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().contains("Registered widgets at 1111111"), added.out());

        CliRunner.Result synced = cli.run("reflib", "sync", "widgets");

        assertEquals(0, synced.code(), synced.err());
        assertTrue(synced.out().startsWith("Synced widgets at 1111111: 2 files"), synced.out());
        int archiveBytes = archive.length;
        assertTrue(synced.err().lines().anyMatch(l -> l.startsWith("downloading widgets [########################] 100%")
                && l.endsWith(SyncProgressBar.bytes(archiveBytes) + " / " + SyncProgressBar.bytes(archiveBytes))),
                synced.err());
        assertTrue(synced.err().lines().anyMatch(l -> l.startsWith("extracting")), synced.err());
        assertTrue(synced.err().lines().anyMatch(l -> l.startsWith("indexing") && l.endsWith("2 / 2 files")), synced.err());
        assertFalse(synced.out().contains("downloading"), "progress goes to stderr only");

        JsonNode listed = widgets(cli.run("reflib", "list", "--json").out());
        assertEquals("current", listed.get("state").asText());
        assertEquals(SHA1, listed.get("installed_commit").asText());
        assertEquals(2, listed.get("file_count").asInt());

        CliRunner.Result found = cli.run("reflib", "search", "wait_for_selector", "dashboard", "--limit", "3");
        assertEquals(0, found.code(), found.err());
        assertTrue(found.out().startsWith("1. widgets:src/login.py:"), found.out());
        assertTrue(found.out().contains("    ") && found.out().contains("wait_for_selector"), found.out());

        JsonNode hits = JSON.readTree(cli.run("reflib", "search", "clicking", "widgets", "--json").out());
        assertEquals("README.md", hits.get(0).get("path").asText());

        CliRunner.Result verified = cli.run("reflib", "verify");
        assertEquals(0, verified.code(), verified.err());
        assertTrue(verified.out().matches("(?s)widgets\\s+ok\\s+2 files intact\\R"), verified.out());
        assertFalse(Files.exists(data.resolve("profiles")), "the library needs no profile");
    }

    @Test
    void damagedArchiveKeepsTheOldVersionAndExitsWith5() throws IOException {
        syncVersion1();
        byte[] good = ArchiveHost.tarGz(Map.of("widgets-" + SHA2 + "/README.md", "sprocket ".repeat(4000)));
        host.publish("acme", "widgets", SHA2, Arrays.copyOf(good, good.length / 2));
        assertEquals(0, cli.run("reflib", "add", "widgets", REPO_URL, SHA2).code());

        CliRunner.Result failed = cli.run("reflib", "sync", "widgets");

        assertEquals(5, failed.code(), failed.err());
        String lastLine = failed.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(lastLine.startsWith("keyward: "), failed.err());
        assertFalse(failed.err().contains("Exception"), failed.err());
        JsonNode listed = widgets(cli.run("reflib", "list", "--json").out());
        assertEquals(SHA1, listed.get("installed_commit").asText(), "the old version stays installed");
        assertEquals("outdated", listed.get("state").asText());
        assertTrue(cli.run("reflib", "search", "wait_for_selector").out().contains("widgets:src/login.py"));
        assertEquals(0, cli.run("reflib", "verify").code());

        CliRunner.Result all = cli.run("reflib", "sync");
        assertEquals(5, all.code(), "a damaged source makes the whole sync fail with 5: " + all.err());
    }

    @Test
    void changedFileIsReportedByVerifyWithExit5AndRepairedByForcedSync() throws IOException {
        syncVersion1();
        Path file = data.resolve("reference_library/widgets/src/login.py");
        Files.writeString(file, "tampered\n");

        CliRunner.Result verified = cli.run("reflib", "verify");
        assertEquals(5, verified.code());
        assertTrue(verified.out().contains("changed"), verified.out());

        assertEquals(0, cli.run("reflib", "sync", "--force", "widgets").code());
        assertEquals(0, cli.run("reflib", "verify").code());
        assertTrue(Files.readString(file).contains("wait_for_selector"));
    }

    @Test
    void unknownNamesAreNotFoundAndBadInputIsAUsageError() {
        assertEquals(4, cli.run("reflib", "sync", "nothing-here").code());
        assertEquals(4, cli.run("reflib", "remove", "nothing-here").code());
        CliRunner.Result badSha = cli.run("reflib", "add", "widgets", REPO_URL, "abc123");
        assertEquals(2, badSha.code());
        assertTrue(badSha.err().contains("40-character"), badSha.err());
        assertEquals(2, cli.run("reflib", "add", "widgets", "https://example.test/not/a/repo/x", SHA1).code());
        assertEquals(2, cli.run("reflib", "--archive-base", "ftp://mirror", "list").code());
        assertEquals(2, cli.run("reflib", "search", "x", "--limit", "0").code());
    }

    @Test
    void archiveBaseOptionOverridesTheEnvironmentAndRemoveDeletesTheFolder() {
        host.publish("acme", "widgets", SHA1, version1());
        cli.env("KEYWARD_REFLIB_ARCHIVE_BASE", "http://127.0.0.1:9");
        assertEquals(0, cli.run("reflib", "add", "widgets", REPO_URL, SHA1).code());
        CliRunner.Result synced = cli.run("reflib", "--archive-base", host.base(), "sync", "widgets");
        assertEquals(0, synced.code(), synced.err());
        assertTrue(Files.isDirectory(data.resolve("reference_library/widgets")));

        CliRunner.Result removed = cli.run("reflib", "remove", "widgets");
        assertEquals(0, removed.code(), removed.err());
        assertFalse(Files.exists(data.resolve("reference_library/widgets")));
        assertEquals(4, cli.run("reflib", "remove", "widgets").code());
    }

    private static JsonNode widgets(String listJson) throws IOException {
        for (JsonNode row : JSON.readTree(listJson)) {
            if (row.get("name").asText().equals("widgets")) {
                return row;
            }
        }
        throw new AssertionError("widgets is not listed: " + listJson);
    }
}
