package dev.keyward.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.process.ChildEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every place in Keyward's main sources that starts a process goes through
 * {@code ChildEnvironment}, so no child (a program under {@code keyward run}, Chromium, the
 * Playwright driver, a browser opened for a link) inherits {@code KEYWARD_PASSWORD} or another
 * credential variable. A new launch site fails this test until it does the same.
 */
class ProcessLaunchSitesTest {

    /** Ways a JVM starts another process (or has one started for it). */
    private static final Pattern LAUNCH = Pattern.compile(
            "new ProcessBuilder\\(|Runtime\\.getRuntime\\(\\)\\.exec|\\.exec\\(|Desktop\\.getDesktop\\(\\)\\.browse"
                    + "|getHostServices\\(\\)|showDocument\\(|Playwright\\.create\\(|BrowserType\\.LaunchOptions\\(\\)"
                    + "|launchPersistentContext\\(|new PtyProcessBuilder\\(|new UnixPtyProcess\\(");

    /** The one class allowed to build a ProcessBuilder: it removes the credential variables. */
    private static final String ALLOWED_BUILDER = "vault-core/src/main/java/dev/keyward/vault/process/ChildEnvironment.java";

    @Test
    void everyProcessKeywardStartsGetsTheScrubbedEnvironment() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        List<String> offenders = new ArrayList<>();
        int sites = 0;
        for (String module : List.of("vault-core", "automation", "reference-library", "app")) {
            Path sources = repo.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String relative = repo.relativize(file).toString().replace('\\', '/');
                    String text = read(file);
                    Matcher m = LAUNCH.matcher(text);
                    while (m.find()) {
                        sites++;
                        if (!acceptable(relative, text, m.group())) {
                            offenders.add(relative + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "process launches that bypass ChildEnvironment");
        assertTrue(sites >= 3, "the search found the known launch sites (" + sites + ")");
    }

    /**
     * The {@code ./keyward} launcher builds with Maven when the sources changed; Maven and its
     * plugins must not inherit the caller's {@code KEYWARD_PASSWORD} either. Every Maven call in
     * the script goes through its {@code without_credentials} function, and that function (run
     * here with real bash) drops every variable {@code ChildEnvironment} calls a credential.
     */
    @Test
    void theLauncherScriptStartsMavenWithoutTheCredentialVariables() throws Exception {
        Path script = Path.of("..").toAbsolutePath().normalize().resolve("keyward");
        String text = read(script);
        List<String> bare = new ArrayList<>();
        for (String line : text.split("\n")) {
            String code = line.strip();
            if (code.startsWith("#") || code.startsWith("echo ") || code.contains("command -v mvn")) {
                continue;
            }
            Matcher m = Pattern.compile("(\\S+\\s+)?\\bmvn\\b").matcher(code);
            while (m.find()) {
                if (m.group(1) == null || !m.group(1).strip().equals("without_credentials")) {
                    bare.add(code);
                }
            }
        }
        assertEquals(List.of(), bare, "Maven started from the launcher with the whole environment");
        assertTrue(text.contains("without_credentials mvn "), "the launcher's Maven call was found");

        Matcher function = Pattern.compile("(?ms)^without_credentials\\(\\) \\{.*?^}$").matcher(text);
        assertTrue(function.find(), "the launcher defines without_credentials");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", function.group() + "\nwithout_credentials env");
        java.util.Map<String, String> env = bash.environment();
        List<String> credentials = new ArrayList<>(ChildEnvironment.CREDENTIALS);
        credentials.addAll(List.of("KEYWARD_API_TOKEN", "KEYWARD_BACKUP_PASSPHRASE", "keyward_db_secret"));
        for (String name : credentials) {
            assertTrue(ChildEnvironment.isCredential(name), name);
            env.put(name, "launcher-canary-" + name);
        }
        env.put("KEYWARD_PROFILE", "kept-profile");
        Process process = bash.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        assertTrue(out.contains("KEYWARD_PROFILE=kept-profile"), out);
        for (String name : credentials) {
            assertTrue(!out.contains("launcher-canary-" + name), name + " reached Maven: " + out);
        }
    }

    private static boolean acceptable(String file, String text, String launch) {
        if (launch.startsWith("new ProcessBuilder(")) {
            return file.equals(ALLOWED_BUILDER);
        }
        if (launch.equals("new UnixPtyProcess(")) {
            // keyward run's child on a pseudo-terminal: given the scrubbed environment like every other.
            return text.contains("Map<String, String> environment = ChildEnvironment.of(inherited);")
                    && text.contains("start(argv, environment, size)");
        }
        if (launch.equals("Playwright.create(")) {
            return text.contains("Playwright.create(new Playwright.CreateOptions().setEnv(driverEnvironment()))");
        }
        if (launch.equals("BrowserType.LaunchOptions()")) {
            return text.contains(".setEnv(ChildEnvironment.of(");
        }
        // Runtime.exec, Desktop.browse, HostServices and the like cannot be given an environment.
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
