package dev.keyward.app.ui.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.secrets.SecretInfo;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretFilterTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final SecretInfo OPENAI = secret("OPENAI_KEY", "openai", "2026-01-01T00:00:00Z", null);
    static final SecretInfo LOOSE = secret("db-password", null, "2026-05-30T00:00:00Z", null);

    static SecretInfo secret(String name, String provider, String created, String rotated) {
        return new SecretInfo("id-" + name, name, provider, 1, "abcd", "fp", created, created, rotated, null, null);
    }

    @Test
    void everyWordOfTheQueryMustMatchNameOrProvider() {
        assertTrue(new SecretFilter("openai key", null, null, 0).matches(OPENAI, Set.of(), NOW));
        assertTrue(new SecretFilter("OPENAI", null, null, 0).matches(OPENAI, Set.of(), NOW));
        assertFalse(new SecretFilter("openai db", null, null, 0).matches(OPENAI, Set.of(), NOW));
        assertTrue(SecretFilter.everything().matches(LOOSE, Set.of(), NOW));
    }

    @Test
    void providerFilterTellsSecretsWithoutAProviderApart() {
        assertTrue(new SecretFilter("", SecretFilter.NO_PROVIDER, null, 0).matches(LOOSE, Set.of(), NOW));
        assertFalse(new SecretFilter("", SecretFilter.NO_PROVIDER, null, 0).matches(OPENAI, Set.of(), NOW));
        assertTrue(new SecretFilter("", "openai", null, 0).matches(OPENAI, Set.of(), NOW));
    }

    @Test
    void projectFilterUsesTheSecretsProjects() {
        assertTrue(new SecretFilter("", null, "api", 0).matches(OPENAI, Set.of("api", "web"), NOW));
        assertFalse(new SecretFilter("", null, "api", 0).matches(OPENAI, Set.of("web"), NOW));
    }

    @Test
    void ageCountsFromTheLastRotation() {
        assertEquals(151, SecretFilter.ageDays(OPENAI, NOW));
        assertTrue(new SecretFilter("", null, null, 90).matches(OPENAI, Set.of(), NOW));
        assertFalse(new SecretFilter("", null, null, 90).matches(LOOSE, Set.of(), NOW));
        SecretInfo rotated = secret("OPENAI_KEY", "openai", "2026-01-01T00:00:00Z", "2026-05-01T00:00:00Z");
        assertEquals(31, SecretFilter.ageDays(rotated, NOW));
    }
}
