package dev.keyward.automation.recommend;

import dev.keyward.vault.provider.ProviderCapability;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A way documents say they need a capability.
 *
 * @param capability the catalog capability the phrase asks for
 * @param pattern    case-insensitive, whole words
 * @param weight     how clearly the phrase states the need, 0 to 1
 * @param companions capabilities that suit the need as well (semantic search: embeddings)
 */
record NeedPhrase(ProviderCapability capability, Pattern pattern, double weight, Set<ProviderCapability> companions) {}
