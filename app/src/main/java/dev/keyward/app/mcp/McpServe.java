package dev.keyward.app.mcp;

import dev.keyward.app.agent.protocol.AgentSocketPath;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code keyward mcp}: a Model Context Protocol server on stdin and stdout (the official Java SDK's stdio
 * transport) until the client closes stdin. Its tools ({@link KeywardTools}) reach the vault only through
 * the agent serving this data folder; the programs {@code run_command} started are killed on the way out.
 */
public final class McpServe {

    /** What the server tells the client about itself, shown to the model with the tools. */
    static final String INSTRUCTIONS = "Keyward keeps this developer's API keys. Use list_projects and list_secrets"
            + " to see names, and run_command to run a command with a project's keys in its environment (the person"
            + " approves each run in the Keyward app). No tool returns a key's value, and values in a command's output"
            + " are replaced by <concealed by keyward>.";

    private McpServe() {
    }

    /**
     * Serves until {@code in} ends; returns the exit code.
     *
     * @param dataRoot the data folder whose agent is asked
     * @param profile  the profile named by --profile or KEYWARD_PROFILE, if any
     * @param env      the process environment (where the agent's socket is; the base of a command's environment)
     * @param in       the client's messages
     * @param out      the server's messages, and nothing else
     * @param version  Keyward's version
     */
    public static int serve(Path dataRoot, Optional<String> profile, Map<String, String> env, InputStream in,
                            OutputStream out, String version) throws InterruptedException {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        AgentBridge bridge = new AgentBridge(AgentSocketPath.of(dataRoot, env).socket(),
                profile, version);
        CountDownLatch ended = new CountDownLatch(1);
        try (CommandRuns runs = new CommandRuns(env)) {
            // A client that stops this server by a signal (SIGTERM) must not leave its commands running.
            Thread killRuns = new Thread(runs::close, "keyward-mcp-stop");
            Runtime.getRuntime().addShutdownHook(killRuns);
            McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, new EndWatch(in, ended), out))
                    .serverInfo("keyward", version)
                    .instructions(INSTRUCTIONS)
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                    .tools(KeywardTools.all(json, bridge, runs))
                    .build();
            ended.await();
            server.close();
            Runtime.getRuntime().removeShutdownHook(killRuns);
        }
        return 0;
    }

    /** Counts down when the client's stream ends (or breaks): the session is over. */
    private static final class EndWatch extends FilterInputStream {
        private final CountDownLatch ended;

        EndWatch(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            try {
                return ended(super.read());
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return ended(super.read(b, off, len));
            } catch (IOException e) {
                ended.countDown(); // stdin broken: the session is over too
                throw e;
            }
        }

        private int ended(int n) {
            if (n < 0) {
                ended.countDown();
            }
            return n;
        }
    }
}
