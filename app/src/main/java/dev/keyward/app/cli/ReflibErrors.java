package dev.keyward.app.cli;

import dev.keyward.reflib.ReferenceArchiveException;
import dev.keyward.reflib.ReferenceDownloadException;
import dev.keyward.reflib.ReferenceLibraryException;
import dev.keyward.reflib.ReferenceSourceException;
import dev.keyward.reflib.ReferenceStoreException;
import dev.keyward.reflib.ReferenceSyncCancelledException;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultException;

/**
 * Turns the reference library's errors into the CLI's error kinds, and so into exit codes: a damaged
 * or hostile archive is damaged data (5), a malformed name or URL is bad input (2), a download or
 * disk failure is an error (1). An unknown source name is found out before the call (4).
 */
final class ReflibErrors {

    private ReflibErrors() {}

    static VaultException translate(ReferenceLibraryException e) {
        String sentence = e.getMessage();
        return switch (e) {
            case ReferenceArchiveException archive -> switch (archive.problem()) {
                case DAMAGED, HOSTILE -> new VaultDamagedException(sentence, e);
                case TOO_LARGE, UNSUPPORTED -> new OperationFailedException(sentence, e);
            };
            case ReferenceSourceException source -> new InvalidInputException(sentence, e);
            case ReferenceDownloadException download -> new OperationFailedException(sentence, e);
            case ReferenceStoreException store -> new OperationFailedException(sentence, e);
            case ReferenceSyncCancelledException cancelled -> new OperationFailedException(sentence, e);
        };
    }

    /** The exit code a failed source of {@code reflib sync} (all sources) contributes. */
    static int exitCode(ReferenceLibraryException e) {
        return translate(e).exitCode();
    }
}
