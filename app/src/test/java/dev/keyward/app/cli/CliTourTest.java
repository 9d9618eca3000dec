package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a script uses it: every command of the README tour, its exit codes for the
 * failure kinds of DESIGN section 8, and no canary value anywhere it should not be.
 */
class CliTourTest {

    private static final String PASSWORD = "tour-password-1";
    private static final String CANARY_OPENAI = "sk-proj-CANARYcanary0123456789abcdefXYZ";
    private static final String CANARY_STRIPE = "sk_live_CANARYstripe0123456789";
    private static final String CANARY_ENV = "envcanary-7d1f0e-value";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path work;
    private CliRunner cli;

    @BeforeEach
    void createProfile() {
        cli = new CliRunner(data).env("KEYWARD_NEW_PASSWORD", PASSWORD).env("KEYWARD_PASSWORD", PASSWORD);
        CliRunner.Result created = cli.run("profile", "create", "work");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().lines().anyMatch(l -> l.matches("Recovery code: [0-9A-Z]{4}(-[0-9A-Z]{4}){7}")), created.out());
    }

    @Test
    void tourWorksAndLeaksNoValue() throws IOException {
        assertEquals(0, cli.feed(CANARY_OPENAI + "\n", "secret", "add", "openai-main", "--value-stdin").code());
        assertEquals(0, cli.feed(CANARY_STRIPE, "secret", "add", "stripe", "--value-stdin", "--provider", "openai").code());

        CliRunner.Result list = cli.run("secret", "list", "--json");
        JsonNode secrets = JSON.readTree(list.out());
        assertEquals(2, secrets.size());
        assertEquals("openai", secrets.get(0).get("provider").asText(), "provider detected from the key format");
        assertEquals("WXYZ".substring(1) + "", secrets.get(0).get("last4").asText().substring(1));

        CliRunner.Result get = cli.run("secret", "get", "openai-main");
        assertEquals(CANARY_OPENAI + "\n", get.out());
        String getOutput = get.out();

        assertEquals(0, cli.feed("rotate-value-" + CANARY_OPENAI, "secret", "rotate", "openai-main", "--value-stdin").code());
        assertEquals(CANARY_OPENAI + "\n", cli.run("secret", "get", "openai-main", "--version", "1").out(), "history keeps the old value");
        assertTrue(cli.run("secret", "history", "openai-main").out().contains("v2"));

        assertEquals(0, cli.run("project", "create", "api").code());
        assertEquals(0, cli.run("project", "link", "api", "stripe", "--env", "STRIPE_KEY").code());
        Path env = work.resolve(".env");
        Files.writeString(env, "\uFEFFexport APP_TOKEN=\"" + CANARY_ENV + "\"\r\nMULTI=\"a\\nb\" # comment\r\n");
        CliRunner.Result imported = cli.run("env", "import", env.toString(), "--project", "api");
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("+ APP_TOKEN"));
        Files.delete(env); // the user's own plaintext file, not Keyward's

        Path exported = work.resolve("exported.env");
        assertEquals(0, cli.run("env", "export", "--project", "api", "--output", exported.toString()).code());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(exported)));
        String exportedText = Files.readString(exported);
        assertTrue(exportedText.contains(CANARY_ENV) && exportedText.contains("STRIPE_KEY"));
        Files.delete(exported); // the one file meant to hold values

        Path seen = work.resolve("seen.txt");
        CliRunner.Result run = cli.run("run", "--project", "api", "--", "sh", "-c",
                "printf '%s|%s' \"$APP_TOKEN\" \"$MULTI\" > " + seen + "; exit 7");
        assertEquals(7, run.code(), "the child's exit code is Keyward's");
        assertEquals(CANARY_ENV + "|a\nb", Files.readString(seen));
        Files.delete(seen);

        assertEquals(0, cli.run("settings", "set", "clipboard_clear_seconds", "20").code());
        assertEquals(0, cli.run("provider", "set", "practice-cloud", "--api-base-url", "http://127.0.0.1:9").code());
        assertEquals(0, cli.run("profile", "verify").code());
        assertEquals(0, cli.run("audit", "list", "--limit", "500").code());
        assertEquals(0, cli.run("backup", "create", work.resolve("b.kwbackup").toString()).code());
        assertEquals(0, cli.run("secret", "rm", "stripe", "--yes").code());

        String printed = cli.transcript().replace(getOutput, "");
        for (String canary : List.of(CANARY_OPENAI, CANARY_STRIPE, CANARY_ENV)) {
            assertFalse(printed.contains(canary), "a value was printed by a command other than 'secret get'");
            assertEquals(List.of(), filesContaining(data, canary), "plaintext value in the data folder");
            assertEquals(List.of(), filesContaining(work, canary), "plaintext value beside the backup");
        }
    }

    @Test
    void runReportsASignalDeathAs128PlusTheSignal() {
        assertEquals(0, cli.run("project", "create", "p").code());
        assertEquals(143, cli.run("run", "--project", "p", "--", "sh", "-c", "kill -TERM $$").code());
    }

    @Test
    void malformedEnvFileIsRefusedWithItsLineAndImportsNothing() throws IOException {
        assertEquals(0, cli.run("project", "create", "api").code());
        Path env = work.resolve("bad.env");
        Files.writeString(env, "GOOD=1\nALSO_GOOD=2\nBROKEN=\"never closed\n");
        CliRunner.Result r = cli.run("env", "import", env.toString(), "--project", "api");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 3"), r.err());
        assertEquals(0, JSON.readTree(cli.run("project", "show", "api", "--json").out()).size());
    }

    @Test
    void exitCodesFollowTheDesign() throws IOException {
        assertEquals(3, cli.env("KEYWARD_PASSWORD", "wrong-password").run("secret", "list").code());
        cli.env("KEYWARD_PASSWORD", PASSWORD);
        CliRunner.Result missing = cli.run("secret", "get", "nope");
        assertEquals(4, missing.code());
        assertTrue(missing.err().startsWith("keyward: No secret named 'nope'"), missing.err());
        assertEquals(2, cli.run("settings", "set", "dashboard_quiet_hours_start", "24").code());
        assertEquals(2, cli.run("secret", "frobnicate").code());
        assertEquals(0, cli.run("--version").code());

        Path header;
        try (Stream<Path> s = Files.walk(data)) {
            header = s.filter(p -> p.getFileName().toString().equals("profile.json")).findFirst().orElseThrow();
        }
        String text = Files.readString(header);
        Matcher salt = Pattern.compile("\"password_salt\" : \"(.)").matcher(text);
        assertTrue(salt.find());
        char flipped = salt.group(1).equals("A") ? 'B' : 'A';
        Files.writeString(header, text.substring(0, salt.start(1)) + flipped + text.substring(salt.end(1)));
        CliRunner.Result damaged = cli.run("secret", "list");
        assertEquals(5, damaged.code(), damaged.err());
        assertTrue(damaged.err().contains("damaged"), damaged.err());
        assertFalse(damaged.err().contains("Exception"), "no stack trace: " + damaged.err());
    }

    @Test
    void passwordChangeAndRecoveryWork() {
        CliRunner fresh = new CliRunner(data.resolve("second")).env("KEYWARD_NEW_PASSWORD", PASSWORD);
        String out = fresh.run("profile", "create", "home").out();
        String code = out.lines().filter(l -> l.startsWith("Recovery code: ")).findFirst().orElseThrow().substring(15);

        fresh.env("KEYWARD_PASSWORD", PASSWORD).env("KEYWARD_NEW_PASSWORD", "second-password");
        assertEquals(0, fresh.run("profile", "passwd").code());
        assertEquals(3, fresh.run("secret", "list").code(), "the old password no longer works");
        assertEquals(0, fresh.env("KEYWARD_PASSWORD", "second-password").run("secret", "list").code());

        fresh.env("KEYWARD_RECOVERY_CODE", code.toLowerCase().replace('-', ' ')).env("KEYWARD_NEW_PASSWORD", "third-password");
        assertEquals(0, fresh.run("profile", "recover").code());
        assertEquals(0, fresh.env("KEYWARD_PASSWORD", "third-password").run("secret", "list").code());
    }

    @Test
    void passwordsCanComeFromStdin() {
        CliRunner stdin = new CliRunner(data.resolve("stdin"));
        assertEquals(0, stdin.feed("pw-from-stdin\n", "profile", "create", "s", "--password-stdin").code());
        assertEquals(0, stdin.feed("pw-from-stdin\nvalue-from-stdin-123\n", "secret", "add", "k", "--password-stdin", "--value-stdin").code());
        assertEquals("value-from-stdin-123\n", stdin.feed("pw-from-stdin\n", "secret", "get", "k", "--password-stdin").out());
    }

    @Test
    void backupRestoresAProfileThatOpensWithTheSamePassword() throws IOException {
        assertEquals(0, cli.feed("value-before-backup", "secret", "add", "kept", "--value-stdin").code());
        Path backup = work.resolve("work.kwbackup");
        assertEquals(0, cli.run("backup", "create", backup.toString()).code());
        assertEquals(0, cli.run("secret", "rm", "kept", "--yes").code());
        assertEquals(0, cli.run("backup", "restore", backup.toString()).code());
        assertEquals("value-before-backup\n", cli.run("secret", "get", "kept").out());

        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length - 40] ^= 0x01;
        Files.write(backup, bytes);
        assertEquals(5, cli.run("backup", "restore", backup.toString()).code(), "a damaged backup is refused");
        assertEquals("value-before-backup\n", cli.run("secret", "get", "kept").out(), "and nothing was replaced");
    }

    @Test
    void jsonOutputIsOneDocument() throws IOException {
        for (String[] command : new String[][] {{"profile", "list", "--json"}, {"secret", "list", "--json"},
                {"settings", "list", "--json"}, {"provider", "list", "--json"}, {"project", "list", "--json"}}) {
            CliRunner.Result r = cli.run(command);
            assertEquals(0, r.code(), r.err());
            JsonNode doc = JSON.readTree(r.out());
            assertTrue(doc.isArray() || doc.isObject(), String.join(" ", command));
        }
    }

    private static List<Path> filesContaining(Path folder, String needle) throws IOException {
        byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("vault.db") || name.startsWith("vault-before-restore")) {
                    continue; // SQLCipher-encrypted; searched as ciphertext by the vault-core tests
                }
                if (indexOf(Files.readAllBytes(p), bytes) >= 0) {
                    hits.add(p);
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
