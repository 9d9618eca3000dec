package dev.keyward.app.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.ApprovalErrorKind;
import dev.keyward.app.agent.ApprovalRefusedException;
import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.reflib.ReferenceArchiveException;
import dev.keyward.reflib.ReferenceSourceException;
import dev.keyward.reflib.ReferenceStoreException;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Fact;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.profile.ProfileKeys;
import dev.keyward.vault.scan.git.GitErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ErrorWordingTest {

    /** Every kind of every module: the test must grow with them, so they are listed here once. */
    static List<ErrorKind> allKinds() {
        List<ErrorKind> kinds = new ArrayList<>(List.of(VaultErrorKind.values()));
        kinds.addAll(List.of(AutomationErrorKind.values()));
        kinds.addAll(List.of(ApprovalErrorKind.values()));
        kinds.addAll(List.of(GitErrorKind.values()));
        return kinds;
    }

    /** Every fact stated, as a thrower might state it. */
    static ErrorFacts everyFact() {
        ErrorFacts facts = ErrorFacts.NONE;
        for (Fact fact : Fact.values()) {
            facts = facts.with(fact, fact == Fact.COUNT || fact == Fact.CODE ? "3" : "sample-" + fact.name().toLowerCase());
        }
        return facts;
    }

    private static final Pattern UNFILLED = Pattern.compile("\\{[a-z]+\\}");
    private static final Pattern CLI_WORDS = Pattern.compile("keyward [a-z]|--[a-z]");

    @Test
    void everyKindWithEveryRemedyHasACliAndADesktopRendering() {
        for (ErrorKind kind : allKinds()) {
            for (Remedy remedy : Remedy.values()) {
                Throwable error = new SampleError(kind, everyFact(), remedy);
                String what = kind.name() + " x " + remedy;

                CliMessage cli = ErrorWording.forCli(error);
                assertFalse(cli.sentence().isBlank(), what);
                assertEquals(remedy != Remedy.NONE, !cli.hint().isBlank(), what + " hint: " + cli.hint());
                assertFalse(UNFILLED.matcher(cli.text()).find(), what + ": " + cli.text());

                DesktopMessage desktop = ErrorWording.forDesktop(error);
                assertFalse(desktop.sentence().isBlank(), what);
                assertEquals(remedy != Remedy.NONE, desktop.action() != DesktopAction.NONE, what);
                assertFalse(desktop.text().isBlank(), what);
                assertFalse(UNFILLED.matcher(desktop.text()).find(), what + ": " + desktop.text());
            }
        }
    }

    @Test
    void noDesktopRenderingNamesACommandOrAnOption() {
        for (ErrorKind kind : allKinds()) {
            String sentence = kind.describe(everyFact());
            assertFalse(CLI_WORDS.matcher(sentence).find(), kind.name() + " states CLI words: " + sentence);
            for (Remedy remedy : Remedy.values()) {
                String text = ErrorWording.forDesktop(new SampleError(kind, everyFact(), remedy)).text();
                assertFalse(CLI_WORDS.matcher(text).find(), kind.name() + " x " + remedy + ": " + text);
            }
        }
        for (DesktopAction action : DesktopAction.values()) {
            assertFalse(CLI_WORDS.matcher(action.label() + " " + action.advice()).find(), action.name());
        }
    }

    @Test
    void aDamagedVaultKeepsItsExitCodeAndGetsTheBackupHintOnTheCliAndTheRestoreActionOnTheDesktop() {
        VaultDamagedException damaged = new VaultDamagedException(VaultErrorKind.VAULT_FILE_MISSING,
                ErrorFacts.of(Fact.PROFILE, "work", Fact.PATH, "/x/vault.db"));
        CliMessage cli = ErrorWording.forCli(damaged);
        assertEquals(5, cli.exitCode());
        assertEquals("The vault file of profile 'work' is missing (/x/vault.db). "
                + "Restore it from a backup (keyward backup restore FILE).", cli.text());
        DesktopMessage desktop = ErrorWording.forDesktop(new ExecutionException(damaged));
        assertEquals("The vault file of profile 'work' is missing (/x/vault.db).", desktop.sentence());
        assertEquals(DesktopAction.RESTORE_FROM_BACKUP, desktop.action());
    }

    @Test
    void aRequestRefusedAtAnApprovalExitsWithSixAndSaysHowToAllowItOnEachFrontEnd() {
        CliMessage cli = ErrorWording.forCli(ApprovalRefusedException.byPerson());
        assertEquals(6, cli.exitCode());
        assertEquals("The request was denied in the Keyward app; nothing was shared."
                + " Run the command again and choose Allow in the Keyward app's approval window.", cli.text());
        DesktopMessage desktop = ErrorWording.forDesktop(ApprovalRefusedException.byPerson());
        assertEquals(DesktopAction.ALLOW_WHEN_ASKED, desktop.action());
        assertEquals("The request was denied in the Keyward app; nothing was shared."
                + " If the program should have it, choose Allow when Keyward asks again.", desktop.text());
    }

    @Test
    void aLockedProfileIsWordedAsUnlockFirstRatherThanAsSomethingWentWrong() {
        ProfileKeys keys = new ProfileKeys(new byte[32]);
        keys.close();
        RuntimeException locked = assertThrows(RuntimeException.class, keys::fieldKey);
        assertFalse(ErrorWording.isUnexpected(locked));
        CliMessage cli = ErrorWording.forCli(locked);
        assertEquals(1, cli.exitCode());
        assertEquals("The profile is locked; its keys were wiped and its vault closed.", cli.sentence());
        assertTrue(cli.hint().contains("password"), cli.hint());
        DesktopMessage desktop = ErrorWording.forDesktop(new ExecutionException(locked));
        assertEquals("The profile is locked; its keys were wiped and its vault closed.", desktop.sentence());
        assertEquals(DesktopAction.UNLOCK, desktop.action());
    }

    @Test
    void aMessageOnlyErrorKeepsItsMessageAndExitCode() {
        CliMessage cli = ErrorWording.forCli(new NotFoundException("No such thing 'x'."));
        assertEquals(new CliMessage("No such thing 'x'.", "", 4), cli);
        assertEquals("No such thing 'x'.", ErrorWording.forDesktop(new NotFoundException("No such thing 'x'.")).text());
    }

    @Test
    void referenceLibraryErrorsAreWordedOnTheDesktopAndKeepTheirCliExitCodes() {
        ReferenceStoreException store = new ReferenceStoreException("The reference library database cannot be read.", null);
        assertEquals("The reference library database cannot be read.", ErrorWording.forDesktop(store).text());
        assertEquals(1, ErrorWording.forCli(store).exitCode());
        assertEquals(2, ErrorWording.forCli(new ReferenceSourceException("Bad name.")).exitCode());
        assertEquals(5, ErrorWording.forCli(new ReferenceArchiveException(ReferenceArchiveException.Problem.HOSTILE,
                "The archive is hostile.")).exitCode());
        assertEquals(1, ErrorWording.forCli(new ReferenceArchiveException(ReferenceArchiveException.Problem.TOO_LARGE,
                "The archive is too large.")).exitCode());
    }

    @Test
    void anUnexpectedErrorIsNamedByItsClassOnlyAndNeverByItsMessage() {
        IllegalStateException odd = new IllegalStateException("sk-live-canary-0123456789");
        CliMessage cli = ErrorWording.forCli(odd);
        assertEquals(1, cli.exitCode());
        assertTrue(cli.text().contains("IllegalStateException") && cli.text().contains("Please report this"), cli.text());
        assertFalse(cli.text().contains("canary"));
        DesktopMessage desktop = ErrorWording.forDesktop(odd);
        assertEquals("Something went wrong (IllegalStateException). The details are in the log.", desktop.text());
        assertTrue(ErrorWording.isUnexpected(odd));
    }
}
