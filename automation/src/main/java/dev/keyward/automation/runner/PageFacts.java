package dev.keyward.automation.runner;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts and plan names in a text (the page, a request's fields): what a person should see before approving a
 * request that may cost money. Only these figures are quoted, never the rest of the text.
 */
final class PageFacts {

    private static final Pattern AMOUNT = Pattern.compile(
            "(?:[$€£¥]\\s?\\d[\\d,.\\u00a0 ]*\\d|[$€£¥]\\s?\\d"
            + "|\\d[\\d,.\\u00a0]*\\s?(?:€|\\$|£|USD|EUR|GBP|CHF|JPY)(?![\\p{L}]))");
    private static final Pattern PLAN = Pattern.compile(
            "(?<![\\p{L}])(?:\\p{Lu}[\\p{L}]{1,20}\\s(?:plan|Plan|tier|Tier|Tarif|abonnement|Abo)"
            + "|(?:Plan|Tarif|Forfait)\\s?:?\\s\\p{Lu}[\\p{L}]{1,20})(?![\\p{L}])");
    private static final int MAX = 6;

    private PageFacts() {}

    /** Up to six distinct amounts and plan names, in the order they appear, joined with ", "; empty when none. */
    static String amountsAndPlans(String... texts) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            collect(AMOUNT, text, found);
            collect(PLAN, text, found);
        }
        return String.join(", ", found);
    }

    private static void collect(Pattern pattern, String text, Set<String> found) {
        Matcher m = pattern.matcher(text);
        while (m.find() && found.size() < MAX) {
            found.add(m.group().strip().replaceAll("\\s+", " "));
        }
    }
}
