package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.DiscoveryRunResult;
import dev.keyward.automation.discovery.ProviderRunResult;
import dev.keyward.automation.discovery.ProviderTarget;
import dev.keyward.automation.discovery.SkippedProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Pairs the engine's per-provider results and skips with the providers' slugs and names. */
final class RunSummaries {

    private RunSummaries() {
    }

    static List<ProviderSummary> of(List<ProviderTarget> targets, DiscoveryRunResult result) {
        Map<String, ProviderTarget> byId = targets.stream()
                .collect(Collectors.toMap(ProviderTarget::providerId, Function.identity(), (a, b) -> a));
        List<ProviderSummary> out = new ArrayList<>();
        for (ProviderRunResult r : result.providerResults()) {
            ProviderTarget t = byId.get(r.providerId());
            out.add(new ProviderSummary(r.providerId(), t.slug(), t.displayName(), switch (r.status()) {
                case SUCCESS -> ProviderSummary.State.SUCCESS;
                case PARTIAL -> ProviderSummary.State.PARTIAL;
                case FAILED -> ProviderSummary.State.FAILED;
            }, r.queriesExecuted(), r.resultsFound(), r.findingsGenerated(), r.errorMessageRedacted(), null));
        }
        for (SkippedProvider s : result.skipped()) {
            ProviderTarget t = byId.get(s.providerId());
            out.add(new ProviderSummary(s.providerId(), t.slug(), t.displayName(), ProviderSummary.State.SKIPPED, 0, 0,
                    0, s.sentence(), s.reason()));
        }
        return out;
    }
}
