package dev.keyward.automation.discovery.classify;

import java.time.LocalDate;
import java.util.List;
import java.time.temporal.ChronoUnit;

/**
 * Writes short, concrete sentences from templates chosen by the classification's signal. It uses the
 * provider's name, the user's key count and the deciding date, never words copied from the snippet.
 */
public final class RuleBasedFindingWriter implements FindingWriter {

    @Override
    public FindingText write(FindingDraft draft) {
        String p = draft.providerName();
        int keys = draft.keysHeld();
        LocalDate date = draft.classification().keyDate();
        boolean urgent = draft.classification().urgency().compareTo(Urgency.ACTION_NEEDED) >= 0;
        return switch (draft.classification().signal()) {
            case SECURITY_NOTICE -> keys > 0
                    ? new FindingText(p + " published a security notice that may concern the " + keysPhrase(keys)
                            + " you hold for it.",
                            "Read the notice now and rotate your " + p + " keys if it says credentials may be exposed.")
                    : new FindingText(p + " published a security notice; you hold no keys for it.",
                            "Read the notice before you add " + p + " keys to the vault.");
            case DEPRECATION -> date == null
                    ? new FindingText(p + " announced a deprecation.",
                            "Check whether your projects use the affected model or endpoint and plan a migration.")
                    : new FindingText(p + " is retiring something on " + date + when(draft.today(), date) + ".",
                            urgent ? "Find the projects that use the affected model or endpoint and migrate before "
                                    + date + "."
                                    : "Plan a migration before " + date + " if your projects use the affected model"
                                    + " or endpoint.");
            case PRICE_INCREASE -> new FindingText(
                    p + " is raising prices" + (date == null ? "." : " from " + date + when(draft.today(), date) + "."),
                    urgent ? "Compare your expected usage with the new prices and set a billing cap before " + date + "."
                            : "Compare your expected usage with the new prices when convenient.");
            case PRICE_DECREASE -> new FindingText(p + " is lowering prices.",
                    "No action needed; your costs for " + p + " may go down.");
            case PRICING_CHANGE -> new FindingText(p + " changed its pricing.",
                    "Review the new prices if you use " + p + " heavily.");
            case OUTAGE_ONGOING -> urgent
                    ? new FindingText(p + " reports an ongoing major outage" + affecting(draft)
                            + "; calls with your keys may fail.",
                            "Expect errors from " + p + " until the incident is resolved; switch to a fallback provider"
                                    + " if you have one.")
                    : new FindingText(p + " reports degraded service" + affecting(draft) + ".",
                            "Watch for errors or slow responses from " + p + " until the incident is resolved.");
            case OUTAGE_RESOLVED -> new FindingText(p + " resolved a service incident.",
                    "No action needed; retry any calls to " + p + " that failed during the incident.");
            case MAINTENANCE -> new FindingText(p + " has scheduled maintenance"
                    + (date == null ? "." : " on " + date + "."),
                    "Avoid deployments that depend on " + p + " during the maintenance window.");
            case BREAKING_CHANGE -> new FindingText(p + " announced a breaking change"
                    + (date == null ? "." : " taking effect on " + date + when(draft.today(), date) + "."),
                    urgent ? "Check your integration against the change and update it before " + date + "."
                            : "Check your integration against the change before it takes effect.");
            case SERVICE_CHANGE -> new FindingText(p + " changed how its service works.",
                    "Read the note and check whether it affects your integration.");
            case NEW_ALTERNATIVE -> new FindingText("A possible alternative to " + p + " was mentioned.",
                    "No action needed; compare it if " + p + "'s prices or limits become a problem.");
            case NEW_CAPABILITY -> new FindingText(p + " announced a new or changed capability.",
                    "No action needed; consider whether it helps your projects.");
        };
    }

    /** Most component names a sentence lists; the finding's text carries the full list. */
    private static final int COMPONENTS_IN_SENTENCE = 5;

    // The components come from the status page's structured fields (names only, placeholders already left out).
    private static String affecting(FindingDraft draft) {
        if (draft.item().incident() == null || draft.item().incident().components().isEmpty()) {
            return "";
        }
        List<String> names = draft.item().incident().components().stream()
                .map(c -> c.replaceAll("\\s*\\([^)]*\\)$", ""))
                .limit(COMPONENTS_IN_SENTENCE)
                .toList();
        int more = draft.item().incident().components().size() - names.size();
        return " affecting " + String.join(", ", names) + (more > 0 ? " and " + more + " more" : "");
    }

    private static String keysPhrase(int keys) {
        return keys == 1 ? "1 key" : keys + " keys";
    }

    private static String when(LocalDate today, LocalDate date) {
        long days = ChronoUnit.DAYS.between(today, date);
        if (days == 0) {
            return " (today)";
        }
        if (days == 1) {
            return " (tomorrow)";
        }
        return days > 0 ? " (in " + days + " days)" : "";
    }
}
