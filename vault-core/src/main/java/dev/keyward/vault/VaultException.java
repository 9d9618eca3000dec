package dev.keyward.vault;

/**
 * Base of every error Keyward reports to a user. It carries a {@link ErrorKind kind}, the
 * {@link ErrorFacts facts} and a {@link Remedy} as data; its message is the kind's plain fact
 * sentence (no command, option or button: the front ends add those) and never holds a secret value.
 *
 * <p>The message-only constructors remain for errors not yet given a kind: they get
 * {@link VaultErrorKind#STATED}, whose sentence is the message.
 */
public abstract class VaultException extends RuntimeException implements TypedError {

    private final transient ErrorKind kind;
    private final transient ErrorFacts facts;
    private final Remedy remedy;

    protected VaultException(String message) {
        this(message, null);
    }

    protected VaultException(String message, Throwable cause) {
        super(message, cause);
        this.kind = VaultErrorKind.STATED;
        this.facts = ErrorFacts.of(Fact.DETAIL, message);
        this.remedy = Remedy.NONE;
    }

    protected VaultException(ErrorKind kind, ErrorFacts facts, Throwable cause) {
        super(kind.describe(facts), cause);
        this.kind = kind;
        this.facts = facts;
        this.remedy = kind.remedy();
    }

    /** The process exit code the CLI uses for this kind of error (DESIGN section 8). */
    public abstract int exitCode();

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
