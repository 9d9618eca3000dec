package dev.keyward.app.cli;

import dev.keyward.app.agent.protocol.AgentLink;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code keyward lock}: locks the profile the desktop app or {@code keyward agent start} serves. */
@Command(name = "lock", description = "Lock the profile the Keyward app or agent serves; commands ask for the password again.")
public final class LockCommand implements Callable<Integer> {

    @ParentCommand
    KeywardCommand root;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<AgentLink> link = AgentCommands.connect(root);
        if (link.isEmpty()) {
            root.terminal().out().println("Nothing to lock: no Keyward app or agent serves this data folder.");
            return ErrorReport.OK;
        }
        boolean headless = "headless".equals(link.get().welcome().field("server"));
        AgentCommands.ask(link.get(), "lock");
        if (headless) {
            AgentCommands.waitUntilGone(AgentCommands.socketOf(root).socket());
        }
        root.terminal().out().println("Locked.");
        return ErrorReport.OK;
    }
}
