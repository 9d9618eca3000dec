package dev.keyward.app.error;

import dev.keyward.app.agent.ApprovalRefusedException;
import dev.keyward.automation.llm.LlmException;
import dev.keyward.automation.program.InvalidStepProgramException;
import dev.keyward.automation.program.PlaceholderResolutionException;
import dev.keyward.reflib.ReferenceArchiveException;
import dev.keyward.reflib.ReferenceDownloadException;
import dev.keyward.reflib.ReferenceLibraryException;
import dev.keyward.reflib.ReferenceSourceException;
import dev.keyward.reflib.ReferenceStoreException;
import dev.keyward.reflib.ReferenceSyncCancelledException;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.TypedError;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.VaultException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.flywaydb.core.api.FlywayException;

/**
 * The one mapper from errors to words: core code throws kinds, facts and remedies as data, and
 * this class words them once per front end, as a sentence, hint and exit code for the command
 * line ({@link #forCli}) and as a sentence and action for the desktop ({@link #forDesktop}).
 * Neither ever shows a stack trace, and an unexpected error is named by its class only, because
 * its message might quote input.
 */
public final class ErrorWording {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int WRONG_PASSWORD = 3;
    public static final int NOT_FOUND = 4;
    public static final int DAMAGED = 5;
    /** Refused by the person at an approval, or outside a headless agent's scope (DESIGN section 9). */
    public static final int REFUSED = 6;

    private ErrorWording() {
    }

    /** What the command line prints for {@code error}, and the exit code it returns. */
    public static CliMessage forCli(Throwable error) {
        Classified c = classify(unwrap(error));
        return new CliMessage(c.sentence(), CliHints.hint(c.remedy(), c.facts()), c.exitCode());
    }

    /** What the desktop shows for {@code error}, and the action it offers. */
    public static DesktopMessage forDesktop(Throwable error) {
        Throwable e = unwrap(error);
        Classified c = classify(e);
        String sentence = c.unexpected() ? "Something went wrong (" + e.getClass().getSimpleName() + ")." : c.sentence();
        return new DesktopMessage(sentence, DesktopActions.action(c.remedy()));
    }

    /** True when {@code error} is not one Keyward reports on purpose (the caller may log its stack). */
    public static boolean isUnexpected(Throwable error) {
        return classify(unwrap(error)).unexpected();
    }

    /** The error a background task really failed with. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** An error reduced to what both front ends word: its fact sentence, remedy, facts and exit code. */
    private record Classified(String sentence, Remedy remedy, ErrorFacts facts, int exitCode, boolean unexpected) {

        static Classified of(String sentence, Remedy remedy, ErrorFacts facts, int exitCode) {
            return new Classified(sentence, remedy, facts, exitCode, false);
        }
    }

    private static Classified classify(Throwable e) {
        return switch (e) {
            case VaultException v -> Classified.of(v.getMessage(), v.remedy(), v.facts(), v.exitCode());
            case ReferenceLibraryException r -> Classified.of(r.getMessage(), Remedy.NONE, ErrorFacts.NONE, exitCode(r));
            case InvalidStepProgramException p -> typed(p, p.getMessage(), USAGE);
            case PlaceholderResolutionException p -> typed(p, p.getMessage(), USAGE);
            case LlmException l -> typed(l, l.getMessage(), ERROR);
            case ApprovalRefusedException r -> typed(r, r.getMessage(), REFUSED);
            case TypedError t -> typed(t, e.getMessage(), ERROR);
            case FlywayException f -> Classified.of(VaultErrorKind.SCHEMA_NOT_UPDATED.describe(ErrorFacts.NONE),
                    VaultErrorKind.SCHEMA_NOT_UPDATED.remedy(), ErrorFacts.NONE, DAMAGED);
            case OutOfMemoryError m -> Classified.of("Keyward ran out of memory. Close other programs and try again.",
                    Remedy.NONE, ErrorFacts.NONE, ERROR);
            case NoSuchFileException f -> Classified.of("The file " + f.getFile() + " does not exist.",
                    Remedy.NONE, ErrorFacts.NONE, NOT_FOUND);
            case AccessDeniedException f -> Classified.of("Keyward may not read or write " + f.getFile()
                    + "; check its permissions.", Remedy.NONE, ErrorFacts.NONE, ERROR);
            case IOException io -> Classified.of("A file could not be read or written (" + io.getClass().getSimpleName()
                    + "); nothing was changed.", Remedy.NONE, ErrorFacts.NONE, ERROR);
            default -> new Classified("An unexpected error stopped the command (" + e.getClass().getSimpleName() + ").",
                    Remedy.REPORT_PROBLEM, ErrorFacts.NONE, ERROR, true);
        };
    }

    private static Classified typed(TypedError t, String sentence, int exitCode) {
        return Classified.of(sentence, t.remedy(), t.facts(), exitCode);
    }

    /**
     * The reference library's errors by exit code: a damaged or hostile archive is damaged data (5),
     * a malformed name or URL is bad input (2), a download or disk failure is an error (1). Their
     * sentences already say what to do in words that fit both front ends.
     */
    private static int exitCode(ReferenceLibraryException e) {
        return switch (e) {
            case ReferenceArchiveException archive -> switch (archive.problem()) {
                case DAMAGED, HOSTILE -> DAMAGED;
                case TOO_LARGE, UNSUPPORTED -> ERROR;
            };
            case ReferenceSourceException source -> USAGE;
            case ReferenceDownloadException download -> ERROR;
            case ReferenceStoreException store -> ERROR;
            case ReferenceSyncCancelledException cancelled -> ERROR;
        };
    }
}
