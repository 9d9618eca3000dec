package dev.keyward.automation.program;

import java.util.List;
import java.util.regex.Pattern;

/** The per-type rules of each step: required combinations, name formats, where secrets may go. */
final class StepChecks {

    private static final Pattern OUTPUT_NAME = PlaceholderScanner.INPUT_NAME;
    private static final Pattern SCREENSHOT_NAME = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]{0,63}");
    /** Playwright key names and chords such as Enter, Tab, Control+A, or one printable character. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]+(?:\\+[A-Za-z0-9]+)*|\\S");
    /** Selectors naming a field that must be filled from the vault, never with literal text. */
    private static final Pattern SECRET_FIELD_SELECTOR = Pattern.compile(
            "(?i)pass(?:word)?|passwd|pwd|secret|token|api[-_]?key|otp");

    private final StepProgram program;
    private final List<ValidationProblem> problems;
    private final TextFieldChecks text;

    StepChecks(StepProgram program, List<ValidationProblem> problems, TextFieldChecks text) {
        this.program = program;
        this.problems = problems;
        this.text = text;
    }

    void check(StepLocation where, Step step) {
        StepHeader header = step.header();
        if (header.timeoutMs() != null && (header.timeoutMs() < ProgramLimits.MIN_TIMEOUT_MS
                || header.timeoutMs() > ProgramLimits.MAX_TIMEOUT_MS)) {
            problem(where, "timeout_ms", "must be a whole number from " + ProgramLimits.MIN_TIMEOUT_MS + " to "
                    + ProgramLimits.MAX_TIMEOUT_MS);
        }
        text.check(where, "description", header.description(), false);
        switch (step) {
            case Step.Goto s -> {
                if (required(where, "url", s.url())) {
                    text.check(where, "url", s.url(), false);
                    GotoUrlRule.problem(s.url(), program).ifPresent(what -> problem(where, "url", what));
                }
            }
            case Step.Fill s -> {
                selector(where, s.selector());
                if (required(where, "value", s.value())) {
                    text.check(where, "value", s.value(), true);
                    cardNumber(where, "value", s.value());
                    boolean literal = !PlaceholderScanner.literalParts(s.value()).isBlank();
                    if (literal && s.selector() != null && SECRET_FIELD_SELECTOR.matcher(s.selector()).find()) {
                        problem(where, "value", "fills a password or key field with literal text;"
                                + " keep the value in the vault and write {{secret:NAME}}");
                    }
                }
            }
            case Step.Click s -> selector(where, s.selector());
            case Step.Select s -> {
                selector(where, s.selector());
                if (required(where, "value", s.value())) {
                    text.check(where, "value", s.value(), false);
                    cardNumber(where, "value", s.value());
                }
            }
            case Step.Press s -> {
                if (s.selector() != null) {
                    selector(where, s.selector());
                }
                if (required(where, "key", s.key()) && !KEY.matcher(s.key()).matches()) {
                    problem(where, "key", "must be a key name such as Enter, Tab or Control+A");
                }
            }
            case Step.WaitFor s -> checkWaitFor(where, s);
            case Step.Expect s -> checkExpect(where, s);
            case Step.Extract s -> checkExtract(where, s);
            case Step.Screenshot s -> {
                if (required(where, "name", s.name()) && !SCREENSHOT_NAME.matcher(s.name()).matches()) {
                    problem(where, "name", "must be 1 to 64 characters of a-z, 0-9, '_' and '-'");
                }
            }
            case Step.Checkpoint s -> {
                required(where, "checkpoint_type", s.checkpointType());
                required(where, "description", s.description());
                if (required(where, "proposed_action", s.proposedAction())) {
                    text.check(where, "proposed_action", s.proposedAction(), false);
                }
                if (header.gate() != null) {
                    problem(where, "gate", "is not allowed on a checkpoint step, which is a checkpoint itself");
                }
            }
            case Step.HandoffPayment s -> {
                if (required(where, "reason", s.reason())) {
                    text.check(where, "reason", s.reason(), false);
                }
            }
            case Step.TotpFill s -> checkTotp(where, s);
        }
    }

    private void checkWaitFor(StepLocation where, Step.WaitFor s) {
        if ((s.selector() == null) == (s.urlPattern() == null)) {
            problem(where, "selector", "or 'url' is needed, but not both: wait for an element or for a URL");
            return;
        }
        if (s.selector() != null) {
            selector(where, s.selector());
        } else {
            text.check(where, "url", s.urlPattern(), false);
            if (s.state() != null) {
                problem(where, "state", "applies to an element; remove it when waiting for a URL");
            }
        }
    }

    private void checkExpect(StepLocation where, Step.Expect s) {
        if (!required(where, "kind", s.kind())) {
            return;
        }
        switch (s.kind()) {
            case TEXT -> {
                selector(where, s.selector());
                required(where, "value", s.value());
            }
            case VISIBLE -> {
                selector(where, s.selector());
                if (s.value() != null) {
                    problem(where, "value", "is not used by kind 'visible'; remove it");
                }
            }
            case URL -> {
                required(where, "value", s.value());
                if (s.selector() != null) {
                    problem(where, "selector", "is not used by kind 'url'; remove it");
                }
            }
        }
        text.check(where, "value", s.value(), false);
    }

    private void checkExtract(StepLocation where, Step.Extract s) {
        selector(where, s.selector());
        if (s.attribute() != null && !ATTRIBUTE.matcher(s.attribute()).matches()) {
            problem(where, "attribute", "must be an HTML attribute name");
        }
        switch (s.into()) {
            case null -> problem(where, "into", "is required: {\"output\": NAME} or {\"secret\": NAME}");
            case ExtractTarget.Output o when !OUTPUT_NAME.matcher(o.name()).matches() ->
                    problem(where, "into.output", "must be lower case letters, digits and '_', starting with a letter");
            case ExtractTarget.Secret v when !PlaceholderScanner.SECRET_NAME.matcher(v.name()).matches() ->
                    problem(where, "into.secret", "must be a vault secret name: letters, digits, '_', '.' and '-'");
            default -> {
                // a well-formed target
            }
        }
    }

    private void checkTotp(StepLocation where, Step.TotpFill s) {
        selector(where, s.selector());
        if (required(where, "secret", s.secretName())
                && !PlaceholderScanner.SECRET_NAME.matcher(s.secretName()).matches()) {
            problem(where, "secret", s.secretName().startsWith("{{")
                    ? "takes the secret's name, not a placeholder: write \"secret\": \"NAME\""
                    : "must be a vault secret name: letters, digits, '_', '.' and '-'");
        }
        if (s.digits() != null && s.digits() != 6 && s.digits() != 8) {
            problem(where, "digits", "must be 6 or 8");
        }
    }

    /** A literal that would type a payment card number: refused, and the digits are never repeated. */
    private void cardNumber(StepLocation where, String field, String value) {
        if (CardNumbers.containsCardNumber(PlaceholderScanner.literalParts(value))) {
            problem(where, field, CARD_NUMBER_PROBLEM);
        }
    }

    static final String CARD_NUMBER_PROBLEM = "holds what looks like a payment card number; Keyward never types"
            + " card data, so a program may not carry one (the page is handed to you to pay instead)";

    private void selector(StepLocation where, String selector) {
        if (required(where, "selector", selector)) {
            text.check(where, "selector", selector, false);
        }
    }

    private boolean required(StepLocation where, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problem(where, field, "is required");
            return false;
        }
        return true;
    }

    private void problem(StepLocation where, String field, String what) {
        problems.add(ValidationProblem.atField(where, field, what));
    }
}
