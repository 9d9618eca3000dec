package dev.keyward.app.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.CliJvm;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.dashboard.service.DashboardConfig;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.practice.PracticeState;
import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.provider.ProviderUpdate;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward mcp} as a real process, driven by the MCP Java SDK's own client over stdio, with a real
 * headless agent ({@code keyward agent start --project app}) serving a real vault: the tools list holds no
 * value-returning tool; names come back without values; a command that prints a value raw, base64-encoded,
 * split across writes and inside JSON returns only masked output; a request outside the agent's scope is an
 * error result with no output; time limits kill the command. No value reaches a tool result, the MCP
 * server's stderr, the agent's output or the audit log, which names the agent and each decision.
 */
class McpServerProcessTest {

    static final String PASSWORD = "mcp-fixture-password-7";
    static final String SECRET = "OPENAI_API_KEY";
    static final String CANARY = "sk-mcp-canary-4e1f0c9b7a55";
    static final String OTHER = "STRIPE_KEY";
    static final String OTHER_CANARY = "sk-other-canary-93ab7d21";
    static final String AGENT_NAME = "keyward-test-agent";

    @TempDir
    Path data;
    @TempDir
    Path work;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private McpSyncClient client;
    private boolean agentStarted;

    private ProfileService createProfile() {
        ProfileService profiles = new ProfileService(new DataRoot(data), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            ProfileService.Created created = profiles.create("work", password);
            created.recoveryCode().close();
            try (VaultSession session = profiles.unlock(created.profile(), password)) {
                session.secrets().add(SECRET, CANARY.toCharArray(), null);
                session.secrets().add(OTHER, OTHER_CANARY.toCharArray(), null);
                session.projects().create("app", null);
                session.projects().link("app", SECRET, SECRET);
                session.projects().create("billing", null);
                session.projects().link("billing", OTHER, OTHER);
            }
        }
        return profiles;
    }

    private List<String> java(String... args) {
        return CliJvm.command(data, args);
    }

    /** Runs one CLI command in its own JVM; its output is kept for the canary search. */
    private int keyward(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = ChildEnvironment.processBuilder(java(args))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_") || k.equals("XDG_RUNTIME_DIR"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = builder.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "keyward " + String.join(" ", args) + " ended");
        seen.add(Files.readString(out));
        seen.add(Files.readString(err));
        return p.exitValue();
    }

