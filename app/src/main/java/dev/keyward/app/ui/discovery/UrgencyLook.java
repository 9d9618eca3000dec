package dev.keyward.app.ui.discovery;

import dev.keyward.automation.discovery.classify.Urgency;
import java.util.List;

/**
 * How an urgency is shown: a word (colour is never the only sign) and an AtlantaFX label style whose
 * colour comes from the theme, so it stays readable in light and dark.
 */
record UrgencyLook(String word, List<String> styleClasses) {

    static UrgencyLook of(Urgency urgency) {
        return switch (urgency) {
            case CRITICAL -> new UrgencyLook("Critical", List.of("danger", "text-bold"));
            case ACTION_NEEDED -> new UrgencyLook("Action needed", List.of("warning", "text-bold"));
            case ADVISORY -> new UrgencyLook("Advisory", List.of("accent"));
            case INFORMATIONAL -> new UrgencyLook("Informational", List.of("text-muted"));
        };
    }

    /** All style classes any urgency uses, to remove before a reused cell takes another's. */
    static List<String> allStyleClasses() {
        return List.of("danger", "warning", "accent", "text-muted", "text-bold");
    }
}
