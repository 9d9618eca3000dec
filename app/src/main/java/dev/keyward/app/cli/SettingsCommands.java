package dev.keyward.app.cli;

import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.settings.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward settings list|set}: the profile's settings, validated. */
@Command(name = "settings", description = "Show and change the profile's settings.",
        subcommands = {SettingsCommands.ListSettings.class, SettingsCommands.Set.class})
public final class SettingsCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "list")
    static final class ListSettings implements Callable<Integer> {
        @ParentCommand
        SettingsCommands group;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                Map<Setting, Object> values = session.settings().values();
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    values.forEach((s, v) -> out.put(s.key(), s.kind() == Setting.Kind.BOOLEAN ? Integer.valueOf(1).equals(v) : v));
                    group.root.printJson(out);
                    return 0;
                }
                values.forEach((s, v) -> group.root.terminal().out().printf("%-36s %-8s %s%n", s.key(), s.display(v), s.meaning()));
                if (!session.automationEnabled()) {
                    group.root.terminal().out().println("(Automation settings appear once automation is enabled: keyward automation enable.)");
                }
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Change one setting; a bad value is refused and nothing changes.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        SettingsCommands group;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                session.settings().set(key, value);
                Setting s = Setting.byKey(key).orElseThrow();
                group.root.terminal().out().println(key + " = " + s.display(session.settings().values().get(s)));
            }
            return 0;
        }
    }
}
