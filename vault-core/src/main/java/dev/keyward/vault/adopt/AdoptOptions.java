package dev.keyward.vault.adopt;

import java.util.Map;
import java.util.Set;

/**
 * How to adopt: the project name to use instead of the folder's ({@code null}: the folder's), variables
 * to leave in the files as written, and which value wins a conflict: {@code choices} per
 * {@code PROJECT/VAR} (answers a person gave), else {@code onConflict} ({@code null}: nobody chose, so a
 * conflict stops the adoption).
 */
public record AdoptOptions(String project, Set<String> keep, AdoptPlan.Winner onConflict,
                           Map<String, AdoptPlan.Winner> choices) {

    public AdoptOptions {
        keep = Set.copyOf(keep);
        choices = Map.copyOf(choices);
    }

    /** The folder's project name, nothing kept, no conflict resolved. */
    public static AdoptOptions defaults() {
        return new AdoptOptions(null, Set.of(), null, Map.of());
    }

    /** These options with a person's choice for {@code project}'s variable {@code variable}. */
    public AdoptOptions choosing(String project, String variable, AdoptPlan.Winner winner) {
        Map<String, AdoptPlan.Winner> more = new java.util.HashMap<>(choices);
        more.put(project + "/" + variable, winner);
        return new AdoptOptions(this.project, keep, onConflict, more);
    }

    /** Who wins the conflict of {@code project}'s {@code variable}, or null when nobody chose. */
    AdoptPlan.Winner winner(String project, String variable) {
        return choices.getOrDefault(project + "/" + variable, onConflict);
    }
}
