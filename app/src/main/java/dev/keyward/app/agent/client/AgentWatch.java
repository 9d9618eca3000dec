package dev.keyward.app.agent.client;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's side of {@code run --watch} through the agent: the program runs here
 * ({@link WatchLoop}); about once a second the client asks the agent for the variables' stamps
 * ({@code run ... --print-stamps}, a listing: no value, no approval), and after a change it sends the
 * original command again, which the agent approves (or refuses) like any {@code run} and answers
 * with the new values. A refusal or a locked agent leaves the program running with its old values,
 * unwatched (docs/agent-protocol.md, "run --watch").
 */
final class AgentWatch implements AgentClient.Watcher {

    /** How often the agent is asked for the stamps. */
    static final Duration POLL = Duration.ofSeconds(1);

    private final Map<String, String> inherited;
    private final PrintStream out;
    private final PrintStream err;

    AgentWatch(Map<String, String> inherited, PrintStream out, PrintStream err) {
        this.inherited = inherited;
        this.out = out;
        this.err = err;
    }

    @Override
    public int watch(Path socket, AgentRequest request, AgentClient.WatchStart start) {
        WatchLoop.Source source = new WatchLoop.Source() {
            @Override
            public WatchLoop.Delivery deliver() throws WatchLoop.Stop {
                AgentClient.WatchStart[] again = new AgentClient.WatchStart[1];
                AgentClient client = new AgentClient(InputStream.nullInputStream(), out, err,
                        (argv, values, e) -> 1, (s, r, next) -> {
                            again[0] = next;
                            return 0;
                        });
                ended(client.run(socket, request), "new values");
                if (again[0] == null) {
                    err.println("keyward: the agent did not answer with the program's new values.");
                    throw new WatchLoop.Stop(1, true);
                }
                return new WatchLoop.Delivery(again[0].values(), again[0].stamps());
            }

            @Override
            public Map<String, String> stamps() throws WatchLoop.Stop {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                PrintStream capture = new PrintStream(text, true, StandardCharsets.UTF_8);
                AgentClient client = new AgentClient(InputStream.nullInputStream(), capture, err,
                        (argv, values, e) -> 1, (s, r, next) -> 1);
                ended(client.run(socket, stampsRequest(request)), "the values' versions");
                return parse(text.toString(StandardCharsets.UTF_8));
            }
        };
        return new WatchLoop(start.argv(), inherited, start.grace(), POLL, err)
                .run(new WatchLoop.Delivery(start.values(), start.stamps()), source);
    }

    /** Throws unless the agent ran the request; its own sentence (a refusal, an error) was printed already. */
    private void ended(AgentClient.Outcome outcome, String what) throws WatchLoop.Stop {
        switch (outcome) {
            case AgentClient.Exited exited when exited.code() == 0 -> { }
            // A secret gone meanwhile (not found) stops the program as a deletion seen in the stamps does.
            case AgentClient.Exited exited -> throw new WatchLoop.Stop(exited.code(), exited.code() != WatchLoop.GONE);
            case AgentClient.Direct direct -> {
                err.println("keyward: the Keyward agent no longer serves this profile (it was locked or stopped),"
                        + " so " + what + " could not be asked for.");
                throw new WatchLoop.Stop(1, true);
            }
        }
    }

    /** The request with {@code --print-stamps} after the {@code run} word (past the global options). */
    static AgentRequest stampsRequest(AgentRequest request) {
        List<String> argv = new ArrayList<>(request.argv());
        int i = 0;
        while (i < argv.size() && !"run".equals(argv.get(i))) {
            String arg = argv.get(i);
            i += "--data-dir".equals(arg) || "--profile".equals(arg) ? 2 : 1;
        }
        argv.add(Math.min(i + 1, argv.size()), "--print-stamps");
        return new AgentRequest(argv, request.cwd(), request.env(), request.stdinTerminal(), request.stdoutTerminal(),
                request.profile());
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> stamps = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                stamps.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return stamps;
    }
}
