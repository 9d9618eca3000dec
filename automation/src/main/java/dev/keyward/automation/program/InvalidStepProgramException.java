package dev.keyward.automation.program;

import java.util.List;

/** A step program was refused; {@link #problems()} lists every reason, each naming its step and field. */
public class InvalidStepProgramException extends RuntimeException {

    private final transient List<ValidationProblem> problems;

    public InvalidStepProgramException(List<ValidationProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }

    private static String summary(List<ValidationProblem> problems) {
        if (problems.size() == 1) {
            return "The step program is not valid: " + problems.getFirst().message() + ". Fix it and try again.";
        }
        return "The step program is not valid (" + problems.size() + " problems), first: "
                + problems.getFirst().message() + ". Fix them and try again.";
    }
}
