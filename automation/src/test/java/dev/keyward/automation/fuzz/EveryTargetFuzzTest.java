package dev.keyward.automation.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.vault.fuzz.FuzzTargetChoice;
import dev.keyward.vault.fuzz.FuzzTargetChoice.Target;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short fuzz run of the normal build: the four automation fuzz targets in one JVM (see
 * {@link FuzzTargetChoice}); {@code -Pfuzz} fuzzes each of them alone for longer.
 */
class EveryTargetFuzzTest {

    private static final FuzzTargetChoice TARGETS = new FuzzTargetChoice(List.of(
            new Target(StepProgramFuzzTest.class, "anyJsonIsAProgramOrProblemsThatQuoteNoCredential",
                    new StepProgramFuzzTest()::anyJsonIsAProgramOrProblemsThatQuoteNoCredential),
            new Target(FeedParserFuzzTest.class, "anyFeedTextIsItemsOrUnreadable",
                    new FeedParserFuzzTest()::anyFeedTextIsItemsOrUnreadable),
            new Target(StatuspageParserFuzzTest.class, "anyStatuspageJsonIsItemsOrUnreadable",
                    new StatuspageParserFuzzTest()::anyStatuspageJsonIsItemsOrUnreadable),
            new Target(SearchAnswerParserFuzzTest.class, "anySearchAnswerIsItemsOrUnreadable",
                    new SearchAnswerParserFuzzTest()::anySearchAnswerIsItemsOrUnreadable)));

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
