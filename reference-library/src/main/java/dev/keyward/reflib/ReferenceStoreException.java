package dev.keyward.reflib;

/** The library folder or manifest.db could not be read or written. */
public final class ReferenceStoreException extends ReferenceLibraryException {

    public ReferenceStoreException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
