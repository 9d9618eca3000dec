package dev.keyward.vault.refs;

import java.util.Objects;

/**
 * A name for a vault value that holds no value: {@code keyward://secrets/NAME} or
 * {@code keyward://projects/PROJECT/VAR}. It can be committed, pasted and logged; resolving it
 * needs the unlocked vault. {@link #toString()} is its one written form (see {@link ReferenceSyntax}).
 */
public sealed interface Reference {

    /** The written form, with every character outside the plain set percent-encoded. */
    @Override
    String toString();

    /** A secret by its name: {@code keyward://secrets/NAME}. */
    record Secret(String name) implements Reference {
        public Secret {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return ReferenceSyntax.SCHEME + ReferenceSyntax.SECRETS + "/" + ReferenceSyntax.encode(name);
        }
    }

    /** A project's environment variable: {@code keyward://projects/PROJECT/VAR}. */
    record ProjectVariable(String project, String variable) implements Reference {
        public ProjectVariable {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String toString() {
            return ReferenceSyntax.SCHEME + ReferenceSyntax.PROJECTS + "/" + ReferenceSyntax.encode(project) + "/"
                    + ReferenceSyntax.encode(variable);
        }
    }

    /**
     * Parses one whole reference.
     *
     * @throws ReferenceSyntaxException with a sentence saying what is wrong, when {@code text} is not one
     */
    static Reference parse(String text) throws ReferenceSyntaxException {
        return ReferenceSyntax.parse(text);
    }
}
