package dev.keyward.automation.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.automation.program.CredentialLiteralDetector;
import dev.keyward.automation.program.InvalidStepProgramException;
import dev.keyward.automation.program.ParsedProgram;
import dev.keyward.automation.program.StepProgramValidator;
import dev.keyward.automation.program.ValidationProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any bytes as step-program JSON: the validator answers with the program or with validation problems
 * ({@link InvalidStepProgramException} from {@code requireValid}), never with another exception, and no
 * problem message repeats a literal that looks like a credential.
 */
class StepProgramFuzzTest {

    private final StepProgramValidator validator = new StepProgramValidator();

    @FuzzTest(maxDuration = "60s")
    void anyJsonIsAProgramOrProblemsThatQuoteNoCredential(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        ParsedProgram parsed = validator.validateJson(json, List.of("example.com"));
        assertEquals(parsed.program().isPresent(), parsed.problems().isEmpty(), "a program exactly when no problem");
        for (ValidationProblem problem : parsed.problems()) {
            assertFalse(problem.message().isBlank());
            assertTrue(CredentialLiteralDetector.suspicion(problem.message()).isEmpty(),
                    "a problem message holds a credential-looking literal: " + problem.message());
            for (String named : new String[] {problem.stepId(), problem.field()}) {
                assertTrue(named == null || CredentialLiteralDetector.suspicion(named).isEmpty(),
                        "a problem names a step or field by a credential-looking literal");
            }
        }
        try {
            validator.requireValid(json, List.of("example.com"));
            assertTrue(parsed.valid());
        } catch (InvalidStepProgramException refused) {
            assertFalse(parsed.valid());
            assertTrue(CredentialLiteralDetector.suspicion(refused.getMessage()).isEmpty(),
                    "the refusal holds a credential-looking literal");
        }
    }
}
