package dev.keyward.automation.retention;

import java.util.List;
import java.util.Objects;

/**
 * What a retention run removed, or in a dry run what it would remove, rule by rule.
 *
 * @param dryRun  true when nothing was changed
 * @param rules   one line per rule of seed 002 section 5.3, in the table's order
 * @param stopped true when the run was interrupted between batches; what it did is kept and the next run resumes
 */
public record RetentionReport(boolean dryRun, List<Rule> rules, boolean stopped) {

    /**
     * One rule's result.
     *
     * @param name    the table or file set, e.g. {@code dashboard_snapshots}
     * @param policy  the rule in words, e.g. "keep 24 per key, fold older ones into daily summaries"
     * @param count   rows or files removed (or that would be)
     * @param detail  more about it (days of summaries touched, bytes of screenshots), or null
     */
    public record Rule(String name, String policy, long count, String detail) {
        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(policy, "policy");
        }
    }

    public RetentionReport {
        rules = List.copyOf(rules);
    }

    /** The count of the rule named {@code name}, 0 when there is no such rule. */
    public long count(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).mapToLong(Rule::count).sum();
    }

    /** Everything removed (or that would be) over all rules. */
    public long total() {
        return rules.stream().mapToLong(Rule::count).sum();
    }
}
