package dev.keyward.automation.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.llm.SessionLlm;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.program.StepProgramValidator;
import dev.keyward.automation.program.TaskType;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.reflib.SearchHit;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation against a loopback fake LLM: valid, repaired and hopeless answers, and no secret in any prompt. */
class ProgramGeneratorTest {

    static final String VALID = """
            {
              "format": "keyward.step-program",
              "format_version": 1,
              "title": "Set the Practice Cloud monthly spending cap",
              "provider": "practice-cloud",
              "task_type": "billing_restriction",
              "allowed_domains": ["127.0.0.1", "localhost"],
              "inputs": {
                "base_url": { "description": "Address of the site" },
                "username": { "default": "demo@practice.test" },
                "cap": { "description": "Monthly cap" }
              },
              "steps": [
                { "id": "open-login", "type": "goto", "url": "{{input:base_url}}/login", "description": "Open the sign-in page" },
                { "id": "login-username", "type": "fill", "selector": "#username", "value": "{{input:username}}" },
                { "id": "login-password", "type": "fill", "selector": "#password", "value": "{{secret:practice-cloud-password}}" },
                { "id": "login-submit", "type": "click", "selector": "button[type=submit]", "description": "Sign in" },
                { "id": "open-billing", "type": "goto", "url": "{{input:base_url}}/billing", "description": "Open billing" },
                { "id": "enter-cap", "type": "fill", "selector": "#monthly-cap", "value": "{{input:cap}}" },
                { "id": "save-cap", "type": "click", "selector": "#save-cap", "gate": "billing",
                  "description": "Saves {{input:cap}} as the monthly spending cap" },
                { "id": "delete-old", "type": "click", "selector": "button:has-text(\\"Delete old cap\\")",
                  "description": "Removes the previous cap" }
              ]
            }""";

    /** Invalid twice over: a click without a selector and a field the format does not have. */
    static final String INVALID = """
            Here is your program:
            ```json
            { "format": "keyward.step-program", "format_version": 1, "title": "Cap", "provider": "practice-cloud",
              "task_type": "billing_restriction", "allowed_domains": ["127.0.0.1"],
              "steps": [ { "id": "save", "type": "click" }, { "id": "js", "type": "goto", "url": "http://127.0.0.1/x", "script": "alert(1)" } ] }
            ```""";

    private static final JsonMapper JSON = new JsonMapper();
    private static final String SENTENCE = "set a monthly spending cap of 50 dollars";

    @TempDir
    Path dir;
    private VaultSession session;
    private FakeLlm llm;
    private LlmClient client;

    @BeforeEach
    void openVaultAndLlm() throws IOException {
        session = TestVault.open(dir);
        llm = new FakeLlm();
        session.settings().set("llm_base_url", llm.baseUrl());
        session.settings().set("llm_model", "fake-model");
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        llm.close();
        session.close();
    }

    private ProgramGenerator generator(ReferenceSnippets snippets) {
        client = SessionLlm.open(session, HttpClient.newHttpClient(), Duration.ofSeconds(20)).orElseThrow();
        return new ProgramGenerator(session, snippets, new ScriptService(session), Optional.of(client),
                ProgramGenerator.DEFAULT_REPAIR_ROUNDS);
    }

    private GeneratedProgram generate(ReferenceSnippets snippets) {
        return generator(snippets).generate(
                new GenerationRequest("practice-cloud", TaskType.BILLING_RESTRICTION, SENTENCE), false);
    }

    @Test
    void validAnswerIsStoredPendingWithModelResearchAndPlan() throws IOException {
        llm.answering(n -> "```json\n" + VALID + "\n```");

        GeneratedProgram generated = generate(ReferenceSnippets.NONE);

        assertEquals(1, llm.requests.size());
        assertEquals(0, generated.repairRounds());
        Map<String, String> row = TestVault.row(session, "automation_scripts", generated.scriptId());
        assertEquals("pending", row.get("approval_status"));
        assertEquals("fake-model", row.get("model_used"));
        assertEquals(null, row.get("approved_at"));
        assertEquals("billing_restriction", row.get("task_type"));
        assertEquals("Requested: " + SENTENCE, row.get("description"));
        assertEquals(generated.scriptId(), new ScriptService(session).get(generated.scriptId().substring(0, 8)).id());
        assertTrue(new StepProgramValidator().validateJson(row.get("script_content"), List.of()).valid());
        JsonNode research = JSON.readTree(row.get("research_data_json"));
        assertEquals("practice-cloud", research.path("provider").path("slug").asText());
        assertEquals(SENTENCE, research.path("sentence").asText());
        JsonNode plan = JSON.readTree(row.get("plan_data_json"));
        assertEquals(8, plan.path("steps").size());
        assertEquals("billing", plan.path("steps").get(4).path("risk").path("checkpoint").asText(),
                "opening /billing needs a billing checkpoint");

        ProgramReview review = generated.review();
        ReviewStep save = review.steps().get(6);
        assertEquals(List.of(CheckpointType.BILLING), save.gates());
        ReviewStep delete = review.steps().get(7);
        assertEquals(CheckpointType.IRREVERSIBLE, delete.ruleRisk().type(), "the rules gate what the program did not");
        assertEquals("none", review.steps().get(1).riskLabel());
    }

