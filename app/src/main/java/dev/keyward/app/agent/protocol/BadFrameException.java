package dev.keyward.app.agent.protocol;

/** A frame that breaks the protocol's rules; its message names the rule, never the frame's content. */
public final class BadFrameException extends Exception {

    public BadFrameException(String rule) {
        super(rule);
    }
}
