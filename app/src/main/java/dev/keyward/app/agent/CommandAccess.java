package dev.keyward.app.agent;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which commands the agent runs, and what each does with secrets. Listing names and providers runs
 * without approval; revealing or changing asks first; every other command (one that needs the
 * password, prompts on the terminal, drives a browser or works on files of the data folder) is left
 * to the client to run directly, as is any command this table does not name.
 */
final class CommandAccess {

    /** What the agent does with a command. */
    enum Kind {
        /** Names and providers only: served without asking. */
        LIST,
        /** Shows or hands over values: served after approval. */
        REVEAL,
        /** Adds, changes or deletes secrets, projects or settings: served after approval. */
        CHANGE,
        /** Not served: the client runs it itself. */
        DIRECT
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("secret list", Kind.LIST), Map.entry("secret history", Kind.LIST),
            Map.entry("project list", Kind.LIST), Map.entry("project show", Kind.LIST),
            Map.entry("provider list", Kind.LIST), Map.entry("settings list", Kind.LIST),
            Map.entry("audit list", Kind.LIST),
            Map.entry("secret get", Kind.REVEAL), Map.entry("run", Kind.REVEAL), Map.entry("env export", Kind.REVEAL),
            Map.entry("read", Kind.REVEAL), Map.entry("inject", Kind.REVEAL),
            // scan shows no value but compares every one with files: an oracle for a guess, so it is asked.
            Map.entry("scan", Kind.REVEAL),
            Map.entry("secret add", Kind.CHANGE), Map.entry("secret edit", Kind.CHANGE),
            Map.entry("secret rotate", Kind.CHANGE), Map.entry("secret rm", Kind.CHANGE),
            Map.entry("project create", Kind.CHANGE), Map.entry("project link", Kind.CHANGE),
            Map.entry("project unlink", Kind.CHANGE), Map.entry("env import", Kind.CHANGE),
            Map.entry("settings set", Kind.CHANGE), Map.entry("provider set", Kind.CHANGE),
            Map.entry("adopt", Kind.CHANGE));

    /** The commands that ask on the terminal unless an option says where their answer comes from. */
    private static final Map<String, Set<String>> PROMPTS_UNLESS = Map.of(
            "secret add", Set.of("--value-stdin"), "secret rotate", Set.of("--value-stdin"),
            "secret rm", Set.of("--yes", "-y"), "adopt", Set.of("--yes", "-y", "--dry-run"));

    private CommandAccess() {
    }

    /**
     * The kind of {@code command} (its names after {@code keyward}, such as {@code "secret get"});
     * {@code options} are the options the call gave. A command that would prompt is left to the client,
     * which has the terminal.
     */
    static Kind of(String command, Set<String> options) {
        if (options.contains("--password-stdin")) {
            // A script that pipes the password in expects its first stdin line to be read as one.
            return Kind.DIRECT;
        }
        if ("scan".equals(command) && options.contains("--formats-only")) {
            return Kind.DIRECT; // by key formats alone: no vault, nothing for the agent to serve
        }
        if ("scan".equals(command) && options.contains("--install-hook")) {
            return Kind.DIRECT; // writes a file naming the client's own launcher; no vault
        }
        if ("run".equals(command) && options.contains("--print-stamps")) {
            // A watching client's question: which version of which secret each variable has; no value.
            return Kind.LIST;
        }
        if ("adopt".equals(command) && (options.contains("--dry-run") || options.contains("--restore"))) {
            // A dry run compares the files' values with the vault's; a restore writes values back to a file.
            return Kind.REVEAL;
        }
        Kind kind = KINDS.getOrDefault(command, Kind.DIRECT);
        Set<String> answered = PROMPTS_UNLESS.get(command);
        if (answered != null && answered.stream().noneMatch(options::contains)) {
            return Kind.DIRECT;
        }
        return kind;
    }

    /** The approval question's access for a served kind; empty for {@link Kind#LIST}. */
    static Optional<AccessRequest.Access> access(Kind kind) {
        return switch (kind) {
            case REVEAL -> Optional.of(AccessRequest.Access.REVEAL);
            case CHANGE -> Optional.of(AccessRequest.Access.CHANGE);
            case LIST, DIRECT -> Optional.empty();
        };
    }
}
