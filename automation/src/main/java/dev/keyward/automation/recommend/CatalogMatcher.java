package dev.keyward.automation.recommend;

import static dev.keyward.vault.provider.ProviderCapability.AUTH;
import static dev.keyward.vault.provider.ProviderCapability.CDN;
import static dev.keyward.vault.provider.ProviderCapability.CI;
import static dev.keyward.vault.provider.ProviderCapability.DATABASE;
import static dev.keyward.vault.provider.ProviderCapability.DNS;
import static dev.keyward.vault.provider.ProviderCapability.EMAIL;
import static dev.keyward.vault.provider.ProviderCapability.EMBEDDINGS;
import static dev.keyward.vault.provider.ProviderCapability.HOSTING;
import static dev.keyward.vault.provider.ProviderCapability.IMAGE_GENERATION;
import static dev.keyward.vault.provider.ProviderCapability.LLM;
import static dev.keyward.vault.provider.ProviderCapability.MAPS;
import static dev.keyward.vault.provider.ProviderCapability.MESSAGING;
import static dev.keyward.vault.provider.ProviderCapability.SEARCH;
import static dev.keyward.vault.provider.ProviderCapability.SMS;
import static dev.keyward.vault.provider.ProviderCapability.SOURCE_CONTROL;
import static dev.keyward.vault.provider.ProviderCapability.SPEECH;
import static dev.keyward.vault.provider.ProviderCapability.STORAGE;
import static dev.keyward.vault.provider.ProviderCapability.VOICE;

import dev.keyward.vault.provider.CatalogProvider;
import dev.keyward.vault.provider.ProviderCapability;
import dev.keyward.vault.provider.ProviderCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the catalog providers that offer a need's capability. The score adds up, to at most 1:
 * 0.10 for offering the capability, up to 0.40 for how clearly the documents state the need, 0.20
 * when the user already holds a key for the provider (fewer accounts to keep), up to 0.15 for also
 * offering the need's companion capabilities, 0.10 when the capability is one the provider is known
 * for, 0.05 for a free tier. Ties keep catalog order. The local practice provider is never recommended.
 */
final class CatalogMatcher {

    /**
     * What the broad providers (more than two capabilities) are known for; a side offering (object
     * storage at a model hub) earns no focus bonus. Providers of one or two things are known for them.
     */
    private static final Map<String, Set<ProviderCapability>> KNOWN_FOR = Map.ofEntries(
            Map.entry("aws", Set.of(HOSTING, STORAGE, DATABASE, EMAIL, SMS, CDN, DNS)),
            Map.entry("cloudflare", Set.of(CDN, DNS, HOSTING, STORAGE)),
            Map.entry("cohere", Set.of(LLM, EMBEDDINGS, SEARCH)),
            Map.entry("digitalocean", Set.of(HOSTING, DATABASE, STORAGE)),
            Map.entry("github", Set.of(SOURCE_CONTROL, CI)),
            Map.entry("gitlab", Set.of(SOURCE_CONTROL, CI)),
            Map.entry("google-cloud", Set.of(LLM, MAPS, STORAGE, DATABASE, HOSTING)),
            Map.entry("huggingface", Set.of(LLM, EMBEDDINGS)),
            Map.entry("openai", Set.of(LLM, EMBEDDINGS, IMAGE_GENERATION, SPEECH)),
            Map.entry("pinecone", Set.of(SEARCH, EMBEDDINGS, DATABASE)),
            Map.entry("replicate", Set.of(IMAGE_GENERATION, LLM)),
            Map.entry("supabase", Set.of(DATABASE, AUTH, STORAGE)),
            Map.entry("twilio", Set.of(SMS, VOICE, MESSAGING)));

    private final ProviderCatalog catalog;
    private final Set<String> heldSlugs;

    /** @param heldSlugs slugs of providers the user keeps at least one secret for */
    CatalogMatcher(ProviderCatalog catalog, Set<String> heldSlugs) {
        this.catalog = catalog;
        this.heldSlugs = Set.copyOf(heldSlugs);
    }

    List<ProviderMatch> rank(Need need) {
        List<ProviderMatch> matches = new ArrayList<>();
        for (CatalogProvider p : catalog.byCapability(need.capability())) {
            if (p.isPractice()) {
                continue;
            }
            boolean held = heldSlugs.contains(p.slug());
            double companions = need.companions().isEmpty() ? 1.0
                    : need.companions().stream().filter(p::offers).count() / (double) need.companions().size();
            double score = 0.10 + 0.40 * need.confidence() + (held ? 0.20 : 0.0) + 0.15 * companions
                    + (knownFor(p, need.capability()) ? 0.10 : 0.0)
                    + (Boolean.TRUE.equals(p.freeTier()) ? 0.05 : 0.0);
            matches.add(new ProviderMatch(p, Math.min(1.0, Math.round(score * 1000) / 1000.0), held));
        }
        matches.sort(Comparator.comparingDouble(ProviderMatch::score).reversed()); // stable: catalog order on ties
        return matches;
    }

    static boolean knownFor(CatalogProvider p, ProviderCapability capability) {
        if (p.capabilities().size() <= 2) {
            return true;
        }
        return KNOWN_FOR.getOrDefault(p.slug(), p.capabilities()).contains(capability);
    }
}
