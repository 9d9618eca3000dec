package dev.keyward.automation.generate;

import dev.keyward.reflib.SearchHit;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.redact.Redactor;
import dev.keyward.vault.session.VaultSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the research for one request: the provider row, its newest selectors, and ranked
 * reference-library snippets for the sentence. Every text that came from outside the vault's own
 * metadata passes the session's redactor before it is kept.
 */
final class ResearchCollector {

    static final int SNIPPETS = 5;
    static final int SNIPPET_CHARS = 1200;

    private final VaultSession session;
    private final ReferenceSnippets library;

    ResearchCollector(VaultSession session, ReferenceSnippets library) {
        this.session = session;
        this.library = library;
    }

    Research collect(GenerationRequest request) {
        Redactor redactor = session.redactor();
        ProviderInfo provider = session.providers().get(request.providerSlug());
        List<SelectorRow> selectors = !session.automationEnabled() ? List.of() : session.database().read(
                c -> ProviderSelectorReader.latest(c, session.profileId(), provider.id()));
        String sentence = redactor.redact(request.sentence());
        List<String> notes = new ArrayList<>();
        List<ReferenceSnippet> references = new ArrayList<>();
        List<SearchHit> hits = library.search(sentence + " " + provider.name(), SNIPPETS);
        for (SearchHit hit : hits) {
            references.add(new ReferenceSnippet(hit.sourceName(), hit.path(), hit.line(), hit.score(),
                    redactor.redact(clip(hit.snippet()))));
        }
        if (hits.isEmpty()) {
            notes.add("The reference library returned no snippets; syncing it gives better grounding.");
        }
        if (selectors.isEmpty()) {
            notes.add("No provider_selectors rows exist for " + provider.slug() + "; selectors are best guesses to review.");
        }
        List<SelectorRow> cleanSelectors = selectors.stream()
                .map(s -> new SelectorRow(s.dataType(), s.selectorType(), redactor.redact(s.selectorValue()),
                        s.verificationStatus(), s.version()))
                .toList();
        return new Research(provider, request.taskType(), sentence, ProviderDomains.of(provider), cleanSelectors,
                references, notes);
    }

    private static String clip(String text) {
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "\n…";
    }
}
