package dev.keyward.automation.browser;

import java.util.Locale;
import java.util.Set;

/**
 * What the runner read of one element for classification: its tag and attributes, every label it carries
 * (accessible name, visible text, {@code title}, {@code aria-*}, associated {@code <label>}, icon labels) and,
 * for links, where it leads. Never an input's value. Any field may be null when unknown.
 *
 * @param tag             lower-case tag name
 * @param type            the {@code type} attribute
 * @param role            the {@code role} attribute
 * @param name            the {@code name} attribute
 * @param id              the {@code id} attribute
 * @param accessibleName  the name a screen reader would announce
 * @param text            visible text (empty for inputs)
 * @param title           the {@code title} attribute
 * @param ariaLabel       the {@code aria-label} attribute
 * @param ariaDescription {@code aria-description} and the text of {@code aria-describedby}
 * @param labelText       the text of the element's {@code <label>}s and {@code aria-labelledby}
 * @param iconLabels      labels of icons inside it ({@code <svg><title>}, {@code alt}, children's {@code aria-label})
 * @param value           the {@code value} of a button-like input (its caption), never a text input's value
 * @param placeholder     the {@code placeholder} attribute
 * @param autocomplete    the {@code autocomplete} attribute
 * @param inputMode       the {@code inputmode} attribute
 * @param pattern         the {@code pattern} attribute
 * @param maxLength       the {@code maxlength} attribute, or null
 * @param href            a link's resolved destination, or null
 * @param scripted        whether the element carries an inline event handler or a {@code javascript:} link, so
 *                        what it does is up to a script
 */
public record ElementFacts(String tag, String type, String role, String name, String id, String accessibleName,
                           String text, String title, String ariaLabel, String ariaDescription, String labelText,
                           String iconLabels, String value, String placeholder, String autocomplete, String inputMode,
                           String pattern, Integer maxLength, String href, boolean scripted) {

    /** The facts a {@link TargetDescription} carries, for callers that only have one. */
    public static ElementFacts of(TargetDescription target) {
        return new ElementFacts(target.tagName(), target.inputType(), null, target.nameAttribute(),
                target.idAttribute(), target.accessibleName(), target.text(), null, null, null, null, null, null,
                target.placeholder(), target.autocomplete(), null, null, null, null, false);
    }

    /** Every human-readable label on the element, for the vocabulary (null parts left out by the reader). */
    public String[] labels() {
        return new String[] {accessibleName, text, title, ariaLabel, ariaDescription, labelText, iconLabels, value};
    }

    /** Whether the element is a text-like input, where Enter submits the form and typing goes in. */
    public boolean isTextInput() {
        if ("textarea".equalsIgnoreCase(tag)) {
            return false;
        }
        if (!"input".equalsIgnoreCase(tag)) {
            return false;
        }
        String t = type == null ? "text" : type.toLowerCase(Locale.ROOT);
        return !Set.of("submit", "button", "reset", "image", "checkbox", "radio", "file", "hidden",
                "range", "color").contains(t);
    }

    /** Whether activating the element submits its form. */
    public boolean isSubmitControl() {
        if ("button".equalsIgnoreCase(tag)) {
            return type == null || type.isBlank() || type.equalsIgnoreCase("submit");
        }
        return "input".equalsIgnoreCase(tag) && type != null
                && (type.equalsIgnoreCase("submit") || type.equalsIgnoreCase("image"));
    }

    /** A plain link: activating it only opens its destination with a GET (no script decides what happens). */
    public boolean isPlainLink() {
        return "a".equalsIgnoreCase(tag) && href != null && !scripted
                && (href.startsWith("http://") || href.startsWith("https://"));
    }
}
