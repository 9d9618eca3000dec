package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few cases of vault-core's tamper sweep as the user meets them: {@code keyward profile verify} and
 * {@code keyward secret list} exit with code 5 on a profile with one flipped byte, say it is damaged,
 * and leave every file of the profile as it was (same SHA-256 before and after).
 */
class TamperedProfileCliTest {

    private static final String PASSWORD = "tamper-cli-password";
    private static final int PAGE = 4096;
    private static final String CANARY = "tamper-cli-canary-0d5e";

    @TempDir
    Path data;
    private CliRunner cli;
    private Path folder;

    @BeforeEach
    void createProfileWithSecrets() throws IOException {
        cli = new CliRunner(data).env("KEYWARD_NEW_PASSWORD", PASSWORD).env("KEYWARD_PASSWORD", PASSWORD);
        assertEquals(0, cli.run("profile", "create", "work").code());
        for (int i = 0; i < 3; i++) {
            CliRunner.Result added = cli.feed(CANARY + i, "secret", "add", "key-" + i, "--value-stdin");
            assertEquals(0, added.code(), added.err());
        }
        try (Stream<Path> s = Files.walk(data)) {
            folder = s.filter(p -> p.getFileName().toString().equals("profile.json")).findFirst().orElseThrow().getParent();
        }
        assertEquals(0, cli.run("profile", "verify").code(), "the untouched profile is intact");
    }

    @Test
    void everyFlippedVaultPageMakesProfileVerifyExitWith5AndWritesNothing() throws IOException {
        Path vault = folder.resolve("vault.db");
        byte[] original = Files.readAllBytes(vault);
        int pages = original.length / PAGE;
        assertTrue(pages >= 4, pages + " pages");
        for (int page = 0; page < pages; page++) {
            // The cell area of the page, and its authentication tag in the reserved tail.
            for (int offset : new int[] {page == 0 ? 100 : 16, 4032}) {
                flip(vault, original, page * PAGE + offset);
                assertDamagedAndUntouched("page " + (page + 1) + " offset " + offset, "profile", "verify");
            }
        }
        Files.write(vault, original);
        assertEquals(0, cli.run("profile", "verify").code(), "the restored bytes are intact again");
    }

    @Test
    void everyFlippedVaultPageMakesSecretGetExitWith5AndWritesNoAuditEntry() throws IOException {
        Path vault = folder.resolve("vault.db");
        byte[] original = Files.readAllBytes(vault);
        int pages = original.length / PAGE;
        for (int page = 0; page < pages; page++) {
            // A page the read does not touch too: its audit entry would be written into a damaged file.
            for (int offset : new int[] {page == 0 ? 100 : 16, 2048, 4032}) {
                flip(vault, original, page * PAGE + offset);
                assertDamagedAndUntouched("page " + (page + 1) + " offset " + offset, "secret", "get", "key-1");
            }
        }
        assertFalse(cli.transcript().contains(CANARY), "no value printed from a damaged vault");
        Files.write(vault, original);
        CliRunner.Result intact = cli.run("secret", "get", "key-1");
        assertEquals(0, intact.code(), intact.err());
        assertEquals(CANARY + "1", intact.out().strip());
    }

    @Test
    void aFlippedFirstPageOrHeaderMakesEveryCommandThatOpensTheVaultExitWith5() throws IOException {
        Path vault = folder.resolve("vault.db");
        byte[] vaultBytes = Files.readAllBytes(vault);
        for (int offset : new int[] {0, 100, 2048, 4032, 4095}) {
            flip(vault, vaultBytes, offset);
            assertDamagedAndUntouched("vault byte " + offset, "secret", "list");
            assertDamagedAndUntouched("vault byte " + offset, "profile", "verify");
        }
        Files.write(vault, vaultBytes);

        Path header = folder.resolve("profile.json");
        byte[] headerBytes = Files.readAllBytes(header);
        // Spread over the header: its fields' names and values, the checksum near the end.
        for (int offset : new int[] {headerBytes.length / 5, headerBytes.length / 2, headerBytes.length * 4 / 5}) {
            flip(header, headerBytes, offset);
            assertDamagedAndUntouched("header byte " + offset, "secret", "list");
            assertDamagedAndUntouched("header byte " + offset, "profile", "verify");
        }
        assertFalse(cli.transcript().contains(CANARY), "no secret value in any output");
    }

    private void assertDamagedAndUntouched(String name, String... command) throws IOException {
        Map<String, String> before = sha256OfEveryFile();
        CliRunner.Result result = cli.run(command);
        assertEquals(5, result.code(), name + ": " + String.join(" ", command) + ": " + result.err());
        assertTrue(result.err().startsWith("keyward: ") && result.err().contains("damaged"), name + ": " + result.err());
        assertFalse(result.err().contains("Exception"), name + ": no stack trace: " + result.err());
        Map<String, String> after = sha256OfEveryFile();
        // SQLite may leave an empty write-ahead log behind, which holds no data.
        after.entrySet().removeIf(file -> file.getKey().endsWith("-wal") && !before.containsKey(file.getKey())
                && file.getValue().equals(EMPTY_SHA256));
        assertEquals(before, after, name + ": " + String.join(" ", command) + " wrote to the profile");
    }

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private Map<String, String> sha256OfEveryFile() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            // The shared-memory index beside a write-ahead log is SQLite's scratch space, not data.
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith("-shm")).toList()) {
                hashes.put(folder.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flip(Path file, byte[] original, int offset) throws IOException {
        byte[] copy = original.clone();
        copy[offset] ^= 0x01;
        Files.write(file, copy);
    }
}
