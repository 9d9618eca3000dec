package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.BadFrameException;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.vault.process.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code command} frame's fields, checked before anything runs: the arguments, the client's working
 * folder (absolute and, where the kernel says, the client's own) and only the variables Keyward reads.
 *
 * @param argv the arguments after {@code keyward}
 * @param cwd  the folder relative names resolve against
 * @param env  the request's variables, with {@code KEYWARD_HOME} resolved (the served data root when none was given)
 */
record CommandRequest(List<String> argv, Path cwd, Map<String, String> env) {

    /** The only variables a request may carry: the ones Keyward's commands read. */
    static final Set<String> REQUEST_VARIABLES = Set.of("KEYWARD_PROFILE", "KEYWARD_HOME", "NO_COLOR", "TERM", "COLUMNS",
            "GIT_INDEX_FILE");

    CommandRequest {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** The fields of {@code request} from {@code client}, served for {@code dataRoot}; a broken rule is a bad frame. */
    static CommandRequest of(Frame request, ClientProcess client, Path dataRoot) throws BadFrameException {
        List<String> argv = request.strings("argv");
        Path cwd = workingFolder(request.string("cwd"), client);
        return new CommandRequest(argv, cwd, variables(request.stringMap("env"), cwd, dataRoot));
    }

    /** The request's folder, which must be absolute and, where the kernel says, the client's own. */
    private static Path workingFolder(String cwd, ClientProcess client) throws BadFrameException {
        Path path;
        try {
            path = Path.of(cwd);
        } catch (RuntimeException e) {
            throw new BadFrameException("cwd is an absolute folder");
        }
        if (!path.isAbsolute()) {
            throw new BadFrameException("cwd is an absolute folder");
        }
        if (client.workingFolder().isPresent() && !sameFolder(path, client.workingFolder().get())) {
            throw new BadFrameException("cwd is the client's working folder");
        }
        return path.normalize();
    }

    private static boolean sameFolder(Path claimed, Path actual) {
        try {
            return claimed.toRealPath().equals(actual.toRealPath());
        } catch (IOException e) {
            return claimed.normalize().equals(actual.normalize());
        }
    }

    /**
     * The request's variables, refused when one is not a variable Keyward reads (a credential above all).
     * KEYWARD_HOME is resolved against the client's folder, and set to the served data root when the
     * client gave none: it found this agent's socket by that root.
     */
    private static Map<String, String> variables(Map<String, String> given, Path cwd, Path dataRoot)
            throws BadFrameException {
        for (String name : given.keySet()) {
            if (ChildEnvironment.isCredential(name) || !REQUEST_VARIABLES.contains(name)) {
                throw new BadFrameException("env holds only " + String.join(", ", REQUEST_VARIABLES.stream().sorted().toList()));
            }
        }
        Map<String, String> env = new HashMap<>(given);
        String home = env.get("KEYWARD_HOME");
        env.put("KEYWARD_HOME", home == null || home.isBlank() ? dataRoot.toString()
                : cwd.resolve(home).normalize().toString());
        return env;
    }
}
