package dev.keyward.automation.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.practice.PracticeState;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.automation.scripts.TestVault;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A vault, a Practice Cloud and a runner on a shared Chromium, for one test. */
final class RunnerFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final VaultSession session;
    final ScriptService scripts;
    final ProgramRunner runner;
    /** The shared browser; replaced by {@link #relaunchIfClosed()} after a run closed it (a page that hung). */
    LaunchedBrowser browser;
    private final String practicePassword;
    PracticeCloud cloud;

    /**
     * One vault and one Chromium for a test class (creating a profile and starting Chromium are the slow parts);
     * {@link #reset()} gives each test a fresh Practice Cloud and no scripts.
     */
    RunnerFixture(Path root, String practicePassword) {
        this.session = TestVault.open(root);
        this.practicePassword = practicePassword;
        session.secrets().add("practice-cloud-password", practicePassword.toCharArray(), "practice-cloud");
        this.scripts = new ScriptService(session);
        this.runner = new ProgramRunner(session, new BrowserLauncher(ChromiumLocator.forProcess()));
        this.browser = sharedBrowser();
    }

    /** A fresh Practice Cloud signed up with the practice password; every script and extra secret removed. */
    void reset() throws IOException {
        if (cloud != null) {
            cloud.close();
        }
        cloud = PracticeCloud.start(0);
        cloud.state().account().setCredentials("demo@practice.test", practicePassword);
        scripts.list().forEach(s -> scripts.delete(s.id()));
        session.secrets().list().stream().filter(s -> !s.name().equals("practice-cloud-password"))
                .forEach(s -> session.secrets().remove(s.name()));
    }

    /** A fresh browser in place of one a run closed because its page stopped responding or flooded it. */
    void relaunchIfClosed() {
        if (!browser.isConnected()) {
            browser.close();
            browser = sharedBrowser();
        }
    }

    static LaunchedBrowser sharedBrowser() {
        return new BrowserLauncher(ChromiumLocator.forProcess()).launch(false);
    }

    PracticeState state() {
        return cloud.state();
    }

    AutomationScript importSample(String name) {
        return scripts.importProgram(sample(name), null).script();
    }

    AutomationScript importJson(String json) {
        return scripts.importProgram(json, null).script();
    }

    RunResult run(AutomationScript script, Map<String, String> inputs, CheckpointGate gate) {
        return run(script, RunOptions.defaults(withBaseUrl(inputs)), gate);
    }

    RunResult run(AutomationScript script, RunOptions options, CheckpointGate gate) {
        return runner.run(script.id(), options, gate, RunObserver.NONE, browser);
    }

    Map<String, String> withBaseUrl(Map<String, String> inputs) {
        java.util.Map<String, String> all = new java.util.HashMap<>(inputs);
        all.putIfAbsent("base_url", cloud.baseUrl());
        return all;
    }

    ExecutionRecord execution(String id) {
        return session.database().read(c -> new ExecutionRepository(session.profileId()).find(c, id)).orElseThrow();
    }

    List<CheckpointRecord> checkpoints(String executionId) {
        return session.database().read(c -> new CheckpointRepository(session.profileId()).listByExecution(c, executionId));
    }

    JsonNode summary(String executionId) throws IOException {
        return JSON.readTree(execution(executionId).resultSummaryJson());
    }

    static String sample(String name) {
        try {
            Path dir = Path.of("").toAbsolutePath();
            while (!Files.isDirectory(dir.resolve("samples/programs"))) {
                dir = dir.getParent();
            }
            return Files.readString(dir.resolve("samples/programs/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A program for Practice Cloud that signs in and then runs {@code steps} (JSON array items). */
    static String signedInProgram(String title, String allowedDomains, String steps) {
        return """
                {"format": "keyward.step-program", "format_version": 1, "title": "%s",
                 "provider": "practice-cloud", "task_type": "custom", "allowed_domains": %s,
                 "inputs": {"base_url": {"description": "site"}},
                 "steps": [
                  {"id": "open-login", "type": "goto", "url": "{{input:base_url}}/login"},
                  {"id": "login-username", "type": "fill", "selector": "#username", "value": "demo@practice.test"},
                  {"id": "login-password", "type": "fill", "selector": "#password", "value": "{{secret:practice-cloud-password}}"},
                  {"id": "login-submit", "type": "click", "selector": "button[type=submit]"},
                  {"id": "signed-in", "type": "wait_for", "url": "**/dashboard"},
                  %s
                 ]}
                """.formatted(title, allowedDomains, steps);
    }

    @Override
    public void close() {
        if (cloud != null) {
            cloud.close();
        }
        browser.close();
        session.close();
    }
}
