package dev.keyward.app.cli;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.VaultException;
import dev.keyward.vault.refs.Reference;
import dev.keyward.vault.refs.ReferenceResolver;
import java.util.Map;
import java.util.function.Function;

/**
 * The one error for references that could not be resolved: the first one, where it stands, and
 * why; "not found" (exit 4) when it points nowhere, "invalid input" (exit 2) otherwise.
 */
final class ReferenceProblems {

    private ReferenceProblems() {
    }

    /**
     * The error for {@code resolved}'s first problem; {@code place} says where a reference stands
     * ("app.yml, line 3, column 9") and {@code consequence} what did not happen ("Nothing was written.").
     */
    static VaultException of(ReferenceResolver.Resolved resolved, Function<Reference, String> place, String consequence) {
        Map.Entry<Reference, ReferenceResolver.Problem> first = resolved.problems().entrySet().iterator().next();
        int more = resolved.problems().size() - 1;
        String message = place.apply(first.getKey()) + ": " + first.getKey() + " cannot be resolved: "
                + first.getValue().reason() + "." + (more > 0 ? " " + more + " more "
                + (more == 1 ? "reference cannot" : "references cannot") + " be resolved either." : "")
                + " " + consequence;
        return first.getValue().missing() ? new NotFoundException(message) : new InvalidInputException(message);
    }
}
