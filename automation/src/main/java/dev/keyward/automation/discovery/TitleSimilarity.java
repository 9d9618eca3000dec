package dev.keyward.automation.discovery;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares titles after folding case and punctuation: the higher of token Jaccard similarity and
 * normalised edit-distance similarity, from 0 (unrelated) to 1 (same words).
 */
public final class TitleSimilarity {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TitleSimilarity() {
    }

    /** Lower case, punctuation as single spaces, trimmed. */
    public static String normalise(String title) {
        return title == null ? "" : NOT_WORD.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Number of words in the normalised title. */
    public static int tokenCount(String normalised) {
        return normalised.isEmpty() ? 0 : normalised.split(" ").length;
    }

    /** Similarity of two normalised titles; {@code threshold} lets the edit distance stop early. */
    public static double similarity(String a, String b, double threshold) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        double jaccard = jaccard(a, b);
        if (jaccard >= threshold) {
            return jaccard;
        }
        int longer = Math.max(a.length(), b.length());
        // Edit distance is at least the length difference; skip the quadratic work when that already rules it out.
        if (1.0 - (double) Math.abs(a.length() - b.length()) / longer < threshold) {
            return jaccard;
        }
        return Math.max(jaccard, 1.0 - (double) editDistance(a, b) / longer);
    }

    private static double jaccard(String a, String b) {
        Set<String> left = new HashSet<>(Arrays.asList(a.split(" ")));
        Set<String> right = new HashSet<>(Arrays.asList(b.split(" ")));
        Set<String> union = new HashSet<>(left);
        union.addAll(right);
        left.retainAll(right);
        return (double) left.size() / union.size();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
