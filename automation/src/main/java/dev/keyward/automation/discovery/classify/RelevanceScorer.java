package dev.keyward.automation.discovery.classify;

import dev.keyward.automation.feeds.SourceItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scores an item's relevance from the user's context: keys held for the provider weigh most, then
 * mentions of capabilities, env var names, secret names or projects the user has.
 */
public final class RelevanceScorer {

    private static final double NO_KEYS_BASE = 0.15;
    private static final double WITH_KEYS_BASE = 0.5;
    private static final double PER_KEY = 0.1;
    private static final int KEYS_COUNTED = 3;
    private static final double CAPABILITY_BONUS = 0.15;
    private static final double NAME_BONUS = 0.15;
    // Very short names ("ai", "db") would match almost any text.
    private static final int MIN_TERM_LENGTH = 3;

    public Relevance score(String providerSlug, SourceItem item, UserContext context) {
        int keys = context.keysFor(providerSlug);
        double score = keys > 0 ? WITH_KEYS_BASE + PER_KEY * Math.min(keys, KEYS_COUNTED) : NO_KEYS_BASE;
        List<String> reasons = new ArrayList<>();
        reasons.add(keys == 0 ? "you hold no keys for this provider"
                : "you hold " + keys + (keys == 1 ? " key" : " keys") + " for this provider");
        String words = item.words();
        Optional<String> capability = firstMentioned(context.capabilities(), words);
        if (capability.isPresent()) {
            score += CAPABILITY_BONUS;
            reasons.add("it mentions " + capability.get() + ", which you use");
        }
        Optional<String> name = firstMentioned(context.envVarNames(), words)
                .or(() -> firstMentioned(context.secretNames(), words))
                .or(() -> firstMentioned(context.projectNames(), words));
        if (name.isPresent()) {
            score += NAME_BONUS;
            reasons.add("it names " + name.get() + " from your vault");
        }
        double clamped = Math.round(Math.min(1.0, Math.max(0.0, score)) * 100) / 100.0;
        return new Relevance(clamped, capitalised(String.join("; ", reasons)));
    }

    private static Optional<String> firstMentioned(Collection<String> terms, String words) {
        return terms.stream()
                .filter(t -> t != null && t.strip().length() >= MIN_TERM_LENGTH)
                .sorted()
                .filter(t -> Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(t.strip()) + "(?![\\p{L}\\p{N}_])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(words).find())
                .findFirst();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
