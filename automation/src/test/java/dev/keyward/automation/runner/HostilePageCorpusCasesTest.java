package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.program.CheckpointType;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The corpus as a whole (no browser needed): what it covers, and that the two classes that run it split it
 * without a gap or an overlap.
 */
class HostilePageCorpusCasesTest {

    @Test
    void everyCaseFileIsRunByExactlyOneOfTheTwoCorpusClasses() throws IOException {
        List<String> files = HostilePageCorpus.caseFiles();
        assertTrue(files.size() >= 40, "cases: " + files.size());
        List<Set<Character>> classes = List.of(HostilePageCorpusSideChannelsTest.GROUPS, HostilePageCorpusControlsTest.GROUPS);
        for (String file : files) {
            long runBy = classes.stream().filter(groups -> groups.contains(file.charAt(0))).count();
            assertEquals(1, runBy, file + " is run by " + runBy + " corpus classes: give its group to exactly one");
        }
    }

    @Test
    void theCorpusHasFortyCasesCoveringEveryCheckpointTypeAndBenignControls() throws IOException {
        List<CorpusCase> all = HostilePageCorpus.caseFiles().stream()
                .map(f -> CorpusCase.read(HostilePageCorpus.CASES.resolve(f))).toList();
        assertTrue(all.size() >= 40, "cases: " + all.size());
        assertTrue(all.stream().filter(CorpusCase::benign).count() >= 8, "benign controls");
        assertTrue(all.stream().noneMatch(c -> c.checkpoint() == null && !c.benign() && !c.alwaysBlocked() && !c.diesWithPage()
                        && c.ends() == null),
                "a dangerous case names the checkpoint it needs");
        Set<CheckpointType> asked = all.stream().map(CorpusCase::checkpoint).filter(t -> t != null)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CheckpointType.class)));
        assertEquals(EnumSet.of(CheckpointType.FINANCIAL, CheckpointType.IRREVERSIBLE, CheckpointType.API_KEY), asked);
        assertTrue(all.stream().allMatch(c -> c.benign() != (c.dangerous() != null) || c.importRefused()),
                "every case names either the dangerous request or the benign one");
    }
}
