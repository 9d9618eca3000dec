package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.BadFrameException;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.error.CliMessage;
import dev.keyward.app.error.ErrorWording;
import dev.keyward.vault.VaultException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.secrets.SecretService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code tool} request from {@code keyward mcp}, made on behalf of an AI agent: names and key
 * health are answered as data ({@code result}), never with a value; {@code run_command} is asked of the
 * person (or the headless scope) with the agent, command line, folder and variables named, and answered
 * with {@code exec} so that the MCP process runs the command and masks its output. Every call, whatever
 * its outcome, writes one audit row naming the agent and the decision.
 */
final class AgentTool {

    /** Longest agent name, version, command line or folder the server takes. */
    static final int MAX_TEXT = 8192;

    private final AgentServer server;
    private final AgentConnection connection;
    private final ClientProcess client;
    private final Frame request;
    private final long id;
    /** A typed error met while the commands lock was held, answered once it is released. */
    private VaultException failure;

    AgentTool(AgentServer server, AgentConnection connection, ClientProcess client, Frame request) {
        this.server = server;
        this.connection = connection;
        this.client = client;
        this.request = request;
        this.id = request.id();
    }

    void run() throws IOException, BadFrameException {
        String tool = request.string("tool");
        Caller caller = caller();
        Optional<ServedSession> served = server.served();
        if (served.isEmpty()) {
            connection.send(Frame.of("locked", id));
            return;
        }
        ToolAudit audit = new ToolAudit(served.get().session(), client, caller.label(), tool);
        switch (tool) {
            case "list_projects" -> read(served.get(), audit, Map.of(), () -> ToolData.projects(served.get()));
            case "list_secrets" -> read(served.get(), audit, Map.of(), () -> ToolData.secrets(served.get()));
            case "key_health" -> {
                String secret = bounded(request.string("secret"), "secret");
                read(served.get(), audit, Map.of("secret", secret), () -> ToolData.health(served.get(), secret));
            }
            case "run_command" -> runCommand(served.get(), audit, caller);
            default -> throw new BadFrameException("tool is list_projects, list_secrets, key_health or run_command");
        }
    }

    /** A read of names or health: served without asking, audited as served, failed or locked. */
    private void read(ServedSession served, ToolAudit audit, Map<String, String> facts, Read read) throws IOException {
        Map<String, Object> data;
        server.commands().lock();
        try {
            data = read.data();
        } catch (VaultException e) {
            data = null;
            failure = e;
        } finally {
            server.commands().unlock();
        }
        if (data == null) {
            fail(audit, facts, failure); // answered outside the lock: a slow client holds up no other command
            return;
        }
        if (stillServed(served)) {
            audit.record("served", facts);
            connection.send(Frame.of("result", id).with("data", data));
        } else {
            connection.send(Frame.of("locked", id));
        }
    }

    /** What a read tool answers. */
    private interface Read {
        Map<String, Object> data();
    }

    private void runCommand(ServedSession served, ToolAudit audit, Caller caller) throws IOException, BadFrameException {
        String project = bounded(request.string("project"), "project");
        String commandLine = bounded(request.string("commandLine"), "commandLine");
        String folder = bounded(request.string("folder"), "folder");
        if (commandLine.isBlank() || !absolute(folder)) {
            throw new BadFrameException("commandLine is not blank and folder is absolute");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("project", project);
        facts.put("runs", commandLine);
        facts.put("runs_in", folder);
        List<ProjectLink> links = null;
        server.commands().lock();
        try {
            links = served.session().projects().links(project);
        } catch (VaultException e) {
            failure = e;
        } finally {
            server.commands().unlock();
        }
        if (links == null) {
            fail(audit, facts, failure);
            return;
        }
        AccessRequest asked = new AccessRequest(client, List.of("mcp", "run_command"), AccessRequest.Access.REVEAL,
                Optional.of(project), links.stream().map(ProjectLink::secretName).distinct().toList(),
                Optional.of(new AgentTask(caller.name(), caller.version(), commandLine, folder,
                        links.stream().map(ProjectLink::envVar).toList())));
        Approval approval;
        try {
            approval = connection.awaitApproval(() -> server.approvals().decide(asked));
        } catch (InterruptedException e) {
            audit.record("locked", facts);
            connection.send(Frame.of("locked", id));
            return;
        }
        if (!approval.allows()) {
            CliMessage why = ErrorWording.forCli(server.approvals().refusal(asked));
            audit.record("refused", facts);
            connection.send(Frame.of("refused", id).with("code", ErrorWording.REFUSED).with("message", why.text()));
            return;
        }
        Map<String, String> env = new LinkedHashMap<>();
        server.commands().lock();
        try {
            Map<String, char[]> values = served.session().projects().environment(project, SecretService.Purpose.INJECT);
            values.forEach((name, value) -> env.put(name, new String(value)));
            values.values().forEach(Wipe::chars);
        } catch (VaultException e) {
            failure = e;
        } finally {
            server.commands().unlock();
        }
        if (failure != null) {
            fail(audit, facts, failure);
            return;
        }
        if (!stillServed(served)) {
            audit.record("locked", facts);
            connection.send(Frame.of("locked", id));
            return;
        }
        audit.record("allowed", facts);
        // The command runs in the MCP process, which masks these values in what it returns to the agent.
        connection.send(Frame.of("exec", id).with("argv", List.of("/bin/sh", "-c", commandLine)).with("env", env));
    }

    /** A typed error (no such project or key, a damaged vault) becomes a {@code failed} answer in the CLI's words. */
    private void fail(ToolAudit audit, Map<String, String> facts, VaultException e) throws IOException {
        CliMessage message = ErrorWording.forCli(e);
        audit.record("failed", facts);
        connection.send(Frame.of("failed", id).with("code", message.exitCode()).with("message", message.text()));
    }

    private boolean stillServed(ServedSession served) {
        return !connection.lockedDuringRequest() && server.served().orElse(null) == served;
    }

    /** The agent as its MCP client named itself. */
    record Caller(String name, String version) {
        String label() {
            return version.isEmpty() ? name : name + " " + version;
        }
    }

    private Caller caller() throws BadFrameException {
        if (!(request.field("agent") instanceof Map<?, ?> agent) || !(agent.get("name") instanceof String name)
                || name.isBlank() || (agent.get("version") != null && !(agent.get("version") instanceof String))) {
            throw new BadFrameException("agent is an object with a name and, if any, a version string");
        }
        String version = agent.get("version") instanceof String v ? v : "";
        return new Caller(bounded(name, "agent"), bounded(version, "agent"));
    }

    private static boolean absolute(String folder) {
        try {
            return Path.of(folder).isAbsolute();
        } catch (RuntimeException e) {
            return false; // not a path at all (a NUL character, say)
        }
    }

    private static String bounded(String text, String field) throws BadFrameException {
        if (text.length() > MAX_TEXT) {
            throw new BadFrameException("field '" + field + "' is at most " + MAX_TEXT + " characters");
        }
        return text;
    }
}
