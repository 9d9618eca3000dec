package dev.keyward.app.agent;

import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.projects.ProjectService;
import java.util.Set;
import java.util.stream.Collectors;

/** Which secrets a project maps to its variables, by name: what a limited {@link AgentScope} reaches. */
@FunctionalInterface
public interface ProjectSecrets {

    /** The names of the secrets {@code project} maps; empty when there is no such project. */
    Set<String> secretNames(String project);

    /** The session's projects, read at each question so a mapping added later counts. */
    static ProjectSecrets of(ProjectService projects) {
        return project -> {
            try {
                return projects.links(project).stream().map(ProjectLink::secretName).collect(Collectors.toSet());
            } catch (NotFoundException e) {
                return Set.of();
            }
        };
    }
}
