package dev.keyward.automation.browser;

/**
 * What the runner sees about a step's target just before acting: the element, its form, its frame and
 * the page. Any field may be null when unknown.
 *
 * @param accessibleName       the element's accessible name (label, aria-label, button text)
 * @param text                 the element's visible text
 * @param tagName              lower-case tag, e.g. {@code button}, {@code input}, {@code a}
 * @param inputType            the {@code type} attribute, e.g. {@code submit}, {@code password}
 * @param nameAttribute        the {@code name} attribute
 * @param idAttribute          the {@code id} attribute
 * @param autocomplete         the {@code autocomplete} attribute
 * @param placeholder          the {@code placeholder} attribute
 * @param formHasPasswordField whether the element's form contains a password input
 * @param formName             how the element's form calls itself (aria-label, name, id or action path), never
 *                             a value typed into it
 * @param url                  the page URL; for a {@code goto}, the resolved destination
 * @param iframeOrigin         origin of the frame holding the element, null in the top-level page
 * @param pageText             text elsewhere on the page, kept to show the human; the risk rules never read
 *                             it, so a page can neither talk its way out of a gate nor into one
 */
public record TargetDescription(
        String accessibleName,
        String text,
        String tagName,
        String inputType,
        String nameAttribute,
        String idAttribute,
        String autocomplete,
        String placeholder,
        boolean formHasPasswordField,
        String formName,
        String url,
        String iframeOrigin,
        String pageText) {

    private static final TargetDescription EMPTY =
            new TargetDescription(null, null, null, null, null, null, null, null, false, null, null, null, null);

    /** Nothing known: what a static review of a program sees. */
    public static TargetDescription empty() {
        return EMPTY;
    }

    /** A button with the given text as its name. */
    public static TargetDescription button(String label) {
        return EMPTY.withTag("button", null).withAccessibleName(label).withText(label);
    }

    /** An input of the given type. */
    public static TargetDescription input(String type) {
        return EMPTY.withTag("input", type);
    }

    public TargetDescription withAccessibleName(String value) {
        return new TargetDescription(value, text, tagName, inputType, nameAttribute, idAttribute, autocomplete,
                placeholder, formHasPasswordField, formName, url, iframeOrigin, pageText);
    }

    public TargetDescription withText(String value) {
        return new TargetDescription(accessibleName, value, tagName, inputType, nameAttribute, idAttribute,
                autocomplete, placeholder, formHasPasswordField, formName, url, iframeOrigin, pageText);
    }

    public TargetDescription withTag(String tag, String type) {
        return new TargetDescription(accessibleName, text, tag, type, nameAttribute, idAttribute, autocomplete,
                placeholder, formHasPasswordField, formName, url, iframeOrigin, pageText);
    }

    public TargetDescription withAttributes(String name, String id, String autocompleteValue, String placeholderValue) {
        return new TargetDescription(accessibleName, text, tagName, inputType, name, id, autocompleteValue,
                placeholderValue, formHasPasswordField, formName, url, iframeOrigin, pageText);
    }

    public TargetDescription withPasswordForm(boolean value) {
        return new TargetDescription(accessibleName, text, tagName, inputType, nameAttribute, idAttribute,
                autocomplete, placeholder, value, formName, url, iframeOrigin, pageText);
    }

    /** The element's form: whether it holds a password field, and the name it goes by (null when it has none). */
    public TargetDescription withForm(boolean hasPasswordField, String name) {
        return new TargetDescription(accessibleName, text, tagName, inputType, nameAttribute, idAttribute,
                autocomplete, placeholder, hasPasswordField, name, url, iframeOrigin, pageText);
    }

    public TargetDescription withUrl(String value) {
        return new TargetDescription(accessibleName, text, tagName, inputType, nameAttribute, idAttribute,
                autocomplete, placeholder, formHasPasswordField, formName, value, iframeOrigin, pageText);
    }

    public TargetDescription withIframeOrigin(String value) {
        return new TargetDescription(accessibleName, text, tagName, inputType, nameAttribute, idAttribute,
                autocomplete, placeholder, formHasPasswordField, formName, url, value, pageText);
    }

    public TargetDescription withPageText(String value) {
        return new TargetDescription(accessibleName, text, tagName, inputType, nameAttribute, idAttribute,
                autocomplete, placeholder, formHasPasswordField, formName, url, iframeOrigin, value);
    }

    /** Whether activating the element submits its form. */
    public boolean isSubmitControl() {
        if ("button".equalsIgnoreCase(tagName)) {
            return inputType == null || inputType.equalsIgnoreCase("submit");
        }
        return "input".equalsIgnoreCase(tagName) && inputType != null
                && (inputType.equalsIgnoreCase("submit") || inputType.equalsIgnoreCase("image"));
    }
}
