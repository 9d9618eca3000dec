package dev.keyward.automation.program;

import java.util.List;
import java.util.Optional;

/**
 * Checks one string field of a program: placeholders are well formed, inputs are declared, secrets
 * appear only where allowed, and no literal looks like a real credential.
 */
final class TextFieldChecks {

    private final StepProgram program;
    private final List<ValidationProblem> problems;

    TextFieldChecks(StepProgram program, List<ValidationProblem> problems) {
        this.program = program;
        this.problems = problems;
    }

    /** A field the runner resolves; {@code secretsAllowed} only for fill values. */
    void check(StepLocation where, String field, String value, boolean secretsAllowed) {
        if (value == null) {
            return;
        }
        PlaceholderScanner.Scan scan = PlaceholderScanner.scan(value);
        if (!scan.wellFormed()) {
            problems.add(ValidationProblem.atField(where, field, "has a malformed placeholder at position "
                    + scan.malformedAt().getFirst() + "; write {{secret:NAME}}, {{input:NAME}} or {{provider.FIELD}}"));
        }
        for (Placeholder placeholder : scan.placeholders()) {
            switch (placeholder) {
                case Placeholder.SecretRef ref when !secretsAllowed -> problems.add(ValidationProblem.atField(where,
                        field, "refers to secret " + Echo.quoted(ref.name()) + ", but secrets may only appear in"
                                + " fill values"));
                case Placeholder.InputRef ref when program.input(ref.name()).isEmpty() -> problems.add(
                        ValidationProblem.atField(where, field, "uses input " + Echo.quoted(ref.name())
                                + ", which the program does not declare; add it under 'inputs'"));
                default -> {
                    // well formed and allowed here
                }
            }
        }
        checkLiteral(where, field, value);
    }

    /** A field that is never resolved (descriptions, input defaults): only the credential check applies. */
    void checkLiteral(StepLocation where, String field, String value) {
        Optional<String> suspicion = CredentialLiteralDetector.suspicion(value);
        suspicion.ifPresent(reason -> problems.add(ValidationProblem.atField(where, field,
                "looks like it holds a real credential (" + reason
                        + "); store the value in the vault and write {{secret:NAME}} in a fill value instead")));
    }
}
