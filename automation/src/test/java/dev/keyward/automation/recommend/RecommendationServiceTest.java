package dev.keyward.automation.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.automation.generate.FakeLlm;
import dev.keyward.automation.generate.TestVault;
import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.llm.SessionLlm;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recommendations stored from fixture projects: ranking, held keys, rescans, accept/reject, and the LLM's limits. */
class RecommendationServiceTest {

    @TempDir
    Path vaultDir;
    @TempDir
    Path work;
    private VaultSession session;

    @BeforeEach
    void openVault() {
        session = TestVault.open(vaultDir);
    }

    @AfterEach
    void closeVault() {
        session.close();
    }

    private static List<Recommendation> forCapability(List<Recommendation> rows, String capability) {
        return rows.stream().filter(r -> r.capabilityNeeded().equals(capability)).toList();
    }

    @Test
    void scanStoresCatalogMatchesAndPrefersProvidersTheUserHoldsKeysFor() throws IOException {
        TestVault.secret(session, "resend-main", "re_live_fixture_key_value_1", "resend");
        TestVault.secret(session, "openai-main", "sk-proj-FixtureKeyValue0123456789ab", "openai");
        Path folder = Fixtures.project("invoicely", work);

        ScanResult result = new RecommendationService(session, Optional.empty()).scanFolder(folder, null, 3);

        assertEquals(List.of("README.md", "docs/architecture.md"), result.documents());
        List<Recommendation> stored = new RecommendationService(session, Optional.empty()).list(null);
        assertEquals(result.added().size(), stored.size());
        List<Recommendation> email = forCapability(stored, "email");
        assertEquals(3, email.size());
        assertEquals("resend", email.getFirst().providerSlug(), "a provider the user holds a key for comes first");
        assertTrue(email.getFirst().rationale().contains("You already keep a key for Resend"), email.getFirst().rationale());
        assertEquals("openai", forCapability(stored, "llm").getFirst().providerSlug());
        assertEquals(List.of("stripe"), forCapability(stored, "payments").stream().map(Recommendation::providerSlug).toList());
        assertEquals(List.of("cohere", "pinecone", "algolia"), // equal scores list by name
                forCapability(stored, "search").stream().map(Recommendation::providerSlug).toList(),
                "semantic search prefers providers that also offer embeddings");
        assertEquals("aws", forCapability(stored, "storage").getFirst().providerSlug());
        assertEquals("supabase", forCapability(stored, "auth").getFirst().providerSlug());
        assertTrue(forCapability(stored, "sms").isEmpty());
        assertTrue(forCapability(stored, "maps").isEmpty());

        Recommendation stripe = forCapability(stored, "payments").getFirst();
        assertEquals("new", stripe.userStatus());
        assertEquals("Stripe", stripe.recommendedServiceName());
        assertEquals(session.providers().get("stripe").id(), stripe.recommendedProviderId());
        assertTrue(stripe.requirementText().contains("we accept card payments"));
        assertTrue(stripe.pricingSummary().startsWith("No monthly fee"));
        assertNull(stripe.freeTierAvailable());
        assertEquals("https://docs.stripe.com", stripe.documentationUrl());
        assertEquals("https://docs.stripe.com",
                TestVault.row(session, "service_recommendations", stripe.id()).get("documentation_url"),
                "the docs URL is stored in the row, not only shown");
        for (Recommendation r : stored) {
            String catalogDocs = session.providers().get(r.providerSlug()).docsUrl();
            if (catalogDocs != null) {
                assertEquals(catalogDocs, TestVault.row(session, "service_recommendations", r.id()).get("documentation_url"),
                        r.providerSlug() + ": the catalog's docs URL is stored with the recommendation");
            }
        }
        assertTrue(stored.stream().filter(r -> r.documentationUrl() != null).count() >= 5,
                "most recommended providers have docs in the catalog");
        assertTrue(stored.stream().allMatch(r -> r.matchScore() > 0 && r.matchScore() <= 1.0));
        assertTrue(email.getFirst().matchScore() > email.get(1).matchScore());
    }

    @Test
    void rescanKeepsDecisionsAndAddsNothingTwice() throws IOException {
        Path folder = Fixtures.project("invoicely", work);
        RecommendationService service = new RecommendationService(session, Optional.empty());
        ScanResult first = service.scanFolder(folder, null, 2);
        Recommendation stripe = forCapability(service.list(null), "payments").getFirst();
        service.reject(stripe.shortId());

        ScanResult second = service.scanFolder(folder, null, 2);

        assertEquals(0, second.added().size());
        assertEquals(first.added().size(), second.alreadyKnown());
        assertEquals("rejected", forCapability(service.list(null), "payments").getFirst().userStatus());
    }

