package dev.keyward.app.ui.secrets;

import dev.keyward.vault.secrets.SecretInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * What the secrets list shows: a search text over names and providers, a provider, a project
 * and a minimum age of the current value.
 *
 * @param query       words that must all appear in the name or provider (case-insensitive), or blank
 * @param provider    a provider slug, {@link #NO_PROVIDER}, or null for any
 * @param project     a project name, or null for any
 * @param minAgeDays  only values at least this old (days since set or rotated), or 0 for any
 */
public record SecretFilter(String query, String provider, String project, int minAgeDays) {

    /** The provider filter value that matches secrets without a provider. */
    public static final String NO_PROVIDER = "";

    public static SecretFilter everything() {
        return new SecretFilter("", null, null, 0);
    }

    public boolean matches(SecretInfo s, Set<String> projectsOfSecret, Instant now) {
        if (provider != null && !provider.equals(s.providerSlug() == null ? NO_PROVIDER : s.providerSlug())) {
            return false;
        }
        if (project != null && !projectsOfSecret.contains(project)) {
            return false;
        }
        if (minAgeDays > 0 && ageDays(s, now) < minAgeDays) {
            return false;
        }
        String haystack = (s.name() + " " + (s.providerSlug() == null ? "" : s.providerSlug())).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Whole days since the current value was set (rotated, else created); 0 when unknown. */
    public static long ageDays(SecretInfo s, Instant now) {
        String since = s.rotatedAt() != null ? s.rotatedAt() : s.createdAt();
        if (since == null) {
            return 0;
        }
        try {
            return Math.max(0, Duration.between(Instant.parse(since), now).toDays());
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
