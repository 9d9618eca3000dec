package dev.keyward.reflib;

/** An archive could not be downloaded, or its SHA-256 differs from the expected checksum. */
public final class ReferenceDownloadException extends ReferenceLibraryException {

    public ReferenceDownloadException(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    public ReferenceDownloadException(String sentence) {
        super(sentence, null);
    }
}
