package dev.keyward.automation.recommend;

import dev.keyward.vault.provider.CatalogProvider;
import dev.keyward.vault.provider.ProviderCapability;
import java.util.List;
import java.util.Locale;

/** The rule-based rationale of a recommendation: why this provider for this need, in two or three sentences. */
final class Rationales {

    private Rationales() {}

    static String of(Need need, ProviderMatch match, List<ProviderMatch> alternatives) {
        CatalogProvider p = match.provider();
        StringBuilder text = new StringBuilder();
        text.append(need.document()).append(" asks for ").append(label(need.capability())).append("; ")
                .append(p.name()).append(" offers it");
        if (!need.companions().isEmpty()) {
            List<String> also = need.companions().stream().filter(p::offers).map(Rationales::label).toList();
            if (!also.isEmpty()) {
                text.append(" together with ").append(String.join(" and ", also));
            }
        }
        text.append(CatalogMatcher.knownFor(p, need.capability()) ? " and is known for it." : " as a side offering.");
        if (match.heldKey()) {
            text.append(" You already keep a key for ").append(p.name()).append(", so no new account is needed.");
        }
        if (Boolean.TRUE.equals(p.freeTier())) {
            text.append(" It has a free tier.");
        }
        List<String> others = alternatives.stream().filter(a -> a != match).limit(2).map(a -> a.provider().name()).toList();
        if (!others.isEmpty()) {
            text.append(" Also considered: ").append(String.join(", ", others)).append('.');
        }
        return text.toString();
    }

    static String label(ProviderCapability capability) {
        return switch (capability) {
            case LLM -> "an LLM";
            case SMS -> "SMS";
            case CDN -> "a CDN";
            case DNS -> "DNS";
            case CI -> "CI";
            case EMAIL -> "email sending";
            default -> capability.dbValue().replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }
}
