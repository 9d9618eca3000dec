package dev.keyward.automation.dashboard.hygiene;

import java.util.List;
import java.util.Objects;

/**
 * One finding of the key-hygiene report.
 *
 * @param key          a stable key (kind, provider and subject) a dismissal refers to
 * @param kind         what it is about
 * @param providerSlug the provider
 * @param secretName   the vault secret concerned, or null when the key is not in the vault
 * @param subject      the provider's key id, a scope and day, or a model; never a key value
 * @param sentence     what Keyward found, in one or two sentences
 * @param actions      what Keyward can do about it, the dismissal last
 */
public record HygieneFinding(String key, HygieneKind kind, String providerSlug, String secretName, String subject,
                             String sentence, List<HygieneAction> actions) {

    public HygieneFinding {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentence, "sentence");
        actions = List.copyOf(actions);
    }
}
