package dev.keyward.app.cli;

import dev.keyward.app.agent.AgentPreference;
import dev.keyward.app.agent.HeadlessAgent;
import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.app.agent.protocol.BadFrameException;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.profile.ProfileSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code keyward agent start|stop|status}: the agent without a desktop, for SSH sessions and headless machines. */
@Command(name = "agent", description = "Serve an unlocked profile to this user's commands without the desktop app.",
        subcommands = {AgentCommands.Start.class, AgentCommands.Stop.class, AgentCommands.Status.class,
                AgentCommands.DesktopServes.class})
public final class AgentCommands {

    @ParentCommand
    KeywardCommand root;

    /** The socket of the agent for the chosen data folder. */
    static AgentSocketPath socketOf(KeywardCommand root) {
        return AgentSocketPath.of(root.root().path(), root.terminal().env());
    }

    /** A connection to the data folder's agent, or empty when none answers. */
    static Optional<AgentLink> connect(KeywardCommand root) {
        Path socket = socketOf(root).socket();
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try {
            return Optional.of(AgentLink.connect(socket, Version.current()));
        } catch (IOException | BadFrameException e) {
            return Optional.empty();
        }
    }

    @Command(name = "start", description = "Ask for the password once and serve the profile in the background until "
            + "it is idle for --idle-timeout, 'keyward agent stop' or 'keyward lock'.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        AgentCommands group;

        @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "8h",
                description = "Stop after this long without a request, such as 8h, 30m or 90s (default: ${DEFAULT-VALUE}).")
        String idleTimeout;

