package dev.keyward.vault.projects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretService.Purpose;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a .env.example ({@code KEY=} placeholders) never blanks a live secret unless asked to. */
class EnvImportEmptyValueTest {

    @TempDir
    Path data;

    @Test
    void anEmptyValueForALinkedVariableIsRefusedInThePlanAndTheImport() {
        try (VaultSession session = TestProfile.create(data, "empty").unlock()) {
            session.projects().create("web", null);
            session.projects().create("api", null);
            session.projects().importEnv("web", entries("API_KEY", "live-value-7f3a"));
            session.projects().link("api", "web/API_KEY", "API_KEY");

            EnvImportPlan plan = session.projects().planImport("web", entries("API_KEY", ""));
            assertEquals(1, plan.refused().size(), plan.toString());
            assertTrue(plan.changed().isEmpty(), plan.toString());
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> session.projects().importEnv("web", entries("API_KEY", "")));
            assertTrue(refused.getMessage().contains("API_KEY is empty in the file"), refused.getMessage());

            assertValue(session, "web", "live-value-7f3a");
            assertValue(session, "api", "live-value-7f3a");
        }
    }

    @Test
    void anEmptyValueReplacesALinkedValueWhenAllowed() {
        try (VaultSession session = TestProfile.create(data, "empty").unlock()) {
            session.projects().create("web", null);
            session.projects().importEnv("web", entries("API_KEY", "live-value-7f3a"));
            EnvImportPlan plan = session.projects().importEnv("web", entries("API_KEY", ""), true);
            assertEquals(1, plan.changed().size(), plan.toString());
            assertValue(session, "web", "");
        }
    }

    @Test
    void anEmptyValueForAnEmptyLinkedVariableIsUnchanged() {
        try (VaultSession session = TestProfile.create(data, "empty").unlock()) {
            session.projects().create("web", null);
            session.projects().importEnv("web", entries("EMPTY", ""));
            EnvImportPlan plan = session.projects().importEnv("web", entries("EMPTY", ""));
            assertEquals(1, plan.unchanged().size(), plan.toString());
        }
    }

    private static Map<String, char[]> entries(String key, String value) {
        Map<String, char[]> map = new LinkedHashMap<>();
        map.put(key, value.toCharArray());
        return map;
    }

    private static void assertValue(VaultSession session, String project, String expected) {
        Map<String, char[]> env = session.projects().environment(project, Purpose.INJECT);
        try {
            assertArrayEquals(expected.toCharArray(), env.get("API_KEY"));
        } finally {
            env.values().forEach(Wipe::chars);
        }
    }
}
