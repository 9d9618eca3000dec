package dev.keyward.automation.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.provider.ProviderCapability;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs found in real-looking project documents, normalised to catalog capabilities. */
class NeedFinderTest {

    @TempDir
    Path dir;

    private List<Need> needsOf(String fixture) throws IOException {
        List<DocumentSentence> sentences = new ArrayList<>();
        for (ProjectDocuments.Markdown doc : ProjectDocuments.read(Fixtures.project(fixture, dir))) {
            sentences.addAll(MarkdownSentences.of(doc.relativePath(), doc.text()));
        }
        return NeedFinder.find(sentences);
    }

    private static Need need(List<Need> needs, ProviderCapability capability) {
        return needs.stream().filter(n -> n.capability() == capability).findFirst()
                .orElseThrow(() -> new AssertionError(capability + " not found in " + needs));
    }

    @Test
    void saasReadmeStatesEmailPaymentsSearchLlmStorageAuthMonitoringAndDatabase() throws IOException {
        List<Need> needs = needsOf("invoicely");

        Set<ProviderCapability> found = needs.stream().map(Need::capability).collect(Collectors.toSet());
        assertEquals(EnumSet.of(ProviderCapability.EMAIL, ProviderCapability.PAYMENTS, ProviderCapability.SEARCH,
                ProviderCapability.LLM, ProviderCapability.STORAGE, ProviderCapability.AUTH,
                ProviderCapability.MONITORING, ProviderCapability.DATABASE), found);
        assertEquals("We send transactional email for receipts, reminders and password resets.",
                need(needs, ProviderCapability.EMAIL).requirementText());
        assertEquals("README.md", need(needs, ProviderCapability.EMAIL).document());
        assertTrue(need(needs, ProviderCapability.PAYMENTS).requirementText().contains("we accept card payments"));
        Need search = need(needs, ProviderCapability.SEARCH);
        assertTrue(search.requirementText().startsWith("Semantic search over documents"), search.requirementText());
        assertEquals(Set.of(ProviderCapability.EMBEDDINGS), search.companions());
        assertEquals("docs/architecture.md", need(needs, ProviderCapability.MONITORING).document());
        assertEquals(1.0, need(needs, ProviderCapability.EMAIL).confidence(), "a stated need with a cue counts fully");
        assertTrue(need(needs, ProviderCapability.STORAGE).confidence() < 1.0, "a mention without a cue counts less");
    }

    @Test
    void negatedNeedsCodeBlocksAndNonGoalSectionsAreIgnored() throws IOException {
        Set<ProviderCapability> found = needsOf("invoicely").stream().map(Need::capability).collect(Collectors.toSet());
        assertTrue(!found.contains(ProviderCapability.SMS), "\"We do not send SMS\" is not a need");
        assertTrue(!found.contains(ProviderCapability.MAPS), "maps are listed under Non-goals");
        assertTrue(!found.contains(ProviderCapability.VOICE), "voice calls are listed under Non-goals");
    }

    @Test
    void mobileAppReadmeStatesMapsAndSmsButNotPayments() throws IOException {
        List<Need> needs = needsOf("rideshare");

        Set<ProviderCapability> found = needs.stream().map(Need::capability).collect(Collectors.toSet());
        assertTrue(found.containsAll(Set.of(ProviderCapability.MAPS, ProviderCapability.SMS)), needs.toString());
        assertTrue(!found.contains(ProviderCapability.PAYMENTS), "\"We will not take payments\" is not a need");
        assertTrue(need(needs, ProviderCapability.SMS).requirementText().contains("one-time code by SMS"));
        assertTrue(need(needs, ProviderCapability.AUTH).confidence() < need(needs, ProviderCapability.SMS).confidence(),
                "a passing 'sign up' is a weaker need than a stated SMS code");
    }

    @Test
    void sentencesAreSplitAndMarkupIsReducedToText() {
        List<DocumentSentence> sentences = MarkdownSentences.of("README.md", """
                # Title with `code`

                First sentence with a [link](https://example.test). Second one? Third!

                    indented code is not prose
                """);
        assertEquals(List.of("Title with code", "First sentence with a link.", "Second one?", "Third!"),
                sentences.stream().map(DocumentSentence::text).toList());
        assertTrue(sentences.getFirst().heading());
    }
}
