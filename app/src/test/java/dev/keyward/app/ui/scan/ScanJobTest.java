package dev.keyward.app.ui.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.scan.KnownValues;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Scan page's job on real folders and a real profile, without the page: the {@code .env} files it offers to
 * adopt are those its own walk came upon (an ignored {@code .env} too, none in a folder the walk left out or adopt
 * never enters, no template, none with nothing left to move), each read from the file alone; the vault is read
 * once per scan, for the values, and a broken file is said by name while the others are still offered.
 */
class ScanJobTest {

    private static final String VALUE = "kw-canary-scanjob-6d5c4b3a2f1e";

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    @Test
    void theEnvFilesOfferedAreThoseTheScanWalkedPast() throws IOException {
        Path proj = work.resolve("proj");
        Files.createDirectories(proj.resolve(".git"));
        write(proj.resolve(".gitignore"), ".env\nbuild/\n");
        write(proj.resolve(".env"), "TOKEN=kw-a\nPORT=\n"); // ignored by git, as .env files usually are: offered
        write(proj.resolve(".env.example"), "TOKEN=\n");
        write(proj.resolve("api/.env.production"), "A=1\nB=2\n");
        write(proj.resolve("build/.env"), "TOKEN=kw-b\n");
        write(proj.resolve("web/node_modules/pkg/.env"), "X=1\n");
        write(proj.resolve("done/.env"), "A=keyward://projects/done/A\nB=\n");
        write(proj.resolve(".git/.env"), "A=1\n");

        assertEquals(List.of("proj/.env: 1 to proj", "proj/api/.env.production: 2 to api.production"),
                offered(scan(KnownValues::none, proj, true)), "the ignored build folder is not walked, so not offered");
        assertEquals(List.of("proj/.env: 1 to proj", "proj/api/.env.production: 2 to api.production",
                "proj/build/.env: 1 to build"), offered(scan(KnownValues::none, proj, false)),
                "walked without the ignore files; node_modules never, as adopt never enters it");
    }

    @Test
    void aScanReadsTheVaultOnceForTheValuesAndOffersTheEnvFilesWithoutIt() throws IOException {
        Path proj = work.resolve("proj");
        write(proj.resolve(".env"), "PAY=" + VALUE + "\nNEW=kw-another-value-1234\n");
        VaultSession session = DesktopTestKit.openNewProfile(dataDir, "work");
        session.secrets().add("PAY_KEY", VALUE.toCharArray(), null);
        AtomicInteger reads = new AtomicInteger();
        ScanOutcome outcome = scan(() -> {
            reads.incrementAndGet();
            KnownValues values = KnownValues.readAll(session.secrets());
            // From here on the vault cannot be read: what else the scan shows must come from the files.
            session.close();
            return values;
        }, proj, true);

        assertEquals(1, reads.get(), "the vault's values are read once");
        assertEquals(1, outcome.findings().size(), "the copy in the .env file is found");
        assertEquals(List.of(), outcome.envProblems());
        assertEquals(List.of("proj/.env: 2 to proj"), offered(outcome), "the .env file is offered without the vault");
    }

    @Test
    void aBrokenEnvFileIsSaidByNameAndTheOthersAreStillOffered() throws IOException {
        Path proj = work.resolve("proj");
        write(proj.resolve("a/.env"), "A=1\n");
        write(proj.resolve("b/.env"), "B=\"" + VALUE + "\n");
        ScanOutcome outcome = scan(KnownValues::none, proj, true);
        assertEquals(List.of("proj/a/.env: 1 to a"), offered(outcome));
        assertEquals(1, outcome.envProblems().size(), outcome.envProblems().toString());
        String problem = outcome.envProblems().get(0);
        assertTrue(problem.startsWith("proj/b/.env, line 1"), problem);
        assertTrue(!problem.contains(VALUE), "no value in the sentence");
    }

    private ScanOutcome scan(Supplier<KnownValues> values, Path folder, boolean honourIgnore) {
        return new ScanJob(values, List.of(dataDir)).run(new ScanRequest(List.of(folder), false, honourIgnore),
                p -> { }, () -> false);
    }

    private static List<String> offered(ScanOutcome outcome) {
        return outcome.envFiles().stream().map(f -> f.shown() + ": " + f.variables() + " to " + f.project()).sorted()
                .toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
