package dev.keyward.reflib;

/**
 * Base of every error the reference library reports; its message is one sentence for the user.
 *
 * <p>The message never holds a stack trace or a library's internal wording: the cause, when
 * there is one, is attached for logs only.
 */
public abstract sealed class ReferenceLibraryException extends RuntimeException
        permits ReferenceSourceException, ReferenceDownloadException, ReferenceArchiveException,
                ReferenceStoreException, ReferenceSyncCancelledException {

    protected ReferenceLibraryException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
