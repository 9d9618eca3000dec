package dev.keyward.app.cli;

import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.secrets.SecretVersionInfo;
import dev.keyward.vault.session.VaultSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward secret ...}: add, get, list, rotate, edit, history, rm. */
@Command(name = "secret", description = "Keep API keys and other secrets.",
        subcommands = {SecretCommands.Add.class, SecretCommands.Get.class, SecretCommands.ListSecrets.class,
                SecretCommands.Rotate.class, SecretCommands.Edit.class, SecretCommands.History.class,
                SecretCommands.Remove.class})
public final class SecretCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "add", description = "Add a secret; the provider is detected from the key format unless given.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        SecretCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--provider", paramLabel = "SLUG")
        String provider;

        @Option(names = "--value-stdin", description = "Read the value from stdin (after the password line when --password-stdin).")
        boolean valueStdin;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                char[] value = group.root.terminal().value(valueStdin, "Value for " + name);
                try {
                    List<SecretInfo> same = session.secrets().withSameValue(value);
                    SecretInfo added = session.secrets().add(name, value, provider);
                    group.root.terminal().out().println("Added secret '" + added.name() + "'"
                            + (added.providerSlug() != null ? " (provider " + added.providerSlug() + ")" : "")
                            + (added.last4().isEmpty() ? "" : ", ends in " + added.last4()) + ".");
                    if (!same.isEmpty()) {
                        group.root.terminal().err().println("Note: the same value is already stored as '"
                                + same.get(0).name() + "'.");
                    }
                } finally {
                    Wipe.chars(value);
                }
            }
            return 0;
        }
    }

    @Command(name = "edit", description = "Rename a secret or change its provider; its value stays.")
    static final class Edit implements Callable<Integer> {
        @ParentCommand
        SecretCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--name", paramLabel = "NEW_NAME", description = "The secret's new name.")
        String newName;

        @Option(names = "--provider", paramLabel = "SLUG", description = "The provider the key belongs to.")
        String provider;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            if (newName == null && provider == null) {
                throw new CliUsageException("Say what to change: --name NEW_NAME, --provider SLUG, or both.");
            }
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                SecretInfo edited = session.secrets().edit(name, newName == null ? name : newName, provider);
                group.root.terminal().out().println("Secret '" + edited.name() + "'"
                        + (edited.name().equals(name) ? "" : " (was '" + name + "')")
                        + (edited.providerSlug() != null ? ", provider " + edited.providerSlug() : ", no provider") + ".");
            }
            return 0;
        }
    }

    @Command(name = "get", description = "Print a secret's value on stdout.")
    static final class Get implements Callable<Integer> {
        @ParentCommand
        SecretCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--version", paramLabel = "N", description = "An earlier version (rotation history).")
        Integer version;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                char[] value = version == null
                        ? session.secrets().reveal(name, SecretService.Purpose.READ)
                        : session.secrets().revealVersion(name, version);
                try {
                    group.root.terminal().out().println(value);
                    group.root.terminal().out().flush();
                } finally {
                    Wipe.chars(value);
                }
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List secrets: names, providers, hints, dates; never values.")
    static final class ListSecrets implements Callable<Integer> {
        @ParentCommand
        SecretCommands group;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                List<SecretInfo> all = session.secrets().list();
                if (json) {
                    group.root.printJson(all.stream().map(SecretCommands::toJson).toList());
                    return 0;
                }
                if (all.isEmpty()) {
                    group.root.terminal().out().println("No secrets yet. Add one with: keyward secret add NAME");
                }
                for (SecretInfo s : all) {
                    group.root.terminal().out().printf("%-32s %-16s %-6s v%-3d updated %s%n", s.name(),
                            s.providerSlug() == null ? "-" : s.providerSlug(),
                            s.last4().isEmpty() ? "" : "…" + s.last4(), s.version(), s.updatedAt().substring(0, 10));
                }
            }
            return 0;
        }
    }

    @Command(name = "rotate", description = "Give a secret a new value; earlier values are kept as history.")
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        SecretCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--value-stdin")
        boolean valueStdin;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                session.secrets().info(name);
                char[] value = group.root.terminal().value(valueStdin, "New value for " + name);
                try {
                    SecretInfo rotated = session.secrets().rotate(name, value);
                    group.root.terminal().out().println("Rotated '" + name + "': now version " + rotated.version() + ".");
                } finally {
                    Wipe.chars(value);
                }
            }
            return 0;
        }
    }

    @Command(name = "history", description = "List a secret's versions (no values).")
    static final class History implements Callable<Integer> {
        @ParentCommand
        SecretCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                List<SecretVersionInfo> versions = session.secrets().history(name);
                if (json) {
                    group.root.printJson(versions);
                    return 0;
                }
                for (SecretVersionInfo v : versions) {
                    group.root.terminal().out().printf("v%-3d %-6s created %s%s%n", v.version(),
                            v.last4().isEmpty() ? "" : "…" + v.last4(), v.createdAt(),
                            v.retiredAt() == null ? "  (current)" : "  retired " + v.retiredAt());
                }
            }
            return 0;
        }
    }

    @Command(name = "rm", description = "Delete a secret and its history (asks for confirmation).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        SecretCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--yes")
        boolean yes;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                session.secrets().info(name);
                if (!yes && !group.root.terminal().confirm("Delete secret '" + name + "' and all its versions?")) {
                    throw new CliUsageException("Not deleted: confirm at the prompt or pass --yes.");
                }
                session.secrets().remove(name);
                group.root.terminal().out().println("Deleted secret '" + name + "'.");
            }
            return 0;
        }
    }

    static Map<String, Object> toJson(SecretInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("provider", s.providerSlug());
        m.put("last4", s.last4());
        m.put("version", s.version());
        m.put("created_at", s.createdAt());
        m.put("updated_at", s.updatedAt());
        m.put("rotated_at", s.rotatedAt());
        m.put("last_used_at", s.lastUsedAt());
        return m;
    }
}
