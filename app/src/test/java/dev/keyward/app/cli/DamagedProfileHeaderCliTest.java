package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile whose {@code profile.json} is damaged is still that profile: naming it (option or
 * environment) exits 5 with its folder, listing shows it as damaged, and {@code profile create} does
 * not make a second profile of a name the damaged folder may hold. The header is exactly one JSON
 * object: a byte-order mark or text after the closing brace is damage, a final newline is not.
 */
class DamagedProfileHeaderCliTest {

    private static final String PASSWORD = "damaged-header-password";

    @TempDir
    Path data;
    private CliRunner cli;
    private Path workFolder;
    private byte[] header;

    @BeforeEach
    void createTwoProfiles() throws IOException {
        cli = new CliRunner(data).env("KEYWARD_NEW_PASSWORD", PASSWORD).env("KEYWARD_PASSWORD", PASSWORD);
        assertEquals(0, cli.run("profile", "create", "work").code());
        assertEquals(0, cli.run("profile", "create", "home").code());
        assertEquals(0, cli.feed("work-value-123456", "--profile", "work", "secret", "add", "k", "--value-stdin").code());
        workFolder = folderOf("work");
        header = Files.readAllBytes(workFolder.resolve("profile.json"));
    }

    private Path folderOf(String name) throws IOException {
        try (Stream<Path> s = Files.list(data.resolve("profiles"))) {
            for (Path folder : s.toList()) {
                if (Files.readString(folder.resolve("profile.json")).contains("\"profile_name\" : \"" + name + "\"")) {
                    return folder;
                }
            }
        }
        throw new IllegalStateException("no folder for " + name);
    }

    private void writeHeader(byte[] bytes) throws IOException {
        Files.write(workFolder.resolve("profile.json"), bytes);
    }

    private void assertNamingItIsDamage(String why) {
        CliRunner.Result byOption = cli.run("--profile", "work", "secret", "list");
        assertEquals(5, byOption.code(), why + ": " + byOption.err());
        assertTrue(byOption.err().contains(workFolder.toString()) && byOption.err().contains("damaged"),
                why + ": names the folder: " + byOption.err());
        CliRunner.Result byEnvironment = cli.env("KEYWARD_PROFILE", "work").run("secret", "list");
        cli.env("KEYWARD_PROFILE", null);
        assertEquals(5, byEnvironment.code(), why + ": " + byEnvironment.err());
        assertEquals(0, cli.run("--profile", "home", "secret", "list").code(), why + ": the other profile still works");
    }

    @Test
    void aHeaderThatIsNotJsonIsStillThatProfile() throws IOException {
        writeHeader(Arrays.copyOf(header, header.length / 2));

        assertNamingItIsDamage("half a header");
        CliRunner.Result list = cli.run("profile", "list");
        assertEquals(0, list.code());
        assertTrue(list.out().lines().anyMatch(l -> l.contains("DAMAGED")), list.out());
        assertTrue(cli.run("--profile", "work", "profile", "verify").code() == 5);
    }

    @Test
    void aNameADamagedFolderMayHoldIsNotTakenByANewProfile() throws IOException {
        writeHeader("{ not json".getBytes(StandardCharsets.UTF_8));
        long folders = folderCount();

        CliRunner.Result refused = cli.run("profile", "create", "work");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains(workFolder.toString()) && refused.err().contains("--force"), refused.err());
        assertEquals(folders, folderCount(), "no folder was created");

        CliRunner.Result forced = cli.run("profile", "create", "work", "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(folders + 1, folderCount());
    }

    @Test
    void aDamagedNameIsStillFoundByTheNameItDiffersFromByOneByte() throws IOException {
        String text = new String(header, StandardCharsets.UTF_8);
        writeHeader(text.replace("\"profile_name\" : \"work\"", "\"profile_name\" : \"wosk\"").getBytes(StandardCharsets.UTF_8));

        assertNamingItIsDamage("a flipped byte in the name");
        assertEquals(2, cli.run("profile", "create", "work").code(), "the damaged folder may hold 'work'");
    }

    @Test
    void aByteOrderMarkOrTextAfterTheClosingBraceIsDamage() throws IOException {
        String text = new String(header, StandardCharsets.UTF_8);
        for (String damaged : List.of("\uFEFF" + text, text + "x", text + "\n{}", text + "\n// note", text + "\u0000")) {
            writeHeader(damaged.getBytes(StandardCharsets.UTF_8));
            CliRunner.Result result = cli.run("--profile", "work", "secret", "list");
            assertEquals(5, result.code(), damaged.substring(Math.max(0, damaged.length() - 8)) + ": " + result.err());
            assertFalse(result.err().contains("Exception"), result.err());
        }
        String duplicated = text.replaceFirst("\\{", "{\n  \"profile_name\" : \"other\",");
        writeHeader(duplicated.getBytes(StandardCharsets.UTF_8));
        assertEquals(5, cli.run("--profile", "work", "secret", "list").code(), "a duplicated field");

        // Whitespace around the object is not content: an editor's final newline changes nothing.
        writeHeader((text + "\n").getBytes(StandardCharsets.UTF_8));
        CliRunner.Result withNewline = cli.run("--profile", "work", "secret", "list");
        assertEquals(0, withNewline.code(), withNewline.err());
    }

    private long folderCount() throws IOException {
        try (Stream<Path> s = Files.list(data.resolve("profiles"))) {
            return s.count();
        }
    }
}
