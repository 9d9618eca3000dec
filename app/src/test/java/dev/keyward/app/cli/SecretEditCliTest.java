package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code secret edit}: the command the dashboard's "no provider" hint names, and the desktop's Edit. */
class SecretEditCliTest {

    private static final String PASSWORD = "edit-password-1";

    @TempDir
    Path data;
    private CliRunner cli;

    @BeforeEach
    void createProfileWithAKeyWithoutProvider() {
        cli = CliRunner.withProfile(data, PASSWORD);
        assertEquals(0, cli.feed("plain-value-without-format", "secret", "add", "mystery", "--value-stdin").code());
    }

    @Test
    void editGivesASecretAProviderAndANameAndKeepsItsValue() {
        CliRunner.Result edited = cli.run("secret", "edit", "mystery", "--provider", "openai", "--name", "known");
        assertEquals(0, edited.code(), edited.err());
        assertEquals("Secret 'known' (was 'mystery'), provider openai." + System.lineSeparator(), edited.out());
        assertEquals("plain-value-without-format" + System.lineSeparator(), cli.run("secret", "get", "known").out());
    }

    @Test
    void editWithNothingToChangeIsAUsageError() {
        CliRunner.Result nothing = cli.run("secret", "edit", "mystery");
        assertEquals(2, nothing.code());
        assertTrue(nothing.err().contains("--provider SLUG"), nothing.err());
    }

    @Test
    void editOfAMissingSecretIsNotFoundWithTheListHint() {
        CliRunner.Result missing = cli.run("secret", "edit", "nope", "--provider", "openai");
        assertEquals(4, missing.code());
        assertEquals("keyward: No secret named 'nope' in this profile. 'keyward secret list' shows the names."
                + System.lineSeparator(), missing.err());
    }
}
