package dev.keyward.app.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The top-level command groups, and a command line holding only the group a call names.
 *
 * <p>picocli reads every annotated class of a command tree by reflection when the tree is built;
 * for the whole of Keyward's tree that was most of a short command's start-up. A call such as
 * {@code keyward secret list} needs only the {@code secret} group, so only that one is built. When
 * no group can be told from the arguments (help, a typo that earns a suggestion, an
 * {@code @argfile}), every group is added, in the order {@code keyward --help} lists them.
 */
public final class CommandTree {

    /** One top-level group: the name it is called by, and its annotated class. */
    record Group(String name, Class<?> type) {
    }

    /** Every group; the names equal each class's {@code @Command(name)} (CommandTreeTest checks). */
    static final List<Group> GROUPS = List.of(
            new Group("profile", ProfileCommands.class), new Group("secret", SecretCommands.class),
            new Group("project", ProjectCommands.class), new Group("env", EnvCommands.class),
            new Group("run", RunCommand.class), new Group("read", ReadCommand.class),
            new Group("inject", InjectCommand.class), new Group("settings", SettingsCommands.class),
            new Group("provider", ProviderCommands.class), new Group("backup", BackupCommands.class),
            new Group("audit", AuditCommands.class), new Group("automation", AutomationCommands.class),
            new Group("practice", PracticeCommands.class), new Group("reflib", ReflibCommands.class),
            new Group("script", ScriptCommands.class), new Group("recommend", RecommendCommands.class),
            new Group("discovery", DiscoveryCommands.class), new Group("demo", DemoCommand.class),
            new Group("dashboard", DashboardCommands.class), new Group("retention", RetentionCommands.class),
            new Group("agent", AgentCommands.class), new Group("lock", LockCommand.class),
            new Group("mcp", McpCommand.class),
            new Group("scan", ScanCommand.class));

    /** The global options that take a value, as {@link KeywardCommand} declares them. */
    private static final List<String> GLOBAL_OPTIONS_WITH_VALUE = List.of("--data-dir", "--profile");

    private CommandTree() {
    }

    /**
     * A command line for {@code root} with the groups {@code args} can reach. Add output streams and
     * handlers after this call: picocli passes them only to subcommands that already exist.
     */
    public static CommandLine build(KeywardCommand root, String[] args) {
        CommandLine cli = new CommandLine(root);
        String named = namedGroup(args);
        for (Group group : GROUPS) {
            if (named == null || group.name().equals(named)) {
                cli.addSubcommand(group.name(), group.type());
            }
        }
        cli.getSubcommands().values().forEach(CommandTree::addHelpOption);
        return cli;
    }

    /**
     * Gives a command and all below it {@code -h, --help}, as the usage-error hint promises. Not
     * picocli's inherited standard options: they bring {@code --version}, which some commands use
     * for a secret's version.
     */
    private static void addHelpOption(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            OptionSpec.Builder help = spec.findOption("-h") == null
                    ? OptionSpec.builder("-h", "--help") : OptionSpec.builder("--help");
            spec.addOption(help.usageHelp(true).description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(CommandTree::addHelpOption);
    }

    /** The group named by the first argument after the global options, or null when there is none. */
    static String namedGroup(String[] args) {
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (GLOBAL_OPTIONS_WITH_VALUE.contains(arg)) {
                i += 2;
            } else if (GLOBAL_OPTIONS_WITH_VALUE.stream().anyMatch(option -> arg.startsWith(option + "="))) {
                i++;
            } else {
                for (Group group : GROUPS) {
                    if (group.name().equals(arg)) {
                        return arg;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** True when the arguments ask for the version only, which needs no command tree at all. */
    public static boolean asksForVersionOnly(String[] args) {
        return args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
    }
}
