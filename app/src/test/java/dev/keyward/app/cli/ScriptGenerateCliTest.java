package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward script generate}: templates without an LLM, a loopback LLM with one, and the exit codes. */
class ScriptGenerateCliTest {

    private static final String PASSWORD = "generate-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private CliRunner cli;

    @BeforeEach
    void createProfile() {
        cli = CliRunner.withProfile(data, PASSWORD);
    }

    @Test
    void withoutAnLlmATemplateIsStoredPendingAndItsPlanShowsEachRisk() throws IOException {
        CliRunner.Result r = cli.run("script", "generate", "--provider", "openai", "--task", "billing_restriction",
                "set a monthly cap of 50 dollars");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Plan: OpenAI: set a spending cap (template) (written by template)"), r.out());
        assertTrue(r.out().contains("open-billing") && r.out().contains("risk: billing (the step opens a billing page"),
                r.out());
        assertTrue(r.out().contains("save-cap") && r.out().contains("risk: billing (marked by the program)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Stored as script [0-9a-f-]{36} \\(pending review.*")), r.out());
        assertTrue(r.err().contains("Note: The reference library returned no snippets"), r.err());

        JsonNode generated = JSON.readTree(cli.run("script", "generate", "--provider", "practice-cloud", "--task",
                "api_key_management", "--json", "rotate the practice key").out());
        assertEquals("template", generated.get("model_used").asText());
        assertEquals("pending", generated.get("approval_status").asText());
        JsonNode createKey = findStep(generated.get("plan").get("steps"), "create-key");
        assertEquals("api_key", createKey.get("gates").get(0).asText());
    }

    @Test
    void configuredLlmWritesTheProgramAndNeverSeesASecret() throws IOException {
        String canary = "sk-proj-CANARYcli0123456789abcdefXYZ";
        List<String> prompts = new CopyOnWriteArrayList<>();
        HttpServer llm = fakeLlmRecording(prompts);
        try {
            assertEquals(0, cli.feed(canary, "secret", "add", "openai-main", "--value-stdin").code());
            assertEquals(0, cli.run("settings", "set", "llm_base_url", "http://127.0.0.1:" + llm.getAddress().getPort()).code());
            assertEquals(0, cli.run("settings", "set", "llm_model", "loopback-model").code());

            CliRunner.Result r = cli.run("script", "generate", "--provider", "practice-cloud", "--task", "dashboard_scrape",
                    "read", "the", "usage", "numbers", "(my", "key", "is", canary + ")");

            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("Plan: Read usage (written by loopback-model)"), r.out());
            assertEquals(1, prompts.size());
            assertTrue(prompts.getFirst().contains("read the usage numbers"), "the request reaches the LLM");
            assertFalse(prompts.getFirst().contains(canary), "the secret value does not");
            assertFalse(cli.transcript().contains(canary));
        } finally {
            llm.stop(0);
        }
    }

    @Test
    void aSyncedReferenceLibraryGroundsThePromptInTheSameDataFolder() throws IOException {
        String canary = "sk-proj-CANARYgroundcli0123456789abcXYZ";
        String sha = "4444444444444444444444444444444444444444";
        List<String> prompts = new CopyOnWriteArrayList<>();
        HttpServer llm = fakeLlmRecording(prompts);
        try (ArchiveHost host = new ArchiveHost()) {
            host.publish("acme", "usage-recipes", sha, ArchiveHost.tarGz(java.util.Map.of(
                    "usage-recipes-" + sha + "/scrape/usage_numbers.py", """
                            # grindlemarker: read the usage numbers from the dashboard
                            def read_usage(page):
                                page.goto(base_url + "/dashboard")  # usage numbers, key %s
                                return page.inner_text("#usage-requests")
                            """.formatted(canary))));
            cli.env("KEYWARD_REFLIB_ARCHIVE_BASE", host.base());
            assertEquals(0, cli.run("reflib", "add", "usage-recipes", "https://github.com/acme/usage-recipes", sha).code());
            assertEquals(0, cli.run("reflib", "sync", "usage-recipes").code());
            assertEquals(0, cli.feed(canary, "secret", "add", "openai-main", "--value-stdin").code());
            assertEquals(0, cli.run("settings", "set", "llm_base_url", "http://127.0.0.1:" + llm.getAddress().getPort()).code());
            assertEquals(0, cli.run("settings", "set", "llm_model", "loopback-model").code());

            CliRunner.Result r = cli.run("script", "generate", "--provider", "practice-cloud", "--task", "dashboard_scrape",
                    "read", "the", "usage", "numbers", "from", "the", "dashboard");

            assertEquals(0, r.code(), r.err());
            assertFalse(r.err().contains("returned no snippets"), r.err());
            assertEquals(1, prompts.size());
            assertTrue(prompts.getFirst().contains("usage-recipes:scrape/usage_numbers.py"), prompts.getFirst());
            assertTrue(prompts.getFirst().contains("grindlemarker"), "the synced snippet's text reaches the LLM");
            assertFalse(prompts.getFirst().contains(canary), "a secret value inside a snippet does not");
        } finally {
            llm.stop(0);
        }
    }

    @Test
    void unknownProviderIsNotFoundAndBadTaskIsAUsageError() {
        assertEquals(4, cli.run("script", "generate", "--provider", "nope", "--task", "custom", "do it").code());
        CliRunner.Result badTask = cli.run("script", "generate", "--provider", "openai", "--task", "hack", "do it");
        assertEquals(2, badTask.code());
        assertTrue(badTask.err().contains("is not a task type"), badTask.err());
        assertEquals(2, cli.run("script", "generate", "--provider", "openai", "--task", "custom").code());
    }

    private static JsonNode findStep(JsonNode steps, String id) {
        for (JsonNode step : steps) {
            if (step.get("id").asText().equals(id)) {
                return step;
            }
        }
        throw new AssertionError(id + " not in " + steps);
    }

    /** A loopback OpenAI-compatible endpoint that records every request body and answers one valid program. */
    private static HttpServer fakeLlmRecording(List<String> prompts) throws IOException {
        HttpServer llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        llm.createContext("/v1/chat/completions", exchange -> {
            prompts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var reply = JSON.createObjectNode();
            reply.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", """
                    {"format": "keyward.step-program", "format_version": 1, "title": "Read usage",
                     "provider": "practice-cloud", "task_type": "dashboard_scrape", "allowed_domains": ["127.0.0.1"],
                     "inputs": {"base_url": {}},
                     "steps": [{"id": "open", "type": "goto", "url": "{{input:base_url}}/dashboard", "description": "Open the dashboard"},
                               {"id": "read", "type": "extract", "selector": "#usage-requests", "into": {"output": "requests"}}]}""");
            byte[] body = reply.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        llm.start();
        return llm;
    }
}