        @Option(names = "--project", paramLabel = "P", description = "Serve only this project's secrets (repeatable; "
                + "default: every project).")
        List<String> projects = new ArrayList<>();

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Duration idle = duration(idleTimeout);
            Terminal t = group.root.terminal();
            ProfileSummary profile = group.root.selectedProfile();
            AgentSocketPath socket = socketOf(group.root);
            Optional<AgentLink> running = connect(group.root);
            if (running.isPresent()) {
                running.get().close();
                throw new OperationFailedException("An agent already serves this data folder (socket " + socket.socket()
                        + "); stop it first with 'keyward agent stop'.");
            }
            Process agent;
            try (Password password = t.secret(ChildEnvironment.PASSWORD, passwordStdin, "Password for " + profile.name(), false)) {
                agent = startProcess(group.root.root().path(), profile, idle);
                try (OutputStream toAgent = agent.getOutputStream()) {
                    byte[] line = password.utf8();
                    try {
                        toAgent.write(line);
                        toAgent.write('\n');
                    } finally {
                        Wipe.bytes(line);
                    }
                }
            }
            BufferedReader fromAgent = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
            String first = fromAgent.readLine();
            if (HeadlessAgent.READY.equals(first)) {
                agent.getInputStream().close();
                agent.getErrorStream().close();
                t.out().println("The agent serves profile '" + profile.name() + "' at " + socket.socket() + " (scope: "
                        + (projects.isEmpty() ? "every project" : String.join(", ", projects)) + "; stops after "
                        + idleTimeout + " idle).");
                return ErrorReport.OK;
            }
            // It failed: its one error line (worded by the same mapper) and its exit code are ours.
            agent.getErrorStream().transferTo(t.err());
            return agent.waitFor();
        }

        private Process startProcess(Path dataRoot, ProfileSummary profile, Duration idle) throws IOException {
            List<String> command = new ArrayList<>();
            setsid().ifPresent(command::add); // its own session: the terminal's hangup does not end it
            command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            // The launcher's runtime options, but not its class data sharing archive: a process that runs for
            // hours must not rewrite the command line's archive when it ends.
            for (String option : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (option.startsWith("--enable-native-access") || option.startsWith("--sun-misc-unsafe-memory-access")
                        || option.startsWith("-Dkeyward.")) {
                    command.add(option);
                }
            }
            command.add("--enable-native-access=ALL-UNNAMED");
            command.add("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(HeadlessAgent.class.getName());
            command.add(dataRoot.toString());
            command.add(profile.id());
            command.add(Long.toString(idle.toSeconds()));
            command.addAll(projects);
            ProcessBuilder builder = ChildEnvironment.processBuilder(command);
            builder.environment().putAll(group.root.terminal().env().entrySet().stream()
                    .filter(e -> e.getKey().equals("XDG_RUNTIME_DIR"))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            builder.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(ProcessBuilder.Redirect.PIPE);
            return builder.start();
        }
    }

    @Command(name = "stop", description = "Stop the agent of this data folder; its session is closed and its keys wiped.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        AgentCommands group;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Optional<AgentLink> link = connect(group.root);
            if (link.isEmpty()) {
                group.root.terminal().out().println("No agent serves this data folder.");
                return ErrorReport.OK;
            }
            ask(link.get(), "stop");
            waitUntilGone(socketOf(group.root).socket());
            group.root.terminal().out().println("The agent stopped.");
            return ErrorReport.OK;
        }
    }

    @Command(name = "status", description = "Whether an agent serves this data folder: its profile, socket, since when, "
            + "scope and idle deadline.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        AgentCommands group;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws IOException {
            Optional<AgentLink> link = connect(group.root);
            Map<String, Object> status = new LinkedHashMap<>();
            if (link.isEmpty()) {
                status.put("serving", false);
                status.put("socket", socketOf(group.root).socket().toString());
            } else {
                try (AgentLink agent = link.get()) {
                    Frame answer = agent.request(Frame.of("status", 0));
                    if (!"status".equals(answer.type())) {
                        throw new OperationFailedException("The agent did not answer the status request.");
                    }
                    status.put("serving", !answer.flag("locked"));
                    for (String field : List.of("server", "profile", "socket", "since", "scope", "idleDeadline", "pid")) {
                        if (answer.has(field)) {
                            status.put(field, answer.field(field));
                        }
                    }
                } catch (BadFrameException e) {
                    throw new OperationFailedException("The agent's answer broke the protocol: " + e.getMessage() + ".");
                }
            }
            if (json) {
                group.root.printJson(status);
            } else if (!(Boolean) status.get("serving")) {
                group.root.terminal().out().println(status.containsKey("server")
                        ? "The Keyward app is running but its profile is locked (socket " + status.get("socket") + ")."
                        : "No agent serves this data folder.");
            } else {
                Terminal t = group.root.terminal();
                t.out().println("Profile:       " + status.get("profile"));
                t.out().println("Served by:     " + ("desktop".equals(status.get("server")) ? "the desktop app" : "keyward agent start"));
                t.out().println("Socket:        " + status.get("socket"));
                t.out().println("Since:         " + status.get("since"));
                if (status.containsKey("scope")) {
                    Object scope = status.get("scope");
                    t.out().println("Scope:         " + (scope instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : "every project"));
                }
                if (status.containsKey("idleDeadline")) {
                    t.out().println("Idle deadline: " + status.get("idleDeadline"));
                }
            }
            return (Boolean) status.get("serving") ? ErrorReport.OK : ErrorReport.ERROR;
        }
    }

    @Command(name = "desktop", description = "Whether the desktop app serves its unlocked profile to commands: on (the "
            + "default) or off; the app follows at its next unlock.")
    static final class DesktopServes implements Callable<Integer> {
        @ParentCommand
        AgentCommands group;

        @picocli.CommandLine.Parameters(paramLabel = "on|off", arity = "0..1")
        String value;

        @Override
        public Integer call() {
            AgentPreference preference = new AgentPreference(group.root.root().path());
            if (value != null) {
                if (!value.equals("on") && !value.equals("off")) {
                    throw new InvalidInputException("Say 'on' or 'off', not '" + value + "'.");
                }
                preference.setDesktopServes(value.equals("on"));
            }
            group.root.terminal().out().println("The desktop app " + (preference.desktopServes() ? "serves" : "does not serve")
                    + " its unlocked profile to commands" + (value != null ? " from its next unlock." : "."));
            return ErrorReport.OK;
        }
    }

    /** Sends a one-frame request (stop, lock) and checks its {@code exit 0} answer. */
    static void ask(AgentLink link, String type) throws IOException {
        try (link) {
            Frame answer = link.request(Frame.of(type, 0));
            if (!"exit".equals(answer.type())) {
                throw new OperationFailedException("The agent did not accept the " + type + " request.");
            }
        } catch (BadFrameException e) {
            throw new OperationFailedException("The agent's answer broke the protocol: " + e.getMessage() + ".");
        }
    }

    /** Waits (up to ten seconds) until nothing answers on {@code socket} any more. */
    static void waitUntilGone(Path socket) throws InterruptedException {
        for (int i = 0; i < 100 && Files.exists(socket); i++) {
            Thread.sleep(100);
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    /** {@code 8h}, {@code 30m}, {@code 90s} or {@code 2d} as a Duration. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new InvalidInputException("The idle timeout '" + text + "' is not a duration such as 8h, 30m or 90s.");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static Optional<String> setsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
