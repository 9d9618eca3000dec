package dev.keyward.app.cli;

import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.provider.ProviderUpdate;
import dev.keyward.vault.session.VaultSession;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward provider list|set}: the provider catalog of this profile. */
@Command(name = "provider", description = "List providers, or point one at other URLs (mirrors, tests).",
        subcommands = {ProviderCommands.ListProviders.class, ProviderCommands.Set.class})
public final class ProviderCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "list")
    static final class ListProviders implements Callable<Integer> {
        @ParentCommand
        ProviderCommands group;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                List<ProviderInfo> all = session.providers().list();
                if (json) {
                    group.root.printJson(all);
                    return 0;
                }
                for (ProviderInfo p : all) {
                    group.root.terminal().out().printf("%-20s %-28s %s%n", p.slug(), p.name(),
                            String.join(",", p.capabilities()));
                }
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Change where Keyward reaches a provider. An empty value clears a field.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        ProviderCommands group;

        @Parameters(paramLabel = "SLUG")
        String slug;

        @Option(names = "--api-base-url", paramLabel = "URL")
        String apiBaseUrl;

        @Option(names = "--dashboard-url", paramLabel = "URL")
        String dashboardUrl;

        @Option(names = "--status-page-url", paramLabel = "URL")
        String statusPageUrl;

        @Option(names = "--changelog-url", paramLabel = "URL")
        String changelogUrl;

        @Option(names = "--discovery", paramLabel = "on|off", description = "Whether discovery watches this provider.")
        String discovery;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Boolean discoveryEnabled = discovery == null ? null : switch (discovery.toLowerCase()) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new CliUsageException("--discovery takes on or off.");
            };
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                ProviderInfo p = session.providers().update(slug,
                        new ProviderUpdate(apiBaseUrl, dashboardUrl, statusPageUrl, changelogUrl, discoveryEnabled, null));
                group.root.terminal().out().println("Provider " + p.slug() + ": api " + orNone(p.apiBaseUrl())
                        + ", dashboard " + orNone(p.dashboardUrl()) + ", status page " + orNone(p.statusPageUrl())
                        + ", changelog " + orNone(p.changelogFeedUrl()) + ".");
            }
            return 0;
        }

        private static String orNone(String s) {
            return s == null ? "(none)" : s;
        }
    }
}
