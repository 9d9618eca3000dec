package dev.keyward.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.projects.EnvImportPlan;
import dev.keyward.vault.provider.ProviderUpdate;
import dev.keyward.vault.secrets.SecretService.Purpose;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.Canary;
import dev.keyward.vault.testing.CanaryScan;
import dev.keyward.vault.testing.OutputCapture;
import dev.keyward.vault.testing.TestProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted secret values, passwords and the recovery code never appear in the data folder (outside
 * the encrypted vault.db and its WAL), in anything written to stdout, stderr or a log, in the
 * text of results a CLI would print, or in the message of any error.
 */
class CanaryLeakTest {

    @TempDir
    Path data;

    private final List<Canary> canaries = new ArrayList<>();
    /** Everything a user could see: printed results and error messages (with their causes). */
    private final List<String> shown = new ArrayList<>();

    @Test
    void plantedSecretsAppearNowhereOutsideTheEncryptedVault() {
        Canary password = plant(Canary.fresh("password"));
        Canary newPassword = plant(Canary.fresh("new-password"));
        Canary plain = plant(Canary.fresh("plain"));
        Canary keyShaped = plant(Canary.openAiShaped());
        Canary rotated = plant(Canary.fresh("rotated"));
        Canary imported = plant(Canary.fresh("imported"));
        Canary importedRotation = plant(Canary.openAiShaped());
        Canary refused = plant(Canary.fresh("refused"));

        try (OutputCapture capture = OutputCapture.start()) {
            ProfileService service = TestProfile.service(data);
            TestProfile profile = TestProfile.create(service, "canary", password.value());
            plant(new Canary(profile.recoveryCodeText()));
            plant(new Canary(profile.recoveryCodeText().replace("-", "")));

            try (VaultSession session = profile.unlock()) {
                useEveryOperation(session, plain, keyShaped, rotated, imported, importedRotation);
                tryFailingOperations(session, plain, refused);
            }
            shown.add(service.verify(profile.summary(), profile.password()).toString());
            service.changePassword(profile.summary(), profile.password(), TestProfile.password(newPassword.value()));
            failing(() -> service.unlock(profile.summary(), TestProfile.password(password.value())));
            failing(() -> service.changePassword(profile.summary(), TestProfile.password(password.value()),
                    TestProfile.password(refused.value())));
            try (VaultSession session = service.unlock(profile.summary(), TestProfile.password(newPassword.value()))) {
                shown.add(session.secrets().list().toString());
            }
            shown.add(service.list().toString());

            String output = capture.text();
            for (Canary canary : canaries) {
                assertFalse(canary.foundIn(output), "stdout/stderr/log output holds " + canary.value());
            }
        }
        for (String text : shown) {
            for (Canary canary : canaries) {
                assertFalse(canary.foundIn(text), "shown text holds " + canary.value() + ": " + text);
            }
        }
        assertEquals(List.of(), CanaryScan.hits(data, CanaryScan::isNotVaultDatabase, canaries),
                "files in the data folder besides vault.db, its WAL and shm");
        assertTrue(shown.size() > 20, "the operations produced text to check: " + shown.size());
    }

    private void useEveryOperation(VaultSession session, Canary plain, Canary keyShaped, Canary rotated,
                                   Canary imported, Canary importedRotation) {
        shown.add(session.secrets().add("plain", plain.chars(), null).toString());
        shown.add(session.secrets().add("detected", keyShaped.chars(), null).toString());
        shown.add(session.secrets().list().toString());
        shown.add(session.secrets().info("plain").toString());
        shown.add(session.secrets().rotate("plain", rotated.chars()).toString());
        shown.add(session.secrets().history("plain").toString());
        shown.add(session.secrets().withSameValue(rotated.chars()).toString());
        shown.add(session.secrets().edit("plain", "plain-renamed", "practice-cloud").toString());
        Wipe.chars(session.secrets().reveal("plain-renamed", Purpose.COPY));
        Wipe.chars(session.secrets().revealVersion("plain-renamed", 1));

        shown.add(session.projects().create("web", "the web app").toString());
        shown.add(session.projects().link("web", "detected", "OPENAI_API_KEY").toString());
        Map<String, char[]> env = new LinkedHashMap<>();
        env.put("DATABASE_PASSWORD", imported.chars());
        env.put("OPENAI_API_KEY", importedRotation.chars());
        env.put("PLAIN_AGAIN", rotated.chars());
        EnvImportPlan plan = session.projects().planImport("web", env);
        shown.add(plan.toString());
        shown.add(session.projects().importEnv("web", env).toString());
        shown.add(session.projects().links("web").toString());
        shown.add(session.projects().list().toString());
        Map<String, char[]> injected = session.projects().environment("web", Purpose.INJECT);
        shown.add(injected.keySet().toString());
        injected.values().forEach(Wipe::chars);
        session.projects().environment("web", Purpose.EXPORT).values().forEach(Wipe::chars);

        session.settings().set("theme", "dark");
        session.settings().set("discovery_schedule_hour", "4");
        shown.add(session.settings().values().toString());
        shown.add(session.settings().current().toString());
        shown.add(session.providers().update("practice-cloud",
                new ProviderUpdate("http://127.0.0.1:9/v1", null, null, null, true, null)).toString());
        shown.add(session.providers().list().toString());
        shown.add(session.redactor().redact("echo " + plain.value() + " " + rotated.value() + " " + keyShaped.value()));
        session.secrets().remove("plain-renamed");
        shown.add(session.database().read(c -> session.audit().page(c, null, null, 1000)).toString());
    }

    /** Operations a user gets wrong, with secret values as their input: the errors must not echo them. */
    private void tryFailingOperations(VaultSession session, Canary plain, Canary refused) {
        failing(() -> session.secrets().add("detected", refused.chars(), null));
        failing(() -> session.secrets().add("too-long", (refused.value().repeat(64 * 1024 / refused.value().length() + 1)).toCharArray(), null));
        failing(() -> session.secrets().add("bad name!", refused.chars(), null));
        failing(() -> session.secrets().add("unknown-provider", refused.chars(), "no-such-provider"));
        failing(() -> session.secrets().rotate("no-such-secret", refused.chars()));
        failing(() -> session.secrets().rotate("detected", new char[0]));
        failing(() -> session.secrets().edit("detected", "web/DATABASE_PASSWORD", null));
        failing(() -> session.secrets().revealVersion("detected", 99));
        Map<String, char[]> badName = new LinkedHashMap<>();
        badName.put("1-not-a-var", refused.chars());
        failing(() -> session.projects().importEnv("web", badName));
        session.secrets().add("web/CONFLICT", plain.chars(), null);
        Map<String, char[]> conflict = new LinkedHashMap<>();
        conflict.put("CONFLICT", refused.chars());
        failing(() -> session.projects().importEnv("web", conflict));
        failing(() -> session.projects().importEnv("no-such-project", conflict));
        failing(() -> session.settings().set("theme", refused.value()));
        failing(() -> session.settings().set("discovery_schedule_hour", refused.value()));
    }

    private void failing(Executable operation) {
        try {
            operation.execute();
        } catch (Throwable t) {
            for (Throwable cause = t; cause != null; cause = cause.getCause()) {
                shown.add(cause.toString());
            }
            return;
        }
        throw new AssertionError("the operation was expected to fail");
    }

    private Canary plant(Canary canary) {
        canaries.add(canary);
        return canary;
    }
}
