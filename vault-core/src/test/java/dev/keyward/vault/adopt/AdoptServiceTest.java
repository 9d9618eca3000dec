package dev.keyward.vault.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.adopt.AdoptPlan.Action;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adopt plan: which files, which project, what each variable becomes; and that a stale plan is refused. */
class AdoptServiceTest {

    @TempDir
    Path data;
    @TempDir
    Path work;

    @Test
    void templatesDirenvAndNonEnvNamesAreNotCandidates() {
        for (String name : List.of(".env", ".env.local", ".env.production", ".env-dev", ".env.local.ci")) {
            assertTrue(EnvFileFinder.isCandidateName(name), name);
        }
        for (String name : List.of(".env.example", ".env.sample", ".env.template", ".env.dist", ".env.local.example",
                ".env.EXAMPLE", ".envrc", "env", "app.env", ".environment", ".env.defaults")) {
            assertFalse(EnvFileFinder.isCandidateName(name), name);
        }
    }

    @Test
    void aVariantGoesToItsOwnProjectAndOddFolderNamesAreMadeValid() {
        assertEquals("my-app", ProjectNames.of(Path.of("/x/my app/.env"), null));
        assertEquals("my-app.production", ProjectNames.of(Path.of("/x/my app/.env.production"), null));
        assertEquals("web.local", ProjectNames.of(Path.of("/x/y/.env.local"), "web"));
        assertEquals("app", ProjectNames.of(Path.of("/x/_app/.env"), null));
    }

    @Test
    void twoFilesOfOneProjectWithOneValueShareASecretAndDifferentValuesAreRefused() throws IOException {
        Path a = Files.createDirectories(work.resolve("a/svc"));
        Path b = Files.createDirectories(work.resolve("b/svc"));
        Files.writeString(a.resolve(".env"), "K=same-value-1\nX=one\n");
        Files.writeString(b.resolve(".env"), "K=same-value-1\nX=two\n");
        try (VaultSession session = TestProfile.create(data, "adopt").unlock()) {
            AdoptPlan plan = new AdoptService(session).plan(work, AdoptOptions.defaults());
            assertEquals(List.of(Action.NEW, Action.NEW), actions(plan.files().get(0)));
            assertEquals(List.of(Action.NEW, Action.REFUSED), actions(plan.files().get(1)));
            assertThrows(InvalidInputException.class, () -> new AdoptService(session).adopt(plan, AdoptOptions.defaults(),
                    AdoptService.Progress.NONE));
            assertTrue(session.projects().list().isEmpty(), "nothing was written");

            AdoptOptions keepX = new AdoptOptions(null, Set.of("X"), null, java.util.Map.of());
            AdoptPlan kept = new AdoptService(session).plan(work, keepX);
            new AdoptService(session).adopt(kept, keepX, AdoptService.Progress.NONE);
            assertEquals(1, session.secrets().list().size(), "one secret for the value both files hold");
            assertEquals("K=keyward://projects/svc/K\nX=two\n", Files.readString(b.resolve(".env")));
        }
    }

    @Test
    void aPlanMadeBeforeTheFileChangedIsRefusedAndChangesNothing() throws IOException {
        Path app = Files.createDirectories(work.resolve("app"));
        Files.writeString(app.resolve(".env"), "K=first-value-1\n");
        try (VaultSession session = TestProfile.create(data, "stale").unlock()) {
            AdoptService adopt = new AdoptService(session);
            AdoptPlan plan = adopt.plan(app, AdoptOptions.defaults());
            Files.writeString(app.resolve(".env"), "K=first-value-1\nL=added-later-1\n");
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> adopt.adopt(plan, AdoptOptions.defaults(), AdoptService.Progress.NONE));
            assertTrue(e.getMessage().contains("changed since the plan was made"), e.getMessage());
            assertTrue(session.secrets().list().isEmpty());
            assertEquals("K=first-value-1\nL=added-later-1\n", Files.readString(app.resolve(".env")));
        }
    }

    private static List<Action> actions(AdoptPlan.FilePlan file) {
        return file.variables().stream().map(AdoptPlan.Variable::action).toList();
    }
}