    @Test
    void invalidAnswerIsRepairedWithTheValidatorsProblems() throws IOException {
        llm.answering(n -> n == 0 ? INVALID : VALID);

        GeneratedProgram generated = generate(ReferenceSnippets.NONE);

        assertEquals(2, llm.requests.size());
        assertEquals(1, generated.repairRounds());
        String repair = llm.messagesOf(1);
        assertTrue(repair.contains("step 'save': field 'selector' is required"), repair);
        assertTrue(repair.contains("'script'"), repair);
        assertTrue(repair.contains("assistant: Here is your program"), "the refused answer goes back as context");
        assertEquals(1, TestVault.count(session, "automation_scripts"));
    }

    @Test
    void hopelessAnswersStopAfterTheRepairRoundsWithAClearErrorAndStoreNothing() {
        llm.answering(n -> n % 2 == 0 ? INVALID : "I cannot help with that.");

        OperationFailedException error = assertThrows(OperationFailedException.class,
                () -> generate(ReferenceSnippets.NONE));

        assertEquals(1 + ProgramGenerator.DEFAULT_REPAIR_ROUNDS, llm.requests.size());
        assertTrue(error.getMessage().startsWith("The LLM's program was still invalid after 2 repair rounds"),
                error.getMessage());
        assertTrue(error.getMessage().contains("nothing was stored"), error.getMessage());
        assertEquals(0, TestVault.count(session, "automation_scripts"));
    }

    @Test
    void programThatWidensItsDomainsIsSentBackForRepair() throws IOException {
        String widened = VALID.replace("\"allowed_domains\": [\"127.0.0.1\", \"localhost\"]",
                "\"allowed_domains\": [\"127.0.0.1\", \"collector.example\"]");
        llm.answering(n -> n == 0 ? widened : VALID);

        generate(ReferenceSnippets.NONE);

        assertTrue(llm.messagesOf(1).contains("lists 'collector.example', which is not a domain of practice-cloud"),
                llm.messagesOf(1));
    }

    @Test
    void unreachableLlmIsAClearErrorAndStoresNothing() {
        ProgramGenerator generator = generator(ReferenceSnippets.NONE);
        llm.close();

        OperationFailedException error = assertThrows(OperationFailedException.class, () -> generator.generate(
                new GenerationRequest("practice-cloud", TaskType.BILLING_RESTRICTION, SENTENCE), false));

        assertTrue(error.getMessage().startsWith("Could not reach the LLM"), error.getMessage());
        assertEquals(0, TestVault.count(session, "automation_scripts"));
    }

    @Test
    void noPromptCarriesASecretValue() throws IOException {
        String canaryPassword = "canary-pw-Zq81xv0Lw3";
        String canaryKey = "sk-proj-CANARYgen0123456789abcdefXYZ";
        String canaryLlmKey = "llmkey-canary-77aa19Qx";
        TestVault.secret(session, "practice-cloud-password", canaryPassword, "practice-cloud");
        TestVault.secret(session, "openai-main", canaryKey, "openai");
        TestVault.secret(session, "llm-key", canaryLlmKey, null);
        session.settings().set("llm_api_key_secret", "llm-key");
        session.database().write(c -> {
            try (var ps = c.prepareStatement("""
                    INSERT INTO provider_selectors (id, profile_id, provider_id, data_type, selector_type, selector_value,
                        verification_status, version, created_at, updated_at)
                    VALUES ('sel-1', ?, (SELECT id FROM providers WHERE profile_id = ? AND slug = 'practice-cloud'),
                        'usage_requests', 'css', ?, 'verified', 1, '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z')""")) {
                ps.setString(1, session.profileId());
                ps.setString(2, session.profileId());
                ps.setString(3, "#usage-requests[data-k='" + canaryPassword + "']");
                ps.executeUpdate();
            }
            return null;
        });
        // A reference snippet that quotes a value and a key-shaped token, as a careless doc might.
        ReferenceSnippets snippets = (query, limit) -> List.of(new SearchHit("docs", "login.md", 3,
                "page.fill('#password', '" + canaryPassword + "')\nheaders = {'Authorization': 'Bearer " + canaryKey + "'}",
                1.0));
        llm.answering(n -> n == 0 ? INVALID : VALID);

        GeneratedProgram generated = generator(snippets).generate(new GenerationRequest("practice-cloud",
                TaskType.BILLING_RESTRICTION, "set the cap; my password is " + canaryPassword), false);

        assertEquals(2, llm.requests.size());
        for (String body : llm.requests) {
            for (String canary : List.of(canaryPassword, canaryKey, canaryLlmKey)) {
                assertFalse(body.contains(canary), "a prompt carried a secret value");
            }
        }
        assertTrue(llm.messagesOf(0).contains("#usage-requests"), "the selector itself still reaches the prompt");
        assertEquals("Bearer " + canaryLlmKey, llm.authorizations.get(0), "the API key goes only in the header");
        session.database().write(c -> { // the test planted that row; everything else must be clean
            try (var ps = c.prepareStatement("DELETE FROM provider_selectors WHERE id = 'sel-1'")) {
                return ps.executeUpdate();
            }
        });
        String stored = TestVault.allText(session);
        assertTrue(stored.contains(generated.scriptId()));
        for (String canary : List.of(canaryPassword, canaryKey, canaryLlmKey)) {
            assertFalse(stored.contains(canary), "a secret value was stored outside the secrets tables");
        }
    }
}
