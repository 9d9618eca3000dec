package dev.keyward.automation.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.practice.PracticeAccount;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.scripts.ImportOutcome;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code keyward demo} (and later the desktop's demo mode) needs: a "demo" profile in its own data
 * folder, Practice Cloud running on loopback, the sample programs imported with their {@code base_url} pointing
 * at it, and the practice password stored as the secret {@code practice-cloud-password}. Nothing real is used.
 */
public final class DemoWorkspace implements AutoCloseable {

    /** The profile's name inside the demo data folder. */
    public static final String PROFILE = "demo";
    /** Used when the caller gives no password of its own; it guards only practice values. */
    public static final String DEFAULT_PASSWORD = "keyward-demo-password";
    /** The sample programs bundled with Keyward, by file name. */
    public static final List<String> SAMPLES = List.of("read-usage-dashboard.json", "set-billing-cap.json",
            "rotate-api-key.json", "buy-credits.json");
    /** Defaults the demo gives the samples' required inputs besides base_url, so each runs without questions. */
    static final Map<String, Map<String, String>> DEMO_INPUTS = Map.of(
            "set-billing-cap.json", Map.of("cap", "50"),
            "rotate-api-key.json", Map.of("old_key_name", KeyLedger.DEFAULT_SEEDED_NAME),
            "buy-credits.json", Map.of("amount", "25"));

    private static final String RESOURCES = "/dev/keyward/automation/demo/programs/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VaultSession session;
    private final PracticeCloud cloud;
    private final Map<String, ImportOutcome> imported;
    private final boolean createdProfile;

    private DemoWorkspace(VaultSession session, PracticeCloud cloud, Map<String, ImportOutcome> imported,
            boolean createdProfile) {
        this.session = session;
        this.cloud = cloud;
        this.imported = imported;
        this.createdProfile = createdProfile;
    }

    /**
     * Opens (creating on first use) the demo profile of {@code profiles}, starts Practice Cloud and imports the
     * samples.
     *
     * @param port Practice Cloud's port, 0 for a free one
     */
    public static DemoWorkspace prepare(ProfileService profiles, char[] password, int port) {
        boolean create = profiles.list().stream().noneMatch(p -> p.name().equals(PROFILE));
        VaultSession session;
        try (Password pw = Password.copyOf(password)) {
            if (create) {
                ProfileService.Created created = profiles.create(PROFILE, pw);
                created.recoveryCode().close();
                session = profiles.unlock(created.profile(), pw);
            } else {
                session = profiles.unlock(profiles.resolve(PROFILE), pw);
            }
        }
        PracticeCloud cloud = null;
        try {
            cloud = PracticeCloud.start(port);
            storePracticePassword(session);
            ScriptService scripts = new ScriptService(session);
            Map<String, ImportOutcome> imported = new LinkedHashMap<>();
            for (String sample : SAMPLES) {
                imported.put(sample, scripts.importProgram(withDemoDefaults(sample, cloud.baseUrl()), "practice-cloud"));
            }
            return new DemoWorkspace(session, cloud, imported, create);
        } catch (IOException e) {
            session.close();
            throw new OperationFailedException("Practice Cloud could not start on 127.0.0.1"
                    + (port == 0 ? "" : " port " + port) + "; choose another port.", e);
        } catch (RuntimeException e) {
            if (cloud != null) {
                cloud.close();
            }
            session.close();
            throw e;
        }
    }

    public VaultSession session() {
        return session;
    }

    public PracticeCloud cloud() {
        return cloud;
    }

    /** What importing each sample did, by file name. */
    public Map<String, ImportOutcome> imported() {
        return imported;
    }

    /** Whether this call created the demo profile (false: it reused one from an earlier demo). */
    public boolean createdProfile() {
        return createdProfile;
    }

    /** The stored script id of a sample, by file name. */
    public String scriptId(String sample) {
        ImportOutcome outcome = imported.get(sample);
        if (outcome == null) {
            throw new dev.keyward.vault.InvalidInputException("There is no sample '" + sample + "'; the samples are "
                    + String.join(", ", SAMPLES) + ".");
        }
        return outcome.script().id();
    }

    @Override
    public void close() {
        cloud.close();
        session.close();
    }

    /** The sample's JSON with base_url (and the other required inputs) given demo defaults. */
    static String withDemoDefaults(String sample, String baseUrl) {
        try (InputStream in = DemoWorkspace.class.getResourceAsStream(RESOURCES + sample)) {
            if (in == null) {
                throw new IllegalStateException("sample " + sample + " is missing from the build");
            }
            JsonNode program = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ObjectNode inputs = (ObjectNode) program.get("inputs");
            Map<String, String> defaults = new LinkedHashMap<>(DEMO_INPUTS.getOrDefault(sample, Map.of()));
            defaults.put("base_url", baseUrl);
            defaults.forEach((name, value) -> ((ObjectNode) inputs.get(name)).put("default", value));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(program);
        } catch (IOException e) {
            throw new UncheckedIOException("sample " + sample + " could not be read", e);
        }
    }

    private static void storePracticePassword(VaultSession session) {
        String name = "practice-cloud-password";
        char[] value = PracticeAccount.DEFAULT_PASSWORD.toCharArray();
        try {
            boolean exists = session.database().read(c -> session.secrets().findByNameIn(c, name) != null);
            if (!exists) {
                session.secrets().add(name, value, "practice-cloud");
                return;
            }
            char[] current = session.secrets().reveal(name, dev.keyward.vault.secrets.SecretService.Purpose.READ);
            try {
                if (!Arrays.equals(current, value)) {
                    session.secrets().rotate(name, value);
                }
            } finally {
                Wipe.chars(current);
            }
        } finally {
            Wipe.chars(value);
        }
    }

    /** File names of the samples whose import changed the stored program (a new port changes base_url). */
    public List<String> updatedSamples() {
        List<String> out = new ArrayList<>();
        imported.forEach((k, v) -> {
            if (v.kind() == ImportOutcome.Kind.UPDATED) {
                out.add(k);
            }
        });
        return out;
    }
}
