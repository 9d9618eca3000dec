package dev.keyward.automation.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory stand-in for the findings repository: stores each provider result the run hands over. */
final class StoredFindings implements FindingHistory {

    private final Map<String, List<KnownFinding>> byProvider = new ConcurrentHashMap<>();

    void store(ProviderRunResult result) {
        List<KnownFinding> known = byProvider.computeIfAbsent(result.providerId(), id -> new ArrayList<>());
        result.findings().forEach(f -> known.add(new KnownFinding(f.sourceUrl(), f.sourceTitle())));
    }

    @Override
    public List<KnownFinding> knownFor(String providerId) {
        return List.copyOf(byProvider.getOrDefault(providerId, List.of()));
    }
}
