package dev.keyward.app.agent;

import dev.keyward.vault.redact.Redactor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link AccessRequest} put into words a person can trust: every text the approval window,
 * its notices and the audit log show about the client. The words come from the kernel's facts
 * ({@link ClientProcess}) and the command's names; each is passed through the session's redactor
 * (a value typed on a command line is masked), has control and direction-changing characters made
 * visible (so a hostile argument cannot fake a line or reorder text), and is bounded in length.
 *
 * @param pid           the client's process id
 * @param wants         what the request does, such as "read secret values"
 * @param command       the Keyward command it runs, such as {@code keyward secret get API_KEY}
 * @param commandLine   the client process's whole command line as the kernel holds it
 * @param executable    the program file the client runs
 * @param workingFolder the folder it runs in
 * @param terminal      its terminal session, or a sentence saying it has none
 * @param project       the project it names, or empty
 * @param secrets       the secret names it names, or empty
 * @param terminalGrant whether an "Allow for this terminal session" grant can be offered
 * @param agent         for an AI agent's request through {@code keyward mcp}: the agent's name and version as
 *                      its MCP client reported them; else empty
 * @param runs          for an agent's request: the command line it wants to run; else empty
 * @param runsIn        for an agent's request: the folder that command runs in; else empty
 * @param variables     for an agent's request: the variables the command gets, by name; else empty
 */
public record ClientDescription(long pid, String wants, String command, String commandLine, String executable,
                                String workingFolder, String terminal, String project, String secrets,
                                boolean terminalGrant, String agent, String runs, String runsIn, String variables) {

    /** Longest command line shown whole; a longer one is shortened with a count of what was left out. */
    static final int MAX_COMMAND_LINE = 2000;
    private static final int MAX_TEXT = 500;
    private static final int MAX_NAMES = 20;

    /** Describes {@code request}, masking anything {@code redactor} knows as a value. */
    public static ClientDescription of(AccessRequest request, Redactor redactor) {
        ClientProcess client = request.client();
        String wants = request.task().isPresent() ? "run a command with a project's secrets"
                : switch (request.access()) {
                    case REVEAL -> "read secret values";
                    case CHANGE -> "change secrets or projects";
                };
        String terminal = client.terminalSession()
                .map(t -> clean(t.controllingTty(), redactor, MAX_TEXT) + " (session " + t.sessionId() + ")")
                .orElse("none (the program runs outside a terminal, so no terminal-session grant is offered)");
        String secrets = names(request.secretNames(), redactor);
        return new ClientDescription(client.pid(), wants,
                clean("keyward " + joined(request.command()), redactor, MAX_TEXT),
                client.commandLine().isEmpty() ? "unknown (the system did not say)"
                        : clean(joined(client.commandLine()), redactor, MAX_COMMAND_LINE),
                path(client.executable(), redactor), path(client.workingFolder(), redactor),
                terminal, request.project().map(p -> clean(p, redactor, MAX_TEXT)).orElse(""), secrets,
                client.terminalSession().isPresent() && request.task().isEmpty(),
                request.task().map(t -> clean(t.agentLabel() + " (an AI agent, through keyward mcp)", redactor, MAX_TEXT))
                        .orElse(""),
                request.task().map(t -> clean(t.commandLine(), redactor, MAX_COMMAND_LINE)).orElse(""),
                request.task().map(t -> clean(t.folder(), redactor, MAX_TEXT)).orElse(""),
                request.task().map(t -> names(t.variables(), redactor)).orElse(""));
    }

    /** Up to {@link #MAX_NAMES} names joined by commas, with a count of the rest. */
    private static String names(List<String> names, Redactor redactor) {
        return clean(String.join(", ", names.subList(0, Math.min(names.size(), MAX_NAMES))), redactor, MAX_TEXT)
                + (names.size() > MAX_NAMES ? " and " + (names.size() - MAX_NAMES) + " more" : "");
    }

    /** The facts an audit row keeps: the same words the person saw. */
    public Map<String, Object> auditDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("wants", wants);
        details.put("command", command);
        details.put("client_command_line", commandLine);
        details.put("client_executable", executable);
        details.put("client_working_folder", workingFolder);
        details.put("client_pid", pid);
        details.put("client_terminal", terminal);
        if (!project.isEmpty()) {
            details.put("project", project);
        }
        if (!secrets.isEmpty()) {
            details.put("secrets", secrets);
        }
        if (!agent.isEmpty()) {
            details.put("on_behalf_of", agent);
            details.put("runs", runs);
            details.put("runs_in", runsIn);
            details.put("variables", variables);
        }
        return details;
    }

    /** One line for a notification: the command and its folder. */
    public String summary() {
        if (!agent.isEmpty()) {
            return agent + ": " + runs + " (in " + runsIn + ")";
        }
        return command + " (in " + workingFolder + ")";
    }

    private static String path(Optional<Path> path, Redactor redactor) {
        return path.map(p -> clean(p.toString(), redactor, MAX_TEXT)).orElse("unknown (the system did not say)");
    }

    /** Arguments joined by spaces; one holding a space, quote or nothing is quoted, so argument bounds stay visible. */
    private static String joined(List<String> args) {
        StringBuilder out = new StringBuilder();
        for (String a : args) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            boolean quote = a.isEmpty() || a.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '\'' || ch == '"');
            out.append(quote ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return out.toString();
    }

    /** Redacts, makes invisible and direction-changing characters visible as {@code \\uXXXX}, and bounds the length. */
    static String clean(String text, Redactor redactor, int max) {
        String redacted = redactor.redact(text);
        StringBuilder out = new StringBuilder(Math.min(redacted.length(), max) + 16);
        int shown = 0;
        int i = 0;
        for (; i < redacted.length() && shown < max; i++) {
            char ch = redacted.charAt(i);
            int type = Character.getType(ch);
            if (Character.isISOControl(ch) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
            shown++;
        }
        if (i < redacted.length()) {
            out.append(" … (").append(redacted.length() - i).append(" more characters)");
        }
        return out.toString();
    }
}
