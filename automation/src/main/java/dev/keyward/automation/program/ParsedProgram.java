package dev.keyward.automation.program;

import java.util.List;
import java.util.Optional;

/**
 * What reading a program produced: the model when there were no problems, and every problem found.
 */
public record ParsedProgram(Optional<StepProgram> program, List<ValidationProblem> problems) {

    public ParsedProgram {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty() && program.isPresent();
    }

    /** The program, or an {@link InvalidStepProgramException} listing every problem. */
    public StepProgram orThrow() {
        if (!valid()) {
            throw new InvalidStepProgramException(problems);
        }
        return program.orElseThrow();
    }
}
