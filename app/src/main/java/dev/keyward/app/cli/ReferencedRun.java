package dev.keyward.app.cli;

import dev.keyward.app.agent.client.WatchLoop;
import dev.keyward.app.child.ChildValues;
import dev.keyward.vault.VaultException;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The part of {@code keyward run} that works through references: {@code --env-file}, {@code --watch}
 * and the stamps a watching client asks the agent for. {@link RunCommand} hands these cases here.
 */
final class ReferencedRun {

    /** How often a watch looks for changes. */
    static final Duration POLL = Duration.ofSeconds(1);

    private final RunCommand run;
    private final KeywardCommand root;

    ReferencedRun(RunCommand run) {
        this.run = run;
        this.root = run.root;
    }

    int call() {
        Path file = run.envFile == null ? null : root.resolve(run.envFile);
        if (run.printStamps) {
            // What a watching client compares: names and versions, never a value.
            try (SessionLease lease = root.unlock(run.passwordStdin)) {
                new RunVariables(lease.session(), run.project, file, root.approvedReferences()).stamps()
                        .forEach((name, stamp) -> root.terminal().out().println(name + "\t" + stamp));
            }
            return 0;
        }
        if (!run.watch) {
            RunVariables.Delivery delivery;
            try (OpenSession open = root.open(run.passwordStdin)) {
                delivery = new RunVariables(open.session(), run.project, file, root.approvedReferences()).resolve();
                notice(open);
            }
            ChildValues values;
            try (delivery) {
                values = delivery.toChild(!run.noMasking);
            }
            return root.children().start(run.commandLine(), values);
        }
        if (root.children() instanceof WatchHandOff agent) {
            RunVariables.Delivery delivery;
            try (OpenSession open = root.open(run.passwordStdin)) {
                delivery = new RunVariables(open.session(), run.project, file, root.approvedReferences()).resolve();
                notice(open);
            }
            ChildValues values;
            try (delivery) {
                values = delivery.toChild(!run.noMasking);
            }
            return agent.handOff(run.commandLine(), values, delivery.stamps(), run.grace);
        }
        // Directly: the session stays open while the program runs, to see changes and read new values.
        try (OpenSession open = root.open(run.passwordStdin)) {
            RunVariables variables = new RunVariables(open.session(), run.project, file, root.approvedReferences());
            boolean masking = !run.noMasking;
            WatchLoop.Delivery first = delivery(variables.resolve(), masking);
            notice(open);
            return new WatchLoop(run.commandLine(), System.getenv(), run.grace, POLL, root.terminal().err())
                    .run(first, new InProcess(open.session(), variables, masking, root.terminal()));
        }
    }

    private void notice(OpenSession open) {
        if (!run.quiet && run.project != null) {
            IncidentNotice.print(open.services().dashboard(), run.project, root.terminal().err());
        }
    }

    /** A watch's delivery: what the program gets (each secret inside a larger value masked too) and the stamps. */
    private static WatchLoop.Delivery delivery(RunVariables.Delivery delivery, boolean masking) {
        try (delivery) {
            return new WatchLoop.Delivery(delivery.toChild(masking), delivery.stamps());
        }
    }

    /**
     * The direct path's source: stamps are looked up only after SQLite's data version says another
     * connection committed (this process does not write while it watches, except audit rows of its
     * own reads, which data_version does not count).
     */
    private static final class InProcess implements WatchLoop.Source {
        private final VaultSession session;
        private final RunVariables variables;
        private final boolean masking;
        private final Terminal terminal;
        private long seen;
        private Map<String, String> stamps;

        InProcess(VaultSession session, RunVariables variables, boolean masking, Terminal terminal) {
            this.session = session;
            this.variables = variables;
            this.masking = masking;
            this.terminal = terminal;
            this.seen = session.database().dataVersion();
        }

        @Override
        public WatchLoop.Delivery deliver() throws WatchLoop.Stop {
            try {
                WatchLoop.Delivery delivery = delivery(variables.resolve(), masking);
                stamps = delivery.stamps();
                return delivery;
            } catch (VaultException e) {
                throw new WatchLoop.Stop(ErrorReport.report(e, terminal.err()), false);
            }
        }

        @Override
        public Map<String, String> stamps() throws WatchLoop.Stop {
            try {
                long now = session.database().dataVersion();
                if (stamps == null || now != seen) {
                    seen = now;
                    stamps = variables.stamps();
                }
                return stamps;
            } catch (VaultException e) {
                throw new WatchLoop.Stop(ErrorReport.report(e, terminal.err()), false);
            }
        }
    }
}
