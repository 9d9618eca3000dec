package dev.keyward.vault.refs;

/**
 * Text that was meant as a {@code keyward://} reference is not one. The message says what is wrong
 * in one sentence, without the text itself (the caller knows where it stands and shows that).
 */
public final class ReferenceSyntaxException extends Exception {

    public ReferenceSyntaxException(String reason) {
        super(reason);
    }

    /** What is wrong, as a clause ("it has no name after 'secrets/'"). */
    public String reason() {
        return getMessage();
    }
}
