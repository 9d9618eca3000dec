package dev.keyward.automation.runner;

import dev.keyward.automation.browser.TargetDescription;
import dev.keyward.automation.program.CredentialLiteralDetector;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a checkpoint names the element a step acts on: its accessible name and, when the two differ, its visible
 * text too (an {@code aria-label} "View details" on a button that reads "Delete key" shows both), and its form.
 */
final class TargetDescriptions {

    private static final int MAX = 120;

    private TargetDescriptions() {}

    /** Context entries for a checkpoint, in display order; empty for a step without an element. */
    static Map<String, String> describe(TargetDescription target) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = squash(target.accessibleName());
        String text = squash(target.text());
        if (name != null) {
            out.put("target", name);
        }
        if (text != null && (name == null || !normal(text).equals(normal(name)))) {
            out.put(name == null ? "target" : "visible text", text);
        }
        if (name != null && text != null && !normal(text).equals(normal(name))) {
            out.put("note", "the element's accessible name and its visible text differ; both are shown");
        }
        String form = squash(target.formName());
        if (form != null && CredentialLiteralDetector.suspicion(form).isEmpty()) {
            out.put("form", form);
        }
        return out;
    }

    /** How a proposed action names the element: both labels when they differ. */
    static String shown(TargetDescription target, String selector) {
        String name = squash(target == null ? null : target.accessibleName());
        String text = squash(target == null ? null : target.text());
        if (name == null && text == null) {
            return "'" + selector + "'";
        }
        if (name == null || text == null || normal(name).equals(normal(text))) {
            return "'" + (name != null ? name : text) + "'";
        }
        return "'" + text + "' (labelled '" + name + "' for assistive technology)";
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static String squash(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() <= MAX ? s : s.substring(0, MAX) + "…";
    }
}
