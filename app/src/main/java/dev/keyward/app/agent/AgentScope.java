package dev.keyward.app.agent;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a headless agent ({@code keyward agent start}) serves without asking: every project, or only
 * the projects named at start. A request is inside a limited scope when the project it names is one
 * of them and every secret it names is mapped in one of them; a request that names neither is outside,
 * and so is a change that names no project ({@code secret edit}, {@code secret rotate}, {@code secret rm}
 * of a mapped secret): a secret's own value belongs to every project that maps it, so changing it reaches
 * beyond the scope, while reading it does not.
 *
 * @param projects the projects served; empty means every project
 */
public record AgentScope(SortedSet<String> projects) {

    public AgentScope {
        projects = Collections.unmodifiableSortedSet(new TreeSet<>(projects));
    }

    /** The scope of {@code --project} options given at start: none given means every project. */
    public static AgentScope of(Collection<String> projects) {
        return new AgentScope(new TreeSet<>(projects));
    }

    public static AgentScope everyProject() {
        return new AgentScope(new TreeSet<>());
    }

    public boolean isEveryProject() {
        return projects.isEmpty();
    }

    /** Whether {@code request} stays inside this scope; {@code links} says which secrets a project maps. */
    public boolean covers(AccessRequest request, ProjectSecrets links) {
        if (isEveryProject()) {
            return true;
        }
        if (request.project().isEmpty()
                && (request.secretNames().isEmpty() || request.access() == AccessRequest.Access.CHANGE)) {
            return false;
        }
        if (request.project().isPresent() && !projects.contains(request.project().get())) {
            return false;
        }
        for (String secret : request.secretNames()) {
            if (projects.stream().noneMatch(p -> links.secretNames(p).contains(secret))) {
                return false;
            }
        }
        return true;
    }
}
