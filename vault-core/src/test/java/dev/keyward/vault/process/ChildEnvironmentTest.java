package dev.keyward.vault.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    @Test
    void everyCredentialKeywardReadsIsLeftOutAndEverythingElseIsKept() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin");
        env.put("KEYWARD_PASSWORD", "canary-password");
        env.put("KEYWARD_NEW_PASSWORD", "canary-new");
        env.put("KEYWARD_RECOVERY_CODE", "canary-code");
        env.put("KEYWARD_DEMO_PASSWORD", "canary-demo");
        env.put("KEYWARD_SOME_TOKEN", "canary-token");
        env.put("keyward_password", "canary-lowercase");
        env.put("KEYWARD_HOME", "/data");
        env.put("KEYWARD_PROFILE", "work");

        Map<String, String> child = ChildEnvironment.of(env);

        assertEquals(Map.of("PATH", "/usr/bin", "KEYWARD_HOME", "/data", "KEYWARD_PROFILE", "work"), child);
        assertFalse(child.values().stream().anyMatch(v -> v.startsWith("canary")));
    }

    @Test
    void aProcessBuilderStartsWithoutCredentials() {
        ProcessBuilder builder = ChildEnvironment.processBuilder("true");
        assertTrue(builder.environment().keySet().stream().noneMatch(ChildEnvironment::isCredential));
        assertTrue(ChildEnvironment.CREDENTIALS.stream().allMatch(ChildEnvironment::isCredential));
    }
}
