package dev.keyward.reflib;

/** A source name, repository URL or commit is invalid, or the named source is not in the library. */
public final class ReferenceSourceException extends ReferenceLibraryException {

    public ReferenceSourceException(String sentence) {
        super(sentence, null);
    }
}
