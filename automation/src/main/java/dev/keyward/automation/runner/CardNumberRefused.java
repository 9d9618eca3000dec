package dev.keyward.automation.runner;

/**
 * A step was about to type a value that looks like a payment card number, from a literal, an input, a vault
 * secret, a value changed at a checkpoint or key presses one at a time. Thrown before any keystroke; the
 * message names the step and where the value came from, never the digits.
 */
final class CardNumberRefused extends RuntimeException {

    CardNumberRefused(String stepId, String source) {
        super("step '" + stepId + "': " + source + " looks like a payment card number; Keyward never types card"
                + " data, so nothing was typed. Pay on the page yourself.", null, false, false);
    }
}
