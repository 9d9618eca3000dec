package dev.keyward.app.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket path rule of docs/agent-protocol.md, "Where the socket is". */
class AgentSocketTest {

    @TempDir
    Path dir;

    @Test
    void theFileIsNamedAfterTheFirstSixteenHexDigitsOfTheDataRootsHash() throws Exception {
        Path root = dir.resolve("home");
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(root.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        assertEquals(root.resolve("run").resolve("agent-" + hex + ".sock"), AgentSocket.of(root, Map.of()));
        assertEquals(AgentSocket.of(root, Map.of()), AgentSocket.of(dir.resolve("x/../home"), Map.of()),
                "the path is normalised before hashing");
        assertNotEquals(AgentSocket.of(root, Map.of()), AgentSocket.of(dir.resolve("other"), Map.of()));
    }

    @Test
    void theRuntimeFolderIsUsedWhenItIsAFolderOfThisUser() {
        Path root = dir.resolve("home");
        Path socket = AgentSocket.of(root, Map.of("XDG_RUNTIME_DIR", dir.toString()));
        assertEquals(dir.resolve("keyward"), socket.getParent());
        assertEquals(root.resolve("run"), AgentSocket.of(root, Map.of("XDG_RUNTIME_DIR", dir.resolve("missing").toString()))
                .getParent());
        assertEquals(root.resolve("run"), AgentSocket.of(root, Map.of("XDG_RUNTIME_DIR", "relative/run")).getParent());
    }
}
