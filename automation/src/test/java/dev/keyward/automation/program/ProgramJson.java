package dev.keyward.automation.program;

import java.util.List;

/** Builds small program texts for tests: a valid envelope around the steps under test. */
final class ProgramJson {

    static final List<String> NO_DEFAULT_DOMAINS = List.of();

    private ProgramJson() {}

    /** A program on example.com with inputs base_url (no default) and cap (default 50). */
    static String withSteps(String... steps) {
        return """
                {
                  "format": "keyward.step-program",
                  "format_version": 1,
                  "title": "Test program",
                  "provider": "example",
                  "task_type": "custom",
                  "allowed_domains": ["example.com"],
                  "inputs": {"base_url": {"description": "Site address"}, "cap": {"default": "50"}},
                  "steps": [%s]
                }
                """.formatted(String.join(",\n", steps));
    }

    static ParsedProgram validate(String json) {
        return new StepProgramValidator().validateJson(json, NO_DEFAULT_DOMAINS);
    }

    static List<String> messages(String json) {
        return validate(json).problems().stream().map(ValidationProblem::message).toList();
    }
}
