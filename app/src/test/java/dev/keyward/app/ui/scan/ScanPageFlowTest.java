package dev.keyward.app.ui.scan;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The Scan page on a real profile and real folders: planted copies (as is, encoded, an earlier version) and an
 * unvaulted key are found and grouped by whose value they are, Open folder opens the file's folder off the
 * JavaFX thread, and Cancel stops a scan of a large tree with what it found so far. No value shows anywhere.
 */
class ScanPageFlowTest extends ScanPageTestBase {

    static final String CANARY = "kw-canary-scanpage-4f1d9a7c2e60";
    static final String OLD_CANARY = "kw-canary-oldvalue-77b3c1e0d9a5";
    static final String OTHER = "kw-canary-otherkey-0a9b8c7d6e5f";
    static final String GITHUB = "ghp_" + "Q7w8E9r0T1".repeat(4);

    @Start
    void start(Stage stage) {
        keep(stage);
    }

    @Test
    void plantedCopiesAndAnUnvaultedKeyAreFoundAndGroupedBySecretWithoutAValue(FxRobot robot) throws Exception {
        profile();
        session.secrets().add("PAY_KEY", OLD_CANARY.toCharArray(), null);
        session.secrets().rotate("PAY_KEY", CANARY.toCharArray());
        session.secrets().add("OTHER_KEY", OTHER.toCharArray(), null);
        Path proj = work.resolve("proj");
        write(proj.resolve("config/app.txt"), "first line\nkey = " + CANARY + "\n");
        write(proj.resolve("blob.json"), "{\"k\": \"" + Base64.getEncoder().encodeToString(
                CANARY.getBytes(StandardCharsets.UTF_8)) + "\"}\n");
        write(proj.resolve("hex.txt"), HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8)) + "\n");
        write(proj.resolve("old/notes.md"), "the old one: " + OLD_CANARY + "\n");
        write(proj.resolve("keys.py"), "GITHUB = '" + GITHUB + "'\n");
        Path second = work.resolve("second");
        write(second.resolve("x.txt"), OTHER + "\n");

        openPage();
        addFolder(robot, proj);
        addFolder(robot, second);
        scanAndWait(robot);

        List<List<String>> groups = groups(robot);
        assertEquals(List.of(
                List.of("Copy of secret OTHER_KEY (1 place)",
                        "second/x.txt, line 1, column 1: as is, current value, ending " + OTHER.substring(OTHER.length() - 4)),
                List.of("Copy of secret PAY_KEY (4 places)",
                        "proj/blob.json, line 1, column 8: base64, current value, ending 2e60",
                        "proj/config/app.txt, line 2, column 7: as is, current value, ending 2e60",
                        "proj/hex.txt, line 1, column 1: hex, current value, ending 2e60",
                        "proj/old/notes.md, line 1, column 14: as is, earlier value (version 1), ending d9a5"),
                List.of("Unvaulted GitHub key (1 place)",
                        "proj/keys.py, line 1, column 11: not in the vault, ending " + GITHUB.substring(GITHUB.length() - 4))),
                groups);
        String status = text(robot, "#scan-status");
        assertTrue(status.startsWith("Scan finished: 6 places in 3 groups (3 vault values searched for)."), status);
        assertTrue(text(robot, "#scan-progress").startsWith("Scanned 6 files"), text(robot, "#scan-progress"));

        List<AuditEntry> audit = session.database().read(c -> session.audit().page(c, "secret", null, 50));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("scan") && e.detailsJson().contains("\"values\":3")),
                "reading every version for the scan is one audit entry, as the command line's: " + audit);

        select(robot, "proj/config/app.txt");
        robot.clickOn("#scan-open-folder");
        waitUntil("the folder opener was asked", () -> !opened.isEmpty());
        assertEquals(List.of(proj.resolve("config").toAbsolutePath().normalize()), opened);
        assertTrue(openedOn.get(0).startsWith("keyward-work-"), "opened off the JavaFX thread: " + openedOn);
        waitUntil("the page says so", () -> text(robot, "#scan-status").startsWith("Opened "));

        openFails = new dev.keyward.vault.OperationFailedException("This system offers Keyward no file manager to open "
                + proj.resolve("config") + " with.");
        robot.clickOn("#scan-open-folder");
        waitUntil("the failure is a sentence on the page", () -> text(robot, "#scan-status").startsWith(
                "This system offers Keyward no file manager to open"));
        assertFalse(text(robot, "#scan-status").contains("Exception"), text(robot, "#scan-status"));

        assertNoValueShownOrPrinted();
    }

    @Test
    void withoutKeyFormatsOnlyVaultCopiesAreFoundAndIgnoredFilesFollowTheChoice(FxRobot robot) throws Exception {
        profile();
        session.secrets().add("PAY_KEY", CANARY.toCharArray(), null);
        Path proj = work.resolve("proj");
        write(proj.resolve(".gitignore"), "build/\n");
        write(proj.resolve("build/out.txt"), CANARY + "\n");
        write(proj.resolve("keys.py"), "GITHUB = '" + GITHUB + "'\n");
        openPage();
        addFolder(robot, proj);
        robot.clickOn("#scan-key-formats");
        scanAndWait(robot);
        assertEquals(List.of(List.of("Nothing found.")), groups(robot), "no key by format, the ignored folder left out");

        robot.clickOn("#scan-honour-ignore");
        scanAndWait(robot);
        assertEquals(List.of(List.of("Copy of secret PAY_KEY (1 place)",
                "proj/build/out.txt, line 1, column 1: as is, current value, ending 2e60")), groups(robot));
        assertNoValueShownOrPrinted();
    }

    @Test
    void cancelStopsTheScanOfALargeTreeAndShowsWhatWasFoundSoFar(FxRobot robot) throws Exception {
        profile();
        session.secrets().add("PAY_KEY", CANARY.toCharArray(), null);
        Path big = work.resolve("big");
        int total = 2000;
        String filler = "filler line without anything of note\n".repeat(40);
        for (int i = 0; i < total; i++) {
            write(big.resolve("d" + (i / 100)).resolve("f" + i + ".txt"), filler + "v = " + CANARY + "\n");
        }
        CountDownLatch heldAtTen = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        // The scan's progress report for its tenth file waits until Cancel was pressed: the scan is surely still
        // running when the person cancels, however fast this machine reads.
        openPage(1000, 680, p -> {
            if (p.files() >= 10 && held.compareAndSet(false, true)) {
                heldAtTen.countDown();
                await(release);
            }
        });
        addFolder(robot, big);
        robot.clickOn("#scan-start");
        assertTrue(heldAtTen.await(60, TimeUnit.SECONDS), "the scan reached its tenth file");
        robot.clickOn("#scan-cancel");
        release.countDown();
        waitUntil("the scan ends", () -> text(robot, "#scan-status").startsWith("Scan cancelled"));

        String status = text(robot, "#scan-status");
        assertTrue(status.matches("Scan cancelled after \\d+ files\\. Found so far: \\d+ places in 1 group\\..*"), status);
        List<List<String>> groups = groups(robot);
        int found = groups.get(0).size() - 1;
        assertTrue(found >= 10 && found < total, "partial results: " + found + " of " + total);
        assertFalse(onFx(() -> robot.lookup("#scan-start").query().isDisabled()), "a new scan can start");
        assertNoValueShownOrPrinted();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void assertNoValueShownOrPrinted() {
        String scene = DesktopTestKit.allVisibleText();
        for (String value : List.of(CANARY, OLD_CANARY, OTHER, GITHUB)) {
            assertFalse(scene.contains(value), "a value is shown");
            assertFalse(printed().contains(value), "a value is printed or logged");
        }
        String base64 = Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
        assertFalse(scene.contains(base64) || scene.contains(HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8))),
                "an encoded value is shown");
    }
}
