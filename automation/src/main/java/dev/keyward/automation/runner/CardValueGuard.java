package dev.keyward.automation.runner;

import dev.keyward.automation.program.CardNumbers;
import dev.keyward.automation.program.Step;

/**
 * Refuses to type a card number whatever the field: checks each value a step would type (a fill or select
 * value, a value changed at a checkpoint) and the characters that consecutive single-key presses spell.
 * Secret values are checked by {@link StepExecutor} at the moment they are resolved, before typing.
 */
final class CardValueGuard {

    /** What single-character presses typed since the last other step; digits and separators only matter. */
    private final StringBuilder pressed = new StringBuilder();

    /** Throws {@link CardNumberRefused} before a step that would type a card number. */
    void check(Step step, PreparedStep prepared, String modified) {
        if (modified != null && CardNumbers.containsCardNumber(modified)) {
            throw new CardNumberRefused(step.id(), "the value given at the checkpoint");
        }
        switch (step) {
            case Step.Fill f when !prepared.valueHasSecret() && CardNumbers.containsCardNumber(prepared.value()) ->
                    throw new CardNumberRefused(step.id(), "the value to type");
            case Step.Select s when CardNumbers.containsCardNumber(prepared.value()) ->
                    throw new CardNumberRefused(step.id(), "the value to choose");
            case Step.Press p when p.key() != null && p.key().length() == 1 -> {
                if (CardNumbers.containsCardNumber(pressed.toString() + p.key())) {
                    throw new CardNumberRefused(step.id(), "the keys pressed one at a time by this and the steps before");
                }
            }
            default -> {
                // nothing typed from a value
            }
        }
    }

    /** Remembers what a step typed once it ran, so key-by-key typing is seen across steps. */
    void ran(Step step) {
        if (step instanceof Step.Press p && p.key() != null && p.key().length() == 1) {
            pressed.append(p.key());
        } else {
            pressed.setLength(0);
        }
    }
}
