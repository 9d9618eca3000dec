package dev.keyward.app.agent;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The approvals of an agent with nobody to ask ({@code keyward agent start}): a request within the
 * scope it was started with is allowed once, anything outside is denied, and no dialog is shown.
 * With every project in scope, every request is within it. With a list of projects, a request must
 * name one of them, or name only secrets that one of them links.
 */
public final class HeadlessApprovals implements Approvals {

    private final Set<String> projects;
    private final Function<String, List<String>> linkedSecrets;

    /**
     * @param projects      the projects in scope; empty means every project
     * @param linkedSecrets the names of the secrets a project links (read from the served session)
     */
    public HeadlessApprovals(Set<String> projects, Function<String, List<String>> linkedSecrets) {
        this.projects = Set.copyOf(projects);
        this.linkedSecrets = linkedSecrets;
    }

    @Override
    public Approval decide(AccessRequest request) {
        return inScope(request) ? Approval.ALLOW_ONCE : Approval.DENY;
    }

    private boolean inScope(AccessRequest request) {
        if (projects.isEmpty()) {
            return true;
        }
        if (request.project().isPresent()) {
            return projects.contains(request.project().get());
        }
        if (request.secretNames().isEmpty() || request.access() == AccessRequest.Access.CHANGE) {
            // A change that names no project (a new secret, a setting) is outside any project's scope.
            return false;
        }
        return request.secretNames().stream().allMatch(secret -> projects.stream()
                .anyMatch(project -> linkedSecrets.apply(project).contains(secret)));
    }
}
