package dev.keyward.vault.provider;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a provider's keys are recognised inside arbitrary text, beyond its whole-value
 * {@link CatalogProvider#keyPatterns()}.
 *
 * <p>{@code hintedPatterns} are shapes too common to report on their own (a bare 32-hex string is
 * also every MD5 digest): they count only as the value assigned to a name that contains one of
 * {@code nameHints}, compared ignoring case ({@code ALGOLIA_ADMIN_KEY=...}). The same holds for a
 * key pattern without a literal prefix. {@code minEntropy} (Shannon bits per character over the
 * whole match, or null for none) turns away placeholder-like matches of weak shapes, such as
 * {@code sk-your-key-here}. {@code note} says in a sentence why the provider's rules are what
 * they are.
 */
public record KeyFormat(List<Pattern> hintedPatterns, List<String> nameHints, Double minEntropy, String note) {

    public KeyFormat {
        hintedPatterns = List.copyOf(hintedPatterns);
        nameHints = List.copyOf(nameHints);
        Objects.requireNonNull(note, "note");
    }
}
