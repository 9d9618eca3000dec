package dev.keyward.vault.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a list of files to adopt says of one {@code .env} file, from the file alone: its project and how many
 * variables would move, counted as the plan counts them; the folders a scan walked past are judged as the
 * finder judges them.
 */
class AdoptCandidateTest {

    private static final String VALUE = "kw-candidate-value-0f1e2d3c";

    @TempDir
    Path work;
    @TempDir
    Path data;

    @Test
    void emptyValuesAndReferencesStayAndTheRestIsCountedAsThePlanCountsIt() throws IOException {
        Path env = Files.writeString(Files.createDirectories(work.resolve("shop")).resolve(".env.production"),
                "TOKEN=" + VALUE + "\nPORT=\nDB=keyward://projects/shop/DB\nbad-name=x\n");
        AdoptCandidate candidate = AdoptCandidate.read(env, "shop/.env.production");
        assertEquals(new AdoptCandidate(env, "shop.production", 2), candidate);
        try (VaultSession session = TestProfile.create(data, "candidate").unlock()) {
            AdoptPlan plan = new AdoptService(session).plan(env, AdoptOptions.defaults());
            long moving = plan.files().get(0).variables().stream()
                    .filter(v -> v.action() != AdoptPlan.Action.KEEP).count();
            assertEquals(candidate.variables(), moving, "the plan moves (or refuses) what the list counted");
            assertEquals(candidate.project(), plan.files().get(0).project());
        }
    }

    @Test
    void aFileOfReferencesOnlyHasNothingToMove() throws IOException {
        Path env = Files.writeString(work.resolve(".env"), "A=keyward://projects/x/A\nB=\n");
        assertEquals(0, AdoptCandidate.read(env, ".env").variables());
    }

    @Test
    void aBrokenFileIsRefusedByNameAndLineWithoutItsValue() throws IOException {
        Path env = Files.writeString(work.resolve(".env"), "GOOD=" + VALUE + "\nBROKEN=\"" + VALUE + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AdoptCandidate.read(env, "app/.env"));
        assertTrue(e.getMessage().startsWith("app/.env, line 2"), e.getMessage());
        assertFalse(e.getMessage().contains(VALUE), e.getMessage());
    }

    @Test
    void aFileAScanCameUponIsACandidateByNameOutsideTheFoldersTheFinderNeverEnters() {
        Path root = work.resolve("proj");
        assertTrue(EnvFileFinder.isCandidate(root, root.resolve(".env")));
        assertTrue(EnvFileFinder.isCandidate(root, root.resolve("build/deep/.env.local")));
        assertFalse(EnvFileFinder.isCandidate(root, root.resolve(".env.example")));
        assertFalse(EnvFileFinder.isCandidate(root, root.resolve("web/node_modules/pkg/.env")));
        assertFalse(EnvFileFinder.isCandidate(root, root.resolve(".git/.env")));
        assertFalse(EnvFileFinder.isCandidate(root, root.resolveSibling("elsewhere").resolve(".env")),
                "a file outside the walked folder is not taken on trust");
        assertTrue(EnvFileFinder.isCandidate(work.resolve("node_modules/pkg"), work.resolve("node_modules/pkg/.env")),
                "a folder the person chose is entered, whatever its name, as the finder does with its root");
    }
}
