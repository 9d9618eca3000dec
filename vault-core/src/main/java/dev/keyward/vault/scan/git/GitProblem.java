package dev.keyward.vault.scan.git;

/**
 * Something of a repository that could not be read, for a report line: the scan goes on without it.
 * Never any content of the repository: an object id, a path and the kind of failure.
 *
 * @param where  the commit, ref or path the problem was met at
 * @param object the id of the object that could not be read
 * @param what   what went wrong
 */
public record GitProblem(String where, String object, Kind what) {

    /** The kinds of failure a repository's objects have. */
    public enum Kind {
        /** The object is referred to but not in the repository (a shallow clone's edge, or lost). */
        MISSING("is missing"),
        /** The object is there but does not parse or inflate. */
        CORRUPT("is damaged"),
        /** Reading it failed for another reason (a file of the repository could not be read). */
        UNREADABLE("could not be read");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One sentence: {@code git object 1a2b... (at main) is damaged; skipped.} */
    public String describe() {
        return "git object " + object + " (at " + where + ") " + what.words() + "; skipped.";
    }
}
