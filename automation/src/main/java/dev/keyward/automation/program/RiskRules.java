package dev.keyward.automation.program;

import dev.keyward.automation.browser.CardFieldPolicy;
import dev.keyward.automation.browser.EffectContext;
import dev.keyward.automation.browser.TargetDescription;
import java.util.Optional;

/**
 * The runner's own risk rules: which checkpoint a step needs from what its target is, whatever the
 * program says. Pure functions of the step and what was seen of its target; page text outside the element and
 * its form is never read.
 *
 * <p>The judging itself is {@link EffectClassifier}'s (labels in several languages, the control around the
 * element, the form and where it posts, the key pressed, the request); these rules decide which steps are judged
 * as what: a click or an activating key press as an action, a navigation by its destination, and anything that
 * types (fill, select, totp, other keys) by whether the target is a payment card field.
 */
public final class RiskRules {

    private RiskRules() {}

    /** The checkpoint the step needs before it runs against this target, or empty when none. */
    public static Optional<RequiredCheckpoint> assess(Step step, TargetDescription target) {
        return assess(step, target, EffectContext.of(target, selectorOf(step), null));
    }

    /**
     * The checkpoint the step needs, judged on everything the runner saw ({@code context}) as well as on the
     * target description.
     */
    public static Optional<RequiredCheckpoint> assess(Step step, TargetDescription target, EffectContext context) {
        EffectContext seen = context.selector() == null ? context.withSelector(selectorOf(step)) : context;
        return switch (step) {
            case Step.Click click -> EffectClassifier.classify(seen.withKey(null)).map(RiskAdvice::asRequired);
            case Step.Press press when EffectClassifier.activates(press.key()) ->
                    EffectClassifier.classify(seen.withKey(press.key())).map(RiskAdvice::asRequired);
            case Step.Goto navigation -> assessNavigation(navigation, target);
            case Step.Fill fill -> cardField(target, seen);
            case Step.Select select -> cardField(target, seen);
            case Step.TotpFill totp -> cardField(target, seen);
            case Step.Press press -> cardField(target, seen);
            // Reading, waiting, screenshots, checkpoints and the payment handoff change nothing.
            case Step.WaitFor w -> Optional.empty();
            case Step.Expect e -> Optional.empty();
            case Step.Extract e -> Optional.empty();
            case Step.Screenshot s -> Optional.empty();
            case Step.Checkpoint c -> Optional.empty();
            case Step.HandoffPayment h -> Optional.empty();
        };
    }

    private static Optional<RequiredCheckpoint> assessNavigation(Step.Goto step, TargetDescription target) {
        String destination = target.url() != null ? target.url()
                : step.url() == null ? null : PlaceholderScanner.literalParts(step.url());
        return EffectClassifier.navigation(destination).map(RiskAdvice::asRequired);
    }

    private static Optional<RequiredCheckpoint> cardField(TargetDescription target, EffectContext context) {
        if (CardFieldPolicy.isCardField(target) || CardFieldPolicy.isCardField(context)) {
            return Optional.of(new RequiredCheckpoint(CheckpointType.FINANCIAL, "the target is a payment card field;"
                    + " Keyward never types card data and hands the page to you"));
        }
        return Optional.empty();
    }

    private static String selectorOf(Step step) {
        return switch (step) {
            case Step.Click c -> c.selector();
            case Step.Press p -> p.selector();
            case Step.Fill f -> f.selector();
            case Step.Select s -> s.selector();
            case Step.TotpFill t -> t.selector();
            default -> null;
        };
    }
}
