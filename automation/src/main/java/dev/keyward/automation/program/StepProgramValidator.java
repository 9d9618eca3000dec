package dev.keyward.automation.program;

import dev.keyward.automation.browser.DomainPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a step program may be stored or run. Every rule violation becomes a
 * {@link ValidationProblem} naming the step and field; an empty list means the program is valid.
 */
public final class StepProgramValidator {

    private static final Pattern PROVIDER_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final StepProgramParser parser = new StepProgramParser();

    /** Parses and validates; the result holds the program only when there is no problem at all. */
    public ParsedProgram validateJson(String json, List<String> defaultAllowedDomains) {
        ParsedProgram parsed = parser.parse(json, defaultAllowedDomains);
        if (parsed.program().isEmpty()) {
            return parsed;
        }
        List<ValidationProblem> problems = validate(parsed.program().get());
        return problems.isEmpty() ? parsed : new ParsedProgram(Optional.empty(), problems);
    }

    /** Parses and validates, or throws {@link InvalidStepProgramException} listing every problem. */
    public StepProgram requireValid(String json, List<String> defaultAllowedDomains) {
        return validateJson(json, defaultAllowedDomains).orThrow();
    }

    /** Every problem with a program already in model form (parsed, generated or edited). */
    public List<ValidationProblem> validate(StepProgram program) {
        List<ValidationProblem> problems = new ArrayList<>();
        StepLocation top = StepLocation.PROGRAM;
        TextFieldChecks text = new TextFieldChecks(program, problems);
        if (!StepProgram.FORMAT.equals(program.format())) {
            problems.add(ValidationProblem.atField(top, "format", "must be \"" + StepProgram.FORMAT + "\""));
        }
        if (program.formatVersion() != StepProgram.FORMAT_VERSION) {
            problems.add(ValidationProblem.atField(top, "format_version", "must be " + StepProgram.FORMAT_VERSION));
        }
        if (program.title().isBlank()) {
            problems.add(ValidationProblem.atField(top, "title", "must not be empty"));
        }
        text.checkLiteral(top, "title", program.title());
        text.checkLiteral(top, "description", program.description());
        if (!PROVIDER_SLUG.matcher(program.provider()).matches()) {
            problems.add(ValidationProblem.atField(top, "provider",
                    "must be a provider slug: lower case letters, digits and '-'"));
        }
        checkDomains(program, problems);
        checkInputs(program, problems, text);
        checkSteps(program, problems, text);
        return problems;
    }

    private static void checkDomains(StepProgram program, List<ValidationProblem> problems) {
        if (program.allowedDomains().isEmpty()) {
            problems.add(ValidationProblem.atField(StepLocation.PROGRAM, "allowed_domains",
                    "must name at least one domain the program may open"));
        }
        for (int i = 0; i < program.allowedDomains().size(); i++) {
            if (!DomainPolicy.isValidEntry(program.allowedDomains().get(i))) {
                problems.add(ValidationProblem.atField(StepLocation.PROGRAM, "allowed_domains",
                        "entry #" + (i + 1) + " is not a lower-case domain name, IPv4 address or localhost"
                                + " (write a host only: no scheme, port, path or wildcard)"));
            }
        }
    }

    private static void checkInputs(StepProgram program, List<ValidationProblem> problems, TextFieldChecks text) {
        for (InputDeclaration input : program.inputs()) {
            String field = "inputs." + input.name();
            if (!PlaceholderScanner.INPUT_NAME.matcher(input.name()).matches()) {
                problems.add(ValidationProblem.atField(StepLocation.PROGRAM, "inputs",
                        "declares an input whose name is not lower case letters, digits and '_' starting with a letter"));
                continue;
            }
            if (input.defaultValue() != null && input.defaultValue().contains("{{")) {
                problems.add(ValidationProblem.atField(StepLocation.PROGRAM, field + ".default",
                        "must be a plain value; placeholders are not resolved inside defaults"));
            }
            text.checkLiteral(StepLocation.PROGRAM, field + ".default", input.defaultValue());
            if (CardNumbers.containsCardNumber(input.defaultValue())) {
                problems.add(ValidationProblem.atField(StepLocation.PROGRAM, field + ".default",
                        StepChecks.CARD_NUMBER_PROBLEM));
            }
            text.checkLiteral(StepLocation.PROGRAM, field + ".description", input.description());
        }
    }

    private static void checkSteps(StepProgram program, List<ValidationProblem> problems, TextFieldChecks text) {
        if (program.steps().isEmpty()) {
            problems.add(ValidationProblem.atField(StepLocation.PROGRAM, "steps", "must list at least one step"));
        }
        if (program.steps().size() > ProgramLimits.MAX_STEPS) {
            problems.add(ValidationProblem.atField(StepLocation.PROGRAM, "steps", "has " + program.steps().size()
                    + " steps; the limit is " + ProgramLimits.MAX_STEPS + "; split the program"));
        }
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        StepChecks stepChecks = new StepChecks(program, problems, text);
        for (int index = 0; index < program.steps().size(); index++) {
            Step step = program.steps().get(index);
            StepLocation where = StepLocation.ofStep(step.id(), index);
            if (!StepLocation.STEP_ID.matcher(step.id()).matches()) {
                problems.add(ValidationProblem.atField(where, "id",
                        "must be 1 to 64 characters of a-z, 0-9, '_' and '-'"));
            } else {
                Integer earlier = firstIndexOfId.putIfAbsent(step.id(), index);
                if (earlier != null) {
                    problems.add(ValidationProblem.atField(where, "id", "repeats the id of step #" + (earlier + 1)
                            + "; every step needs its own id"));
                }
            }
            stepChecks.check(where, step);
        }
        checkKeyByKeyCardNumbers(program, problems);
    }

    /**
     * A card number typed one key at a time: consecutive {@code press} steps of single characters whose keys
     * together spell one. Reported at the step whose key completes it.
     */
    private static void checkKeyByKeyCardNumbers(StepProgram program, List<ValidationProblem> problems) {
        StringBuilder typed = new StringBuilder();
        for (int index = 0; index < program.steps().size(); index++) {
            Step step = program.steps().get(index);
            if (!(step instanceof Step.Press press) || press.key() == null || press.key().length() != 1) {
                typed.setLength(0);
                continue;
            }
            typed.append(press.key());
            if (CardNumbers.containsCardNumber(typed)) {
                problems.add(ValidationProblem.atField(StepLocation.ofStep(step.id(), index), "key",
                        "completes a payment card number typed one key at a time by the press steps before it;"
                                + " Keyward never types card data"));
                typed.setLength(0);
            }
        }
    }
}
