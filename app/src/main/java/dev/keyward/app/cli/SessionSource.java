package dev.keyward.app.cli;

import dev.keyward.vault.refs.Reference;
import java.util.Optional;
import java.util.Set;

/**
 * Where a command's unlocked session comes from: unlocked for it with the password ({@link #DIRECT}),
 * or lent by the agent that already holds it unlocked.
 */
public interface SessionSource {

    /** Unlocks the selected profile with KEYWARD_PASSWORD, stdin or a prompt, for one command. */
    SessionSource DIRECT = new SessionSource() {
        @Override
        public SessionLease unlock(KeywardCommand root, boolean passwordFromStdin) {
            return SessionLease.owned(root.unlockDirectly(passwordFromStdin));
        }

        @Override
        public OpenSession open(KeywardCommand root, boolean passwordFromStdin) {
            return root.openDirectly(passwordFromStdin);
        }
    };

    /** The selected profile's session for one command. */
    SessionLease unlock(KeywardCommand root, boolean passwordFromStdin);

    /** The selected profile's session and its services for one command. */
    OpenSession open(KeywardCommand root, boolean passwordFromStdin);

    /**
     * The {@code keyward://} references the command was approved for by name (the agent's {@code inject}
     * and {@code run --env-file}); empty when it is not bound to any (the direct path, other commands).
     */
    default Optional<Set<Reference>> approvedReferences() {
        return Optional.empty();
    }
}
