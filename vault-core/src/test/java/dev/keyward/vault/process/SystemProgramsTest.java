package dev.keyward.vault.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemProgramsTest {

    @Test
    void onlyAnAbsolutePathThatIsPresentIsChosen() {
        assertEquals(Optional.of(Path.of("/usr/bin/kill")),
                SystemPrograms.find(List.of(Path.of("kill"), Path.of("/bin/kill"), Path.of("/usr/bin/kill")),
                        p -> !p.toString().equals("/bin/kill")));
        assertTrue(SystemPrograms.find(List.of(Path.of("kill")), p -> true).isEmpty(), "a bare name is never used");
    }

    @Test
    void killIsFoundByItsAbsolutePathWhereTheSystemHasOne() {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")));
        assertTrue(SystemPrograms.kill().orElseThrow().isAbsolute());
    }
}
