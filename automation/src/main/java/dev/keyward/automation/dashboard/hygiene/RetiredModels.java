package dev.keyward.automation.dashboard.hygiene;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which used models a deprecation finding names. A model counts when its id, or its id without the
 * trailing date ({@code claude-3-5-sonnet-20241022} → {@code claude-3-5-sonnet}, {@code gpt-4-0613} →
 * {@code gpt-4}), appears in the finding's text as a whole token, so {@code gpt-4} never matches {@code gpt-4o}.
 */
public final class RetiredModels {

    private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2}|\\d{4})$");

    private RetiredModels() {
    }

    public static Set<String> named(String findingText, Collection<String> usedModels) {
        String text = findingText.toLowerCase(Locale.ROOT);
        Set<String> named = new LinkedHashSet<>();
        for (String model : usedModels) {
            String id = model.toLowerCase(Locale.ROOT);
            String base = DATE_SUFFIX.matcher(id).replaceFirst("");
            if (mentions(text, id) || (base.length() >= 5 && !base.equals(id) && mentions(text, base))) {
                named.add(model);
            }
        }
        return named;
    }

    private static boolean mentions(String text, String token) {
        return Pattern.compile("(?<![a-z0-9.-])" + Pattern.quote(token) + "(?![a-z0-9]|\\.[0-9]|-[a-z0-9])").matcher(text).find();
    }
}
