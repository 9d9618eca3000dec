package dev.keyward.automation.recommend;

import dev.keyward.vault.provider.ProviderCapability;
import java.util.Set;

/**
 * A capability a project's documents say it needs.
 *
 * @param capability      the catalog capability
 * @param requirementText the sentence that states it most clearly
 * @param document        the file that sentence is in
 * @param confidence      0 to 1: how clearly the sentence states the need
 * @param companions      capabilities that suit the need as well (providers offering them rank higher)
 */
public record Need(ProviderCapability capability, String requirementText, String document, double confidence,
        Set<ProviderCapability> companions) {

    public Need {
        companions = Set.copyOf(companions);
    }
}
