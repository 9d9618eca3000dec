package dev.keyward.vault.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
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
    void aProcessStartedFromAnEnvironmentWithCredentialsGetsNoneOfThem() throws Exception {
        Map<String, String> inherited = new LinkedHashMap<>(System.getenv());
        inherited.put("KEYWARD_PASSWORD", "canary-password-5d1e");
        inherited.put("KEYWARD_RECOVERY_CODE", "canary-code-5d1e");
        inherited.put("KEYWARD_BACKUP_SECRET", "canary-secret-5d1e");
        inherited.put("KEYWARD_PROFILE", "kept-5d1e");
        String out = output(ChildEnvironment.processBuilder(inherited, List.of("env")));
        assertTrue(out.contains("KEYWARD_PROFILE=kept-5d1e"), out);
        assertFalse(out.contains("canary-"), out);
    }

    /** The public builder scrubs this JVM's own environment: a child JVM started with the variables set checks it. */
    @Test
    void theProcessBuilderScrubsTheEnvironmentOfTheProcessItRunsIn() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StartsEnv.class.getName());
        jvm.environment().put("KEYWARD_PASSWORD", "canary-password-77aa");
        jvm.environment().put("KEYWARD_NEW_PASSWORD", "canary-new-77aa");
        jvm.environment().put("KEYWARD_DEMO_PASSWORD", "canary-demo-77aa");
        jvm.environment().put("KEYWARD_PROFILE", "kept-77aa");
        String out = output(jvm);
        assertTrue(out.contains("KEYWARD_PROFILE=kept-77aa"), out);
        assertFalse(out.contains("canary-"), out);
        assertTrue(ChildEnvironment.CREDENTIALS.stream().allMatch(ChildEnvironment::isCredential));
    }

    private static String output(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out;
    }

    /** Run in a child JVM: starts {@code env} through the public builder and passes its output on. */
    static final class StartsEnv {
        public static void main(String[] args) throws Exception {
            Process env = ChildEnvironment.processBuilder("env").inheritIO().start();
            System.exit(env.waitFor());
        }
    }
}
