package dev.keyward.app.cli;

import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward profile ...}: create, list, change password, recover, verify, delete. */
@Command(name = "profile", description = "Create and manage encrypted profiles.",
        subcommands = {ProfileCommands.Create.class, ProfileCommands.ListProfiles.class, ProfileCommands.Passwd.class,
                ProfileCommands.Recover.class, ProfileCommands.Verify.class, ProfileCommands.Delete.class})
public final class ProfileCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "create", description = "Create a profile; prints its recovery code once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ProfileCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--password-stdin", description = "Read the new password from the first line of stdin.")
        boolean passwordStdin;

        @Option(names = "--force", description = "Create it even though a damaged profile folder may hold this name.")
        boolean force;

        @Override
        public Integer call() {
            Terminal t = group.root.terminal();
            ProfileService profiles = group.root.profiles();
            List<ProfileSummary> mayHold = profiles.damagedFoldersThatMayHold(name);
            if (!force && !mayHold.isEmpty()) {
                throw new CliUsageException("Not created: the damaged profile folder " + mayHold.getFirst().location().folder()
                        + " may hold a profile named '" + name + "' (its header profile.json cannot be read or trusted),"
                        + " and a second profile of that name would hide it. Restore that profile ('keyward backup"
                        + " restore FILE') or delete its folder; or pass --force to create a new profile anyway.");
            }
            try (Password password = t.secret(ChildEnvironment.NEW_PASSWORD, passwordStdin, "New password", true)) {
                ProfileService.Created created = profiles.create(name, password, force);
                try (Password code = created.recoveryCode()) {
                    t.out().println("Created profile '" + created.profile().name() + "' in " + created.profile().location().folder());
                    t.out().print("Recovery code: ");
                    t.out().println(code.chars());
                    t.out().println("Write the recovery code down and keep it offline: it is shown only now, and it is");
                    t.out().println("the only way back in if you forget the password.");
                }
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List profiles (no password needed).")
    static final class ListProfiles implements Callable<Integer> {
        @ParentCommand
        ProfileCommands group;

        @Option(names = "--json", description = "One JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() {
            List<ProfileSummary> all = group.root.profiles().list();
            if (json) {
                group.root.printJson(all.stream().map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", p.id());
                    m.put("name", p.name());
                    m.put("created_at", p.createdAt());
                    m.put("folder", p.location().folder().toString());
                    m.put("damaged", p.isDamaged());
                    return m;
                }).toList());
                return 0;
            }
            Terminal t = group.root.terminal();
            if (all.isEmpty()) {
                t.out().println("No profiles yet. Create one with: keyward profile create NAME");
            }
            for (ProfileSummary p : all) {
                t.out().println(p.isDamaged() ? p.name() + "  DAMAGED: " + p.damageReason()
                        : p.name() + "  created " + p.createdAt().substring(0, 10) + "  " + p.id());
            }
            return 0;
        }
    }

    @Command(name = "passwd", description = "Change the password (re-wraps the profile key only).")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        ProfileCommands group;

        @Option(names = "--password-stdin", description = "Read the current password, then the new one, as lines of stdin.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Terminal t = group.root.terminal();
            ProfileSummary profile = group.root.selectedProfile();
            try (Password current = t.secret(ChildEnvironment.PASSWORD, passwordStdin, "Current password", false);
                 Password next = t.secret(ChildEnvironment.NEW_PASSWORD, passwordStdin, "New password", true)) {
                group.root.profiles().changePassword(profile, current, next);
            }
            t.out().println("Password of profile '" + profile.name() + "' changed. The recovery code still works.");
            return 0;
        }
    }

    @Command(name = "recover", description = "Set a new password with the recovery code.")
    static final class Recover implements Callable<Integer> {
        @ParentCommand
        ProfileCommands group;

        @Option(names = "--password-stdin", description = "Read the recovery code, then the new password, as lines of stdin.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Terminal t = group.root.terminal();
            ProfileSummary profile = group.root.selectedProfile();
            try (Password code = t.secret(ChildEnvironment.RECOVERY_CODE, passwordStdin, "Recovery code", false);
                 Password next = t.secret(ChildEnvironment.NEW_PASSWORD, passwordStdin, "New password", true)) {
                group.root.profiles().recover(profile, code, next);
            }
            t.out().println("Profile '" + profile.name() + "' has a new password.");
            return 0;
        }
    }

    @Command(name = "verify", description = "Read every page of the vault and check its integrity.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ProfileCommands group;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Terminal t = group.root.terminal();
            ProfileSummary profile = group.root.selectedProfile();
            try (Password password = t.secret(ChildEnvironment.PASSWORD, passwordStdin, "Password for " + profile.name(), false)) {
                // Damage found by the checks is reported like any other damage: exit code 5 (ErrorReport).
                ProfileService.VerifyReport report = group.root.profiles().verify(profile, password).requireIntact();
                t.out().println("Profile '" + profile.name() + "' is intact: " + report.pages() + " pages read, "
                        + report.secrets() + " secret values decrypted, integrity check ok.");
                return 0;
            }
        }
    }

    @Command(name = "delete", description = "Delete a profile and all its files (asks for confirmation).")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        ProfileCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--yes", description = "Confirm without asking (for scripts).")
        boolean yes;

        @Override
        public Integer call() {
            Terminal t = group.root.terminal();
            ProfileSummary profile = group.root.profiles().resolve(name);
            if (!yes && !t.confirm("Delete profile '" + profile.name() + "' and every secret in it? This cannot be undone.")) {
                throw new CliUsageException("Not deleted: confirm at the prompt or pass --yes.");
            }
            group.root.profiles().delete(profile);
            t.out().println("Deleted profile '" + profile.name() + "'.");
            return 0;
        }
    }
}
