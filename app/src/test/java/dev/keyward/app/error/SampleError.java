package dev.keyward.app.error;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.TypedError;

/** A typed error of any kind with any remedy, as core code (of any module) throws them: for the front ends' tests. */
public final class SampleError extends RuntimeException implements TypedError {
    private final ErrorKind kind;
    private final ErrorFacts facts;
    private final Remedy remedy;

    public SampleError(ErrorKind kind, ErrorFacts facts, Remedy remedy) {
        super(kind.describe(facts));
        this.kind = kind;
        this.facts = facts;
        this.remedy = remedy;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public ErrorFacts facts() {
        return facts;
    }

    @Override
    public Remedy remedy() {
        return remedy;
    }
}
