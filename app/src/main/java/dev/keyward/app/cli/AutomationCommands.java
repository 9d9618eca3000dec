package dev.keyward.app.cli;

import dev.keyward.vault.session.VaultSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code keyward automation enable}: applies the automation schema (seed 002) to the profile. */
@Command(name = "automation", description = "The automation subsystem.", subcommands = AutomationCommands.Enable.class)
public final class AutomationCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "enable", description = "Add the automation tables to this profile (idempotent).")
    static final class Enable implements Callable<Integer> {
        @ParentCommand
        AutomationCommands group;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                boolean already = session.automationEnabled();
                session.enableAutomation();
                group.root.terminal().out().println(already ? "Automation was already enabled for this profile."
                        : "Automation enabled: dashboard, discovery and automation tables added to the vault.");
            }
            return 0;
        }
    }
}
