package dev.keyward.app.cli;

import dev.keyward.vault.audit.AuditCursor;
import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.session.VaultSession;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code keyward audit list}: the append-only audit log, newest first. */
@Command(name = "audit", description = "Read the audit log.", subcommands = AuditCommands.ListEntries.class)
public final class AuditCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "list")
    static final class ListEntries implements Callable<Integer> {
        @ParentCommand
        AuditCommands group;

        @Option(names = "--category")
        String category;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Option(names = "--before", paramLabel = "TIME/ID", description = "Cursor from a previous page's last line.")
        String before;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            AuditCursor cursor = null;
            if (before != null) {
                int slash = before.indexOf('/');
                if (slash < 0) {
                    throw new CliUsageException("--before takes TIME/ID as printed at the end of a page.");
                }
                cursor = new AuditCursor(before.substring(0, slash), before.substring(slash + 1));
            }
            AuditCursor start = cursor;
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                List<AuditEntry> page = session.database().read(c -> session.audit().page(c, category, start, limit));
                if (json) {
                    group.root.printJson(page);
                    return 0;
                }
                for (AuditEntry e : page) {
                    group.root.terminal().out().printf("%s  %-10s %-16s %s%n", e.occurredAt(), e.category(), e.action(),
                            e.detailsJson() == null ? "" : e.detailsJson());
                }
                if (page.size() == limit) {
                    AuditEntry last = page.get(page.size() - 1);
                    group.root.terminal().out().println("More: --before " + last.occurredAt() + "/" + last.id());
                }
            }
            return 0;
        }
    }
}
