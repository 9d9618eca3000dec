package dev.keyward.vault.scan.git;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Remedy;

/** The errors of scanning a git repository and installing its hook, each with its fact sentence and remedy. */
public enum GitErrorKind implements ErrorKind {
    NOT_A_REPOSITORY("{path} is not inside a git repository.", Remedy.NONE),
    /** The repository's own files (config, refs, index) could not be read; its objects are reported one by one. */
    REPOSITORY_DAMAGED("The git repository {path} could not be read ({detail}).", Remedy.CHECK_GIT_REPOSITORY),
    /** A bare repository has no index, so nothing can be staged in it. */
    NO_INDEX("The git repository {path} is bare: it has no index, so nothing is staged in it.", Remedy.NONE),
    /** A pre-commit hook that Keyward did not write is in place; it is left as it is. */
    HOOK_EXISTS("A pre-commit hook already exists at {path}; it was left as it is.", Remedy.REPLACE_HOOK),
    HOOK_NOT_WRITTEN("The pre-commit hook {path} could not be written ({detail}); nothing was changed.", Remedy.NONE);

    private final String template;
    private final Remedy remedy;

    GitErrorKind(String template, Remedy remedy) {
        this.template = template;
        this.remedy = remedy;
    }

    @Override
    public String describe(ErrorFacts facts) {
        return facts.fill(template);
    }

    @Override
    public Remedy remedy() {
        return remedy;
    }
}
