package dev.keyward.automation.browser;

import java.util.List;

/**
 * What the runner read of the form an element belongs to: how it is sent and what it holds, never a value
 * typed into it.
 *
 * @param name             how the form calls itself (aria-label, name, id), or null
 * @param method           the submission method, upper case ({@code GET} when the form does not say)
 * @param action           the resolved address it posts to, or null when it is the page's own
 * @param fieldNames       the {@code name}s of its fields
 * @param submitLabels     captions of its submit buttons
 * @param hasPasswordField whether it holds a password input
 * @param text             its visible text (legend, labels, instructions), clipped; read for a typed
 *                         confirmation ("type the project name to confirm")
 */
public record FormFacts(String name, String method, String action, List<String> fieldNames,
                        List<String> submitLabels, boolean hasPasswordField, String text) {

    public FormFacts {
        fieldNames = fieldNames == null ? List.of() : List.copyOf(fieldNames);
        submitLabels = submitLabels == null ? List.of() : List.copyOf(submitLabels);
    }

    /** A form known only by its name and whether it has a password field (what a {@link TargetDescription} holds). */
    public static FormFacts named(String name, boolean hasPasswordField) {
        return new FormFacts(name, null, null, List.of(), List.of(), hasPasswordField, null);
    }

    /** Whether submitting it sends a state-changing request; a form that does not say how is sent with GET. */
    public boolean writes() {
        return method != null && !method.equalsIgnoreCase("GET") && !method.equalsIgnoreCase("DIALOG");
    }

    /** Whether its method is known to be GET (a form known only by name is not). */
    public boolean readsOnly() {
        return method != null && method.equalsIgnoreCase("GET");
    }
}
