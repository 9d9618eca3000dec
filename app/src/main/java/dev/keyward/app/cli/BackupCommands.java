package dev.keyward.app.cli;

import dev.keyward.vault.backup.BackupService;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward backup create|restore}: one encrypted file per backup. */
@Command(name = "backup", description = "Encrypted one-file backups of a profile.",
        subcommands = {BackupCommands.Create.class, BackupCommands.Restore.class})
public final class BackupCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "create")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        BackupCommands group;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                long bytes = group.root.backups().create(session, file);
                group.root.terminal().out().println("Backed up profile '" + session.profile().name() + "' to " + file
                        + " (" + bytes + " bytes, encrypted). It opens with the current password.");
            }
            return 0;
        }
    }

    @Command(name = "restore", description = "Restore a profile from a backup; checked in full before anything is replaced.")
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        BackupCommands group;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Terminal t = group.root.terminal();
            try (Password password = t.secret(ChildEnvironment.PASSWORD, passwordStdin,
                    "Password the profile had when the backup was made", false)) {
                BackupService.Restored restored = group.root.backups().restore(file, password);
                t.out().println("Restored profile '" + restored.profile().name() + "' from " + file + ".");
                if (restored.previousVaultKeptAt() != null) {
                    t.out().println("The vault it replaced is kept at " + restored.previousVaultKeptAt() + ".");
                }
            }
            return 0;
        }
    }
}
