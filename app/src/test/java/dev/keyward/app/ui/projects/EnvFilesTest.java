package dev.keyward.app.ui.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFilesTest {

    @Test
    void exportedFileReadsBackToTheSameValuesAndOnlyTheOwnerMayReadIt(@TempDir Path dir) throws Exception {
        Map<String, char[]> env = new LinkedHashMap<>();
        env.put("PLAIN", "abc".toCharArray());
        env.put("TRICKY", "a \"quote\", a $dollar, a \\ and\na line break".toCharArray());
        Path file = dir.resolve("out.env");
        EnvFiles.write(file, env);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Map<String, char[]> back = DotenvReader.standard().parse(EnvFiles.read(file)).values();
        assertEquals(env.keySet(), back.keySet());
        env.forEach((k, v) -> assertEquals(new String(v), new String(back.get(k))));
    }
}
