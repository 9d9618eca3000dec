package dev.keyward.app.cli;

import dev.keyward.app.mcp.McpServe;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward mcp}: serves AI coding agents over the Model Context Protocol on stdin and stdout. It
 * never unlocks the vault itself: the unlocked desktop app (or {@code keyward agent start}) answers.
 */
@Command(name = "mcp", description = "Serve AI coding agents over the Model Context Protocol (stdio): names, "
        + "key health, and commands run with a project's secrets after approval in the app; never a value.")
public final class McpCommand implements Callable<Integer> {

    @ParentCommand
    KeywardCommand root;

    @Override
    public Integer call() throws InterruptedException {
        Terminal terminal = root.terminal();
        PrintStream protocol = terminal.out();
        // stdout carries the protocol only: anything else that prints (a library, say) goes to stderr.
        System.setOut(terminal.err());
        String named = root.profile != null ? root.profile : terminal.env().get("KEYWARD_PROFILE");
        return McpServe.serve(root.root().path(), Optional.ofNullable(named).filter(n -> !n.isBlank()), terminal.env(),
                terminal.in(), protocol, Version.current());
    }
}
