package dev.keyward.automation.generate;

import dev.keyward.automation.program.StepProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules a generated program must meet beyond the format's own: it is for the requested provider and
 * task, and it opens only that provider's domains (an LLM may not widen where a program goes).
 */
final class GeneratedProgramRules {

    private GeneratedProgramRules() {}

    static List<String> problems(StepProgram program, Research research) {
        List<String> problems = new ArrayList<>();
        String slug = research.provider().slug();
        if (!program.provider().equals(slug)) {
            problems.add("program: field 'provider' must be \"" + slug + "\"");
        }
        if (program.taskType() != research.taskType()) {
            problems.add("program: field 'task_type' must be \"" + research.taskType().dbValue() + "\"");
        }
        for (String entry : program.allowedDomains()) {
            if (!covered(entry, research.allowedDomains())) {
                problems.add("program: field 'allowed_domains' lists '" + entry + "', which is not a domain of "
                        + slug + "; use only " + research.allowedDomains());
            }
        }
        return problems;
    }

    private static boolean covered(String entry, List<String> providerDomains) {
        return providerDomains.stream().anyMatch(d -> entry.equals(d) || entry.endsWith("." + d));
    }
}
