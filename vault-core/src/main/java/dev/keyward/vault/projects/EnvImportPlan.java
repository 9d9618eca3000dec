package dev.keyward.vault.projects;

import java.util.List;

/**
 * What importing a .env file into a project would do, shown before anything is written.
 *
 * @param added   variables that become new secrets (or link an existing secret with the same value)
 * @param changed variables already linked whose secret gets a new value (a rotation)
 * @param unchanged variables already linked with the same value
 * @param refused variables that cannot be imported, with the reason
 */
public record EnvImportPlan(String project, List<Item> added, List<Item> changed, List<Item> unchanged, List<Item> refused) {

    /** One variable and what happens to it; {@code detail} never holds its value. */
    public record Item(String envVar, String secretName, String detail) {
    }

    public boolean hasChanges() {
        return !added.isEmpty() || !changed.isEmpty();
    }
}
