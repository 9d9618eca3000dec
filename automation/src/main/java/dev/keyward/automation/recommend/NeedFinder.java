package dev.keyward.automation.recommend;

import dev.keyward.vault.provider.ProviderCapability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sentences that state a need and normalises each to a catalog capability: a sentence
 * qualifies when it holds a need phrase that is not negated ("we do not send SMS"). Per capability
 * the clearest sentence is kept. Sentences that sound like a requirement ("we need", "users can",
 * "must") count more than passing mentions, and headings less than prose.
 */
final class NeedFinder {

    private static final Pattern NEED_CUE = Pattern.compile("(?i)(?<![\\p{L}])(?:we|it|app|users?|customers?)\\s+"
            + "(?:need|needs|must|should|will|want|wants|can|send|sends|use|uses|accept|accepts|store|stores|get|gets)"
            + "(?![\\p{L}])|(?<![\\p{L}])(?:requires?|required|lets|allows?|supports?|so that|has to|have to|plan to)(?![\\p{L}])");
    /** A negation within four words before the phrase cancels it. */
    private static final Pattern NEGATION = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:not|no|never|without|don'?t|doesn'?t|won'?t|isn'?t|aren'?t|neither|nor)(?![\\p{L}])"
                    + "(?:\\s+[\\w'/-]+){0,4}\\s*$");
    private static final double CUE_FACTOR = 1.0;
    private static final double MENTION_FACTOR = 0.8;
    private static final double HEADING_FACTOR = 0.7;

    private NeedFinder() {}

    static List<Need> find(List<DocumentSentence> sentences) {
        Map<ProviderCapability, Need> best = new EnumMap<>(ProviderCapability.class);
        for (DocumentSentence sentence : sentences) {
            Map<ProviderCapability, Double> weights = new EnumMap<>(ProviderCapability.class);
            Map<ProviderCapability, Set<ProviderCapability>> companions = new EnumMap<>(ProviderCapability.class);
            for (NeedPhrase phrase : NeedVocabulary.phrases()) {
                Matcher m = phrase.pattern().matcher(sentence.text());
                while (m.find()) {
                    if (negated(sentence.text(), m.start())) {
                        continue;
                    }
                    if (phrase.weight() > weights.getOrDefault(phrase.capability(), 0.0)) {
                        weights.put(phrase.capability(), phrase.weight());
                    }
                    companions.computeIfAbsent(phrase.capability(), c -> EnumSet.noneOf(ProviderCapability.class))
                            .addAll(phrase.companions());
                    break;
                }
            }
            double factor = (sentence.heading() ? HEADING_FACTOR : 1.0)
                    * (NEED_CUE.matcher(sentence.text()).find() ? CUE_FACTOR : MENTION_FACTOR);
            for (Map.Entry<ProviderCapability, Double> e : weights.entrySet()) {
                double confidence = Math.round(e.getValue() * factor * 1000) / 1000.0;
                Need current = best.get(e.getKey());
                if (current == null || confidence > current.confidence()) {
                    best.put(e.getKey(), new Need(e.getKey(), sentence.text(), sentence.document(), confidence,
                            companions.getOrDefault(e.getKey(), Set.of())));
                }
            }
        }
        // A need already covered as another need's companion adds nothing on its own when it is weaker.
        List<Need> needs = new ArrayList<>(best.values());
        needs.removeIf(n -> best.values().stream().anyMatch(other -> other != n
                && other.companions().contains(n.capability()) && other.requirementText().equals(n.requirementText())));
        needs.sort(Comparator.comparingDouble(Need::confidence).reversed()
                .thenComparing(n -> n.capability().ordinal()));
        return needs;
    }

    private static boolean negated(String text, int phraseStart) {
        return NEGATION.matcher(text.substring(0, phraseStart)).find();
    }
}
