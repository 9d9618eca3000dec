package dev.keyward.automation.runner;

import com.microsoft.playwright.ElementHandle;
import dev.keyward.automation.browser.EffectContext;
import dev.keyward.automation.browser.TargetDescription;

/**
 * A step with its placeholders resolved (secrets excepted) and its target found and described.
 *
 * @param element        the element the step acts on, held so the action hits exactly what was inspected; null
 *                       for steps without one
 * @param target         what the risk rules judge
 * @param selector       the resolved selector, or null
 * @param url            the resolved URL or URL pattern, or null
 * @param value          the resolved non-secret value (fill, select, expected text), or null
 * @param valueHasSecret the fill value holds {@code {{secret:...}}}: it is resolved only while typing
 * @param effect         everything seen around the target (its control, form and frame), for the classifier
 * @param pageText       the top page's text read with the element (a click or key press), or null when it was
 *                       not read
 */
record PreparedStep(ElementHandle element, TargetDescription target, String selector, String url, String value,
                    boolean valueHasSecret, EffectContext effect, String pageText) {

    /** A step whose only facts are its target description. */
    PreparedStep(ElementHandle element, TargetDescription target, String selector, String url, String value,
            boolean valueHasSecret) {
        this(element, target, selector, url, value, valueHasSecret, EffectContext.of(target, selector, null), null);
    }

    static PreparedStep none(TargetDescription target) {
        return new PreparedStep(null, target, null, null, null, false);
    }
}
