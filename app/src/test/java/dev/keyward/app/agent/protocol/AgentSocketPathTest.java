package dev.keyward.app.agent.protocol;

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
class AgentSocketPathTest {

    @TempDir
    Path dir;

    @Test
    void theFileIsNamedAfterTheFirstSixteenHexDigitsOfTheDataRootsHash() throws Exception {
        Path root = dir.resolve("home");
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(root.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        assertEquals(root.resolve("run").resolve("agent-" + hex + ".sock"), AgentSocketPath.of(root, Map.of()).socket());
        assertEquals(AgentSocketPath.of(root, Map.of()).socket(), AgentSocketPath.of(dir.resolve("x/../home"), Map.of()).socket(),
                "the path is normalised before hashing");
        assertNotEquals(AgentSocketPath.of(root, Map.of()).socket(), AgentSocketPath.of(dir.resolve("other"), Map.of()).socket());
    }

    @Test
    void theRuntimeFolderIsUsedWhenItIsAFolderOfThisUser() {
        Path root = dir.resolve("home");
        Path socket = AgentSocketPath.of(root, Map.of("XDG_RUNTIME_DIR", dir.toString())).socket();
        assertEquals(dir.resolve("keyward"), socket.getParent());
        assertEquals(root.resolve("run"), AgentSocketPath.of(root, Map.of("XDG_RUNTIME_DIR", dir.resolve("missing").toString())).socket()
                .getParent());
        assertEquals(root.resolve("run"), AgentSocketPath.of(root, Map.of("XDG_RUNTIME_DIR", "relative/run")).socket().getParent());
    }
}