    private void startAgent() throws Exception {
        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "10m",
                "--project", "app"), String.join("\n", seen));
        agentStarted = true;
    }

    /** The SDK's client, starting {@code keyward mcp} through its stdio transport (environment without Keyward's variables). */
    private McpSyncClient connect() {
        List<String> command = java("mcp");
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).build();
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper()) {
            @Override
            protected ProcessBuilder getProcessBuilder() {
                ProcessBuilder builder = super.getProcessBuilder();
                builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_") || k.equals("XDG_RUNTIME_DIR"));
                return builder;
            }
        };
        transport.setStdErrorHandler(seen::add);
        client = McpClient.sync(transport).clientInfo(new McpSchema.Implementation(AGENT_NAME, "3.1.4"))
                // The SDK's 20 s for the first answer ran out while the server's JVM started beside the module's
                // other test JVM on a loaded machine; like the requests, it only stops a server that never answers.
                .requestTimeout(Duration.ofSeconds(90)).initializationTimeout(Duration.ofSeconds(90)).build();
        client.initialize();
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.closeGracefully();
        }
        if (agentStarted) {
            keyward(Map.of(), "lock");
        }
        String all = String.join("\n", seen);
        assertNoValue(all, "an output, a tool result or stderr");
        // Every file left behind: the agent's log, the vault's files (encrypted), what the commands wrote.
        for (Path root : List.of(data, work)) {
            try (java.util.stream.Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertNoValue(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), file.toString());
                }
            }
        }
        if (agentStarted || Files.exists(data.resolve("profiles"))) {
            List<AuditEntry> rows = auditRows();
            assertNoValue(rows.toString(), "the audit log");
        }
    }

    private static void assertNoValue(String text, String where) {
        for (String value : List.of(CANARY, OTHER_CANARY)) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            for (String form : List.of(value, Base64.getEncoder().encodeToString(bytes),
                    Base64.getEncoder().withoutPadding().encodeToString(bytes), HexFormat.of().formatHex(bytes),
                    URLEncoder.encode(value, StandardCharsets.UTF_8))) {
                assertFalse(text.contains(form), "a value (as " + form.length() + " characters) reached " + where);
            }
        }
    }

    private List<AuditEntry> auditRows() {
        ProfileService profiles = new ProfileService(new DataRoot(data), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
        try (Password password = Password.copyOf(PASSWORD.toCharArray());
             VaultSession session = profiles.unlock(profiles.resolve("work"), password)) {
            return session.database().read(c -> session.audit().page(c, null, null, 500));
        }
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        seen.add(String.valueOf(result));
        return result;
    }

    private static String text(McpSchema.CallToolResult result) {
        StringBuilder out = new StringBuilder();
        for (McpSchema.Content content : result.content()) {
            if (content instanceof McpSchema.TextContent text) {
                out.append(text.text());
            }
        }
        return out.toString();
    }

    private McpSchema.CallToolResult run(String project, String command) {
        return call("run_command", Map.of("project", project, "command", command, "working_directory", work.toString()));
    }

    @Test
    void theToolsAreNamesHealthAndRunCommandAndNoneReturnsAValue() {
        createProfile();
        connect();
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertEquals(List.of("key_health", "list_projects", "list_secrets", "run_command"),
                tools.stream().map(McpSchema.Tool::name).sorted().toList());
        for (McpSchema.Tool tool : tools) {
            String schema = String.valueOf(tool.inputSchema());
            for (String word : List.of("reveal", "value\"", "show_value", "plaintext", "unmask", "raw")) {
                assertFalse(schema.toLowerCase().contains(word), tool.name() + " takes no argument about values: " + schema);
            }
        }
        assertEquals("keyward", client.getServerInfo().name());
    }

    @Test
    void withoutAnAgentEveryToolSaysKeywardMustBeUnlocked() {
        createProfile();
        connect();
        for (String tool : List.of("list_projects", "list_secrets")) {
            McpSchema.CallToolResult result = call(tool, Map.of());
            assertTrue(result.isError(), tool);
            assertTrue(text(result).contains("unlock the Keyward app"), text(result));
        }
        McpSchema.CallToolResult run = run("app", "echo ran > ran.txt");
        assertTrue(run.isError());
        assertFalse(Files.exists(work.resolve("ran.txt")), "nothing ran without the agent");
    }

    @Test
    void namesComeBackWithoutValuesAndEveryCallIsAuditedWithTheAgent() throws Exception {
        createProfile();
        startAgent();
        connect();
        String projects = text(call("list_projects", Map.of()));
        assertTrue(projects.contains("\"app\"") && projects.contains("\"billing\"") && projects.contains(SECRET), projects);
        McpSchema.CallToolResult secrets = call("list_secrets", Map.of());
        assertFalse(secrets.isError());
        assertTrue(text(secrets).contains(SECRET) && text(secrets).contains(CANARY.substring(CANARY.length() - 4)),
                text(secrets));
        McpSchema.CallToolResult health = call("key_health", Map.of("secret", SECRET));
        assertFalse(health.isError(), text(health));
        McpSchema.CallToolResult unknownArgument = call("list_secrets", Map.of("reveal", true));
        assertTrue(unknownArgument.isError(), "an undeclared argument is refused");

        client.closeGracefully();
        client = null;
        keyward(Map.of(), "lock");
        agentStarted = false;
        List<AuditEntry> rows = auditRows().stream().filter(r -> r.action().startsWith("agent_mcp_")).toList();
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.detailsJson().contains(AGENT_NAME + " 3.1.4")
                && r.detailsJson().contains("\"decision\":\"served\"")), rows.toString());
    }

    /**
     * A Practice Cloud key (on a real loopback Practice Cloud) linked to {@code app}, refreshed once through the
     * real dashboard service, so the dashboard holds a collected snapshot of it.
     */
    private void collectedPracticeKey() throws Exception {
        try (PracticeCloud cloud = PracticeCloud.start(0, new PracticeState(Clock.systemUTC()))) {
            ProfileService profiles = new ProfileService(new DataRoot(data), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
            try (Password password = Password.copyOf(PASSWORD.toCharArray());
                 VaultSession session = profiles.unlock(profiles.resolve("work"), password)) {
                session.providers().update("practice-cloud", new ProviderUpdate(cloud.baseUrl(), null, null, null, null, null));
                session.secrets().add(PRACTICE, KeyLedger.DEFAULT_SEEDED_VALUE.toCharArray(), "practice-cloud");
                session.projects().link("app", PRACTICE, PRACTICE);
                session.secrets().add(STALE, STALE_CANARY.toCharArray(), "practice-cloud");
                DashboardConfig config = DashboardConfig.defaults()
                        .withRefresh(RefreshSettings.defaults().withRequestTimeout(Duration.ofSeconds(10)));
                DashboardService dashboard = new DashboardService(session, config);
                assertEquals(List.of(PRACTICE), dashboard.refreshSecret(PRACTICE, RefreshListener.ignoring()).secretNames());
                assertEquals(List.of(STALE), dashboard.refreshSecret(STALE, RefreshListener.ignoring()).secretNames());
            }
        }
    }

    static final String PRACTICE = "PRACTICE_KEY";
    /** A Practice Cloud-shaped key the cloud does not know (it answers 401): collected as invalid. */
    static final String STALE = "STALE_PRACTICE_KEY";
    static final String STALE_CANARY = "pc_test_mcp0canary0that0must0never0show";

    @Test
    void keyHealthAndListSecretsGiveTheDashboardsCollectedSnapshot() throws Exception {
        createProfile();
        collectedPracticeKey();
        startAgent();
        connect();
        McpSchema.CallToolResult health = call("key_health", Map.of("secret", PRACTICE));
        assertFalse(health.isError(), text(health));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) health.structuredContent();
        assertEquals(PRACTICE, data.get("name"));
        assertEquals("practice-cloud", data.get("provider"));
        assertEquals(true, data.get("collected"), text(health));
        assertEquals("valid", data.get("health"));
        assertEquals("operational", data.get("service"));
        assertEquals("api", data.get("method"));
        assertEquals("success", data.get("status"));
        assertEquals("48.2", data.get("usagePercent"));
        assertEquals(48210, ((Number) data.get("requests")).intValue());
        assertEquals(100000, ((Number) data.get("requestLimit")).intValue());
        assertEquals("42.17", data.get("cost"));
        assertEquals("USD", data.get("currency"));
        assertEquals(List.of(), data.get("warnings"));
        assertTrue(String.valueOf(data.get("collectedAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z"), text(health));
        assertTrue(text(health).contains("\"health\":\"valid\""), "the text content says the same: " + text(health));

        McpSchema.CallToolResult secrets = call("list_secrets", Map.of());
        assertFalse(secrets.isError(), text(secrets));
        String listed = text(secrets);
        int at = listed.indexOf("\"" + PRACTICE + "\"");
        assertTrue(at >= 0 && listed.indexOf("\"health\":\"valid\"", at) > at, listed);
        assertTrue(listed.contains("\"health\":\"not collected\""), "a key without a provider: " + listed);
        McpSchema.CallToolResult stale = call("key_health", Map.of("secret", STALE));
        assertFalse(stale.isError(), text(stale));
        @SuppressWarnings("unchecked")
        Map<String, Object> staleData = (Map<String, Object>) stale.structuredContent();
        assertEquals(true, staleData.get("collected"), text(stale));
        assertEquals("invalid", staleData.get("health"), text(stale));
        assertTrue(staleData.get("error") instanceof String error && !error.isBlank(), "the collection's error: " + text(stale));
        for (String result : List.of(text(health), listed, text(stale))) {
            for (String value : List.of(KeyLedger.DEFAULT_SEEDED_VALUE, STALE_CANARY, STALE_CANARY.substring(8, 30))) {
                assertFalse(result.contains(value), "a key's value reached a tool result: " + result);
            }
        }
    }

    @Test
    void aCommandThatPrintsTheValueInAnyFormReturnsOnlyMaskedOutput() throws Exception {
        createProfile();
        startAgent();
        connect();
        Files.writeString(work.resolve("print.sh"), """
                printf 'raw:%s\\n' "$OPENAI_API_KEY"
                printf 'b64:%s\\n' "$(printf %s "$OPENAI_API_KEY" | base64 -w0)"
                half=$(printf %s "$OPENAI_API_KEY" | cut -c1-10)
                rest=$(printf %s "$OPENAI_API_KEY" | cut -c11-)
                printf 'split:%s' "$half"; sleep 0.3; printf '%s\\n' "$rest"
                printf '{"key":"%s"}\\n' "$OPENAI_API_KEY" >&2
                echo done
                exit 3
                """);
        McpSchema.CallToolResult result = run("app", "sh print.sh");
        String text = text(result);
        assertFalse(result.isError(), text);
        assertTrue(text.contains("exit code: 3"), text);
        assertTrue(text.contains("raw:<concealed by keyward>"), text);
        assertTrue(text.contains("b64:<concealed by keyward>"), text);
        assertTrue(text.contains("split:<concealed by keyward>"), text);
        assertTrue(text.contains("{\"key\":\"<concealed by keyward>\"}"), text);
        assertTrue(text.contains("done"), text);
        assertNoValue(text + result.structuredContent(), "the tool result");

        List<AuditEntry> approvals;
        client.closeGracefully();
        client = null;
        keyward(Map.of(), "lock");
        agentStarted = false;
        approvals = auditRows();
        assertTrue(approvals.stream().anyMatch(r -> r.action().equals("agent_allow_in_scope")
                && r.detailsJson().contains(AGENT_NAME) && r.detailsJson().contains("sh print.sh")), approvals.toString());
        assertTrue(approvals.stream().anyMatch(r -> r.action().equals("agent_mcp_run_command")
                && r.detailsJson().contains("\"decision\":\"allowed\"")), approvals.toString());
    }

    @Test
    void aRefusedRunIsAnErrorResultAndRunsNothing() throws Exception {
        createProfile();
        startAgent();
        connect();
        McpSchema.CallToolResult refused = run("billing", "printenv STRIPE_KEY > leaked.txt; echo ran");
        assertTrue(refused.isError());
        assertTrue(text(refused).contains("nothing was shared"), text(refused));
        assertFalse(text(refused).contains("ran"), text(refused));
        assertFalse(Files.exists(work.resolve("leaked.txt")), "a refused command never ran");

        McpSchema.CallToolResult unknown = run("nope", "echo hi");
        assertTrue(unknown.isError());
        assertTrue(text(unknown).contains("nope"), text(unknown));
    }

    @Test
    void aCommandPastItsTimeLimitIsKilledWithWhatItStarted() throws Exception {
        createProfile();
        startAgent();
        connect();
        McpSchema.CallToolResult result = call("run_command", Map.of("project", "app", "working_directory", work.toString(),
                "command", "sleep 300 & echo $! > child.pid; echo started; wait", "timeout_seconds", 2));
        assertTrue(result.isError(), text(result));
        assertTrue(text(result).contains("did not finish within 2 seconds") && text(result).contains("started"), text(result));
        long pid = Long.parseLong(Files.readString(work.resolve("child.pid")).trim());
        java.util.Optional<ProcessHandle> sleeper = ProcessHandle.of(pid);
        if (sleeper.isPresent()) {
            sleeper.get().onExit().get(30, TimeUnit.SECONDS); // fails by timeout if it was left running
        }

        McpSchema.CallToolResult tooLong = call("run_command", Map.of("project", "app", "working_directory", work.toString(),
                "command", "true", "timeout_seconds", 100000));
        assertTrue(tooLong.isError());
        McpSchema.CallToolResult big = run("app", "head -c 3000000 /dev/zero | tr '\\0' x");
        assertFalse(big.isError());
        assertTrue(text(big).contains("stdout truncated"), "said truncated");
        assertNotEquals(Boolean.FALSE, ((Map<?, ?>) big.structuredContent()).get("stdoutTruncated"));
    }

    @Test
    void theServerEndsWhenItsClientClosesStdinAndKillsItsCommandsWhenStopped() throws Exception {
        createProfile();
        ProcessBuilder builder = ChildEnvironment.processBuilder(java("mcp"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(work.resolve("mcp-out.txt").toFile()).redirectError(work.resolve("mcp-err.txt").toFile());
        Process alone = builder.start();
        assertTrue(alone.waitFor(60, TimeUnit.SECONDS), "keyward mcp ended at the end of its input");
        assertEquals(0, alone.exitValue());
        assertEquals("", Files.readString(work.resolve("mcp-out.txt")), "nothing but the protocol on stdout");

        startAgent();
        connect();
        Thread call = new Thread(() -> {
            try {
                run("app", "sleep 300 & echo $! > child.pid; wait");
            } catch (RuntimeException e) {
                // The server was stopped under the call: expected.
            }
        });
        call.setDaemon(true);
        call.start();
        Path pidFile = work.resolve("child.pid");
        for (int i = 0; i < 600 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) {
            Thread.sleep(100);
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        // A client that stops its server by a signal alone (its stdin still open).
        ProcessHandle server = ProcessHandle.current().children().filter(McpServerProcessTest::isMcpServer)
                .findFirst().orElseThrow();
        server.destroy();
        server.onExit().get(60, TimeUnit.SECONDS);
        java.util.Optional<ProcessHandle> sleeper = ProcessHandle.of(pid);
        if (sleeper.isPresent()) {
            sleeper.get().onExit().get(30, TimeUnit.SECONDS); // fails by timeout if the command outlived its server
        }
    }

    /** Whether {@code process} is a {@code keyward mcp} JVM (its long command line read from /proc). */
    private static boolean isMcpServer(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline"), StandardCharsets.ISO_8859_1)
                    .endsWith("\0mcp\0");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
