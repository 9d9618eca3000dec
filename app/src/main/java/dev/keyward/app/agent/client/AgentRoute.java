package dev.keyward.app.agent.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which way a command line goes, read from its arguments alone (no picocli: the fast path must not
 * load it): to the agent, or the direct path, which unlocks the vault in this process.
 *
 * <p>Direct are: {@code --no-agent}; help and version; {@code --password-stdin} (stdin's first line is a
 * password the caller meant to be used); a first word that is no command group (a typo, an
 * {@code @argfile}); and the groups that never use an unlocked profile or manage the agent themselves.
 * Everything else is offered to the agent, which answers {@code direct} for what it does not run.
 *
 * @param useAgent   whether to ask the agent first
 * @param agentArgv  the arguments to send: as given, without {@code --no-agent}
 * @param dataDir    the {@code --data-dir} given, if any
 * @param profile    the {@code --profile} given, if any
 */
public record AgentRoute(boolean useAgent, List<String> agentArgv, Optional<Path> dataDir, Optional<String> profile) {

    /** The option that forces the direct path. */
    public static final String NO_AGENT = "--no-agent";

    /** Groups whose commands never need an unlocked profile, or that start, stop and inspect the agent. */
    private static final Set<String> DIRECT_GROUPS = Set.of("profile", "practice", "reflib", "demo", "agent", "lock");

    /** Every command group (CommandTree.GROUPS, plus the agent's own); a first word outside it is direct. */
    private static final Set<String> GROUPS = Set.of("profile", "secret", "project", "env", "run", "read", "inject", "settings",
            "provider", "backup", "audit", "automation", "practice", "reflib", "script", "recommend", "discovery",
            "demo", "dashboard", "retention", "agent", "lock",
            "scan");

    public AgentRoute {
        agentArgv = List.copyOf(agentArgv);
    }

    /** The route for {@code args}, the arguments after {@code keyward}. */
    public static AgentRoute of(String[] args) {
        List<String> argv = new ArrayList<>();
        boolean noAgent = false;
        boolean helpOrPassword = false;
        boolean afterSeparator = false;
        for (String arg : args) {
            if (afterSeparator) {
                argv.add(arg);
                continue;
            }
            switch (arg) {
                case "--" -> afterSeparator = true;
                case NO_AGENT -> noAgent = true;
                case "--help", "-h", "--password-stdin" -> helpOrPassword = true;
                default -> { }
            }
            if (!NO_AGENT.equals(arg)) {
                argv.add(arg);
            }
        }
        Optional<Path> dataDir = Optional.empty();
        Optional<String> profile = Optional.empty();
        String group = null;
        for (int i = 0; i < argv.size() && group == null; i++) {
            String arg = argv.get(i);
            if (("--data-dir".equals(arg) || "--profile".equals(arg)) && i + 1 < argv.size()) {
                String value = argv.get(++i);
                if ("--data-dir".equals(arg)) {
                    dataDir = Optional.of(Path.of(value));
                } else {
                    profile = Optional.of(value);
                }
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Optional.of(Path.of(arg.substring("--data-dir=".length())));
            } else if (arg.startsWith("--profile=")) {
                profile = Optional.of(arg.substring("--profile=".length()));
            } else {
                group = arg;
            }
        }
        boolean useAgent = !noAgent && !helpOrPassword && group != null && GROUPS.contains(group)
                && !DIRECT_GROUPS.contains(group) && !isVersionOnly(argv);
        return new AgentRoute(useAgent, argv, dataDir, profile);
    }

    /** {@code args} without {@code --no-agent} (before a {@code --}), for the direct path's parser. */
    public static String[] withoutNoAgent(String[] args) {
        List<String> out = new ArrayList<>();
        boolean afterSeparator = false;
        for (String arg : args) {
            if (afterSeparator || !NO_AGENT.equals(arg)) {
                out.add(arg);
            }
            afterSeparator |= "--".equals(arg);
        }
        return out.toArray(String[]::new);
    }

    private static boolean isVersionOnly(List<String> argv) {
        return argv.size() == 1 && ("--version".equals(argv.get(0)) || "-V".equals(argv.get(0)));
    }
}
