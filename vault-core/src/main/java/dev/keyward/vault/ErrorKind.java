package dev.keyward.vault;

/**
 * What went wrong, as one constant of a closed set; each module keeps its set as an enum
 * ({@link VaultErrorKind} here). A kind states facts in a plain sentence and names a remedy as
 * data; the words for what to do belong to each front end (the CLI's hints, the desktop's actions).
 */
public interface ErrorKind {

    /** The constant's name, as enums give it. */
    String name();

    /**
     * The facts as one plain sentence with no front-end words (no command, option or button): what
     * logs and error columns keep, and the sentence both front ends start from.
     */
    String describe(ErrorFacts facts);

    /** What the person can do about it. */
    Remedy remedy();
}
