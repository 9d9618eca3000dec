package dev.keyward.vault.scan.git;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;

/** Turns a failure to read an object into a {@link GitProblem}: its kind from the exception's type, never its message. */
final class GitProblems {

    private GitProblems() {
    }

    static GitProblem of(String where, AnyObjectId fallback, Exception failure) {
        if (failure instanceof MissingObjectException missing && missing.getObjectId() != null) {
            return new GitProblem(where, missing.getObjectId().name(), GitProblem.Kind.MISSING);
        }
        return new GitProblem(where, fallback.name(), kind(failure));
    }

    private static GitProblem.Kind kind(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MissingObjectException) {
                return GitProblem.Kind.MISSING;
            }
            if (t instanceof CorruptObjectException || t instanceof DataFormatException || t instanceof ZipException) {
                return GitProblem.Kind.CORRUPT;
            }
        }
        // JGit reports other damage (a bad pack, a bad delta base) as a plain IOException with words only.
        return failure instanceof IOException ? GitProblem.Kind.UNREADABLE : GitProblem.Kind.CORRUPT;
    }
}
