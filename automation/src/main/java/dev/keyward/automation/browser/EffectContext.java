package dev.keyward.automation.browser;

/**
 * Everything known about what an action would do, for the program runner's effect classifier: the element acted
 * on, the interactive element around it that the action really activates (the button around a clicked icon), its
 * form, its frame, the request it causes and the key pressed. Any part may be null when unknown.
 *
 * @param element   the element the step targets
 * @param activator the closest button, link or other control around it, when that is not the element itself
 * @param form      the form the action would submit or type into
 * @param frame     the element's frame when it is not the top page
 * @param request   the request the action causes, when the network gate has seen it
 * @param key       the key a {@code press} step presses, or null for a click
 * @param pageUrl   the page's address
 * @param selector  the step's selector (read too: a program that says {@code #delete-project} means it)
 */
public record EffectContext(ElementFacts element, ElementFacts activator, FormFacts form, FrameFacts frame,
                            RequestFacts request, String key, String pageUrl, String selector) {

    /** What a {@link TargetDescription} alone tells. */
    public static EffectContext of(TargetDescription target, String selector, String key) {
        FrameFacts frame = target.iframeOrigin() == null ? null : new FrameFacts(target.iframeOrigin(), null, null);
        FormFacts form = target.formName() != null || target.formHasPasswordField()
                ? FormFacts.named(target.formName(), target.formHasPasswordField()) : null;
        return new EffectContext(ElementFacts.of(target), null, form, frame, null, key, target.url(), selector);
    }

    /** Only a request, as the network gate sees one that no step's element explains. */
    public static EffectContext ofRequest(RequestFacts request, String pageUrl) {
        return new EffectContext(null, null, null, null, request, null, pageUrl, null);
    }

    public EffectContext withKey(String value) {
        return new EffectContext(element, activator, form, frame, request, value, pageUrl, selector);
    }

    public EffectContext withRequest(RequestFacts value) {
        return new EffectContext(element, activator, form, frame, value, key, pageUrl, selector);
    }

    public EffectContext withSelector(String value) {
        return new EffectContext(element, activator, form, frame, request, key, pageUrl, value);
    }

    /** The control the action activates: the activator around the element, or the element itself. */
    public ElementFacts control() {
        return activator != null ? activator : element;
    }
}
