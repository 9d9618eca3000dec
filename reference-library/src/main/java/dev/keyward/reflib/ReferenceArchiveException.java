package dev.keyward.reflib;

/** A downloaded archive was refused: damaged, hostile, too large or in an unsupported format. */
public final class ReferenceArchiveException extends ReferenceLibraryException {

    /** Why an archive was refused. */
    public enum Problem {
        /** The archive cannot be read to the end (truncated, corrupted, not an archive). */
        DAMAGED,
        /** An entry path escapes the target folder, or a link points outside the archive. */
        HOSTILE,
        /** The archive exceeds the configured size or entry-count caps. */
        TOO_LARGE,
        /** The archive is neither tar.gz nor zip, or uses a zip feature we cannot read. */
        UNSUPPORTED
    }

    private final Problem problem;

    public ReferenceArchiveException(Problem problem, String sentence, Throwable cause) {
        super(sentence, cause);
        this.problem = problem;
    }

    public ReferenceArchiveException(Problem problem, String sentence) {
        this(problem, sentence, null);
    }

    public Problem problem() {
        return problem;
    }
}
