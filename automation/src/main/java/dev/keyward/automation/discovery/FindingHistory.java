package dev.keyward.automation.discovery;

import java.util.List;

/**
 * Read access to findings already stored for a provider (within retention), so a run does not report
 * the same news twice. The vault's findings repository implements this.
 */
@FunctionalInterface
public interface FindingHistory {

    List<KnownFinding> knownFor(String providerId);
}