    @Test
    void acceptAndRejectRecordTheDecisionAndAcceptSeedsAMissingProvider() throws IOException {
        session.database().write(c -> {
            try (var ps = c.prepareStatement("DELETE FROM providers WHERE profile_id = ? AND slug = 'mapbox'")) {
                ps.setString(1, session.profileId());
                return ps.executeUpdate();
            }
        });
        RecommendationService service = new RecommendationService(session, Optional.empty());
        service.scanFolder(Fixtures.project("rideshare", work), null, 2);
        Recommendation mapbox = service.list(null).stream().filter(r -> "Mapbox".equals(r.recommendedServiceName()))
                .findFirst().orElseThrow();
        assertNull(mapbox.recommendedProviderId(), "the provider is not in this profile");
        Recommendation sms = forCapability(service.list(null), "sms").getFirst();

        Recommendation accepted = service.accept(mapbox.id().substring(0, 6));
        Recommendation rejected = service.reject(sms.id());

        assertEquals("accepted", accepted.userStatus());
        assertNotNull(accepted.recommendedProviderId());
        assertEquals(session.providers().get("mapbox").id(), accepted.recommendedProviderId());
        assertEquals("rejected", rejected.userStatus());
        List<AuditEntry> audit = session.database().read(c -> session.audit().page(c, "provider", null, 20));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("recommendation_accept")
                && e.subjectId().equals(mapbox.id()) && e.detailsJson().contains("\"provider_added\":true")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("recommendation_reject") && e.subjectId().equals(sms.id())));
        assertThrows(NotFoundException.class, () -> service.accept("ffffffff"));
        assertThrows(InvalidInputException.class, () -> service.accept("not an id"));
    }

    @Test
    void projectScanRecordsTheFolderAndLaterScansUseIt() throws IOException {
        Path folder = Fixtures.project("invoicely", work);
        session.projects().create("invoicely", null);
        RecommendationService service = new RecommendationService(session, Optional.empty());
        InvalidInputException noFolder = assertThrows(InvalidInputException.class,
                () -> service.scanProject("invoicely", 1));
        // The core states the fact and the remedy as data; the CLI's hint names 'recommend PATH --project'.
        assertEquals(AutomationErrorKind.PROJECT_FOLDER_UNKNOWN, noFolder.kind());
        assertEquals(Remedy.SCAN_PROJECT_FOLDER, noFolder.remedy());
        assertEquals("invoicely", noFolder.facts().get(Fact.PROJECT));
        assertFalse(noFolder.getMessage().contains("keyward"), noFolder.getMessage());

        ScanResult first = service.scanFolder(folder, "invoicely", 1);
        ScanResult again = service.scanProject("invoicely", 1);

        assertTrue(first.added().stream().allMatch(r -> "invoicely".equals(r.projectName())));
        assertEquals(first.added().size(), again.alreadyKnown());
        assertEquals(first.added().size(), service.list("invoicely").size());
        assertThrows(NotFoundException.class, () -> service.list("nope"));
    }

    @Test
    void llmRefinesRationalesButCannotAddProvidersOrSeeSecrets() throws IOException {
        String canary = "canary-rec-value-Qw19zz";
        TestVault.secret(session, "mail-password", canary, null);
        Path folder = Fixtures.project("invoicely", work);
        Files.writeString(folder.resolve("docs/alerts.md"), "We need text message alerts; the gateway password is " + canary + ".\n");
        try (FakeLlm llm = new FakeLlm()) {
            llm.answering(n -> """
                    {"recommendations": [
                      {"provider": "madeup-mail", "rationale": "An invented provider."},
                      {"provider": "stripe", "rationale": "A catalog provider, but not a candidate here."},
                      {"provider": "mailgun", "rationale": "Mailgun fits: simple API."},
                      {"provider": "cohere", "rationale": "Cohere fits: embeddings and search together."}
                    ]}""");
            session.settings().set("llm_base_url", llm.baseUrl());
            session.settings().set("llm_model", "fake-model");
            ScanResult result;
            try (LlmClient client = SessionLlm.open(session, HttpClient.newHttpClient(), Duration.ofSeconds(20)).orElseThrow()) {
                result = new RecommendationService(session, Optional.of(client)).scanFolder(folder, null, 3);
            }

            assertEquals(result.needs().size(), llm.requests.size(), "one request per need");
            assertTrue(result.ignoredByLlm() > 0);
            List<Recommendation> stored = new RecommendationService(session, Optional.empty()).list(null);
            assertTrue(stored.stream().noneMatch(r -> r.recommendedServiceName().toLowerCase().contains("madeup")));
            assertTrue(forCapability(stored, "email").stream().noneMatch(r -> "stripe".equals(r.providerSlug())));
            Recommendation mailgun = forCapability(stored, "email").stream()
                    .filter(r -> "mailgun".equals(r.providerSlug())).findFirst().orElseThrow();
            assertEquals("Mailgun fits: simple API.", mailgun.rationale());
            Recommendation cohere = forCapability(stored, "search").getFirst();
            assertEquals("Cohere fits: embeddings and search together.", cohere.rationale());
            for (String body : llm.requests) {
                assertFalse(body.contains(canary), "a prompt carried a secret value");
            }
            Recommendation sms = forCapability(stored, "sms").getFirst();
            assertTrue(sms.requirementText().contains("[REDACTED]"), sms.requirementText());
            assertFalse(TestVault.allText(session).contains(canary), "a secret value was stored in a recommendation");
        }
    }

    @Test
    void unreachableLlmKeepsTheRuleBasedRationales() throws IOException {
        FakeLlm llm = new FakeLlm();
        session.settings().set("llm_base_url", llm.baseUrl());
        session.settings().set("llm_model", "fake-model");
        llm.close();
        ScanResult result;
        try (LlmClient client = SessionLlm.open(session, HttpClient.newHttpClient(), Duration.ofSeconds(20)).orElseThrow()) {
            result = new RecommendationService(session, Optional.of(client))
                    .scanFolder(Fixtures.project("rideshare", work), null, 1);
        }
        assertFalse(result.added().isEmpty());
        assertEquals(1, result.notes().size(), result.notes().toString());
        assertTrue(result.notes().getFirst().contains("rule-based rationales were kept"));
    }
}
