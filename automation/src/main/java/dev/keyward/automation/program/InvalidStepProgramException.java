package dev.keyward.automation.program;

import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Fact;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.TypedError;
import java.util.List;

/** A step program was refused; {@link #problems()} lists every reason, each naming its step and field. */
public class InvalidStepProgramException extends RuntimeException implements TypedError {

    private final transient List<ValidationProblem> problems;

    public InvalidStepProgramException(List<ValidationProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }

    @Override
    public ErrorKind kind() {
        return AutomationErrorKind.PROGRAM_INVALID;
    }

    @Override
    public ErrorFacts facts() {
        return ErrorFacts.of(Fact.DETAIL, getMessage(), Fact.COUNT, problems.size());
    }

    @Override
    public Remedy remedy() {
        return kind().remedy();
    }

    private static String summary(List<ValidationProblem> problems) {
        if (problems.size() == 1) {
            return "The step program is not valid: " + problems.getFirst().message() + ". Fix it and try again.";
        }
        return "The step program is not valid (" + problems.size() + " problems), first: "
                + problems.getFirst().message() + ". Fix them and try again.";
    }
}
