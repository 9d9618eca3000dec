package dev.keyward.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                    + "|launchPersistentContext\\(");

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

    private static boolean acceptable(String file, String text, String launch) {
        if (launch.startsWith("new ProcessBuilder(")) {
            return file.equals(ALLOWED_BUILDER);
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
