package dev.keyward.vault.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short fuzz run of the normal build: the three vault-core fuzz targets in one JVM (see
 * {@link FuzzTargetChoice}); {@code -Pfuzz} fuzzes each of them alone for longer.
 */
class EveryTargetFuzzTest {

    private static final FuzzTargetChoice TARGETS = new FuzzTargetChoice(List.of(
            new FuzzTargetChoice.Target(DotenvParserFuzzTest.class,
                    "anyTextIsReadOrRefusedAndWhatIsReadWritesBack",
                    new DotenvParserFuzzTest()::anyTextIsReadOrRefusedAndWhatIsReadWritesBack),
            new FuzzTargetChoice.Target(DotenvWriterFuzzTest.class,
                    "whatIsWrittenReadsBackUnchangedOrIsRefused",
                    new DotenvWriterFuzzTest()::whatIsWrittenReadsBackUnchangedOrIsRefused),
            new FuzzTargetChoice.Target(ProfileHeaderCodecFuzzTest.class,
                    "anyBytesAreAHeaderOrDamage",
                    new ProfileHeaderCodecFuzzTest()::anyBytesAreAHeaderOrDamage)));

    static Stream<byte[]> storedInputsOfEveryTarget() {
        return TARGETS.seeds();
    }

    // @FuzzTest must come last: Jazzer fuzzes from the arguments of the sources before it.
    @MethodSource("storedInputsOfEveryTarget")
    @FuzzTest
    void anyInputHoldsForTheTargetItsFirstBytePicks(byte[] input) throws Exception {
        TARGETS.run(input);
    }
}
