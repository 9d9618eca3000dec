package dev.keyward.vault.process;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one list of environment variables Keyward reads as credentials, and the environment every
 * process Keyward starts gets: this process's environment without them.
 *
 * <p>A program started by {@code keyward run} is given one project's keys; if it also inherited
 * {@code KEYWARD_PASSWORD} it would hold the key to the whole vault. The same goes for a browser,
 * a helper or an opener Keyward starts.
 */
public final class ChildEnvironment {

    /** The current password (unlock, backup restore, password change). */
    public static final String PASSWORD = "KEYWARD_PASSWORD";
    /** A new password (profile create, password change, recovery). */
    public static final String NEW_PASSWORD = "KEYWARD_NEW_PASSWORD";
    /** The recovery code (profile recover). */
    public static final String RECOVERY_CODE = "KEYWARD_RECOVERY_CODE";
    /** The demo profile's password ({@code keyward demo}). */
    public static final String DEMO_PASSWORD = "KEYWARD_DEMO_PASSWORD";

    /** Every variable Keyward reads as a credential. */
    public static final Set<String> CREDENTIALS = Set.of(PASSWORD, NEW_PASSWORD, RECOVERY_CODE, DEMO_PASSWORD);

    /** Word parts that make any other KEYWARD_ variable look like a credential, so it is kept from children too. */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("PASSWORD", "PASSPHRASE", "RECOVERY", "SECRET",
            "TOKEN", "CREDENTIAL");

    private ChildEnvironment() {
    }

    /** True for a variable a child must not inherit. Windows compares names without regard to case. */
    public static boolean isCredential(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (CREDENTIALS.contains(upper)) {
            return true;
        }
        if (upper.startsWith("KEYWARD_")) {
            // A loop, not a stream: the command line's agent client calls this in a JVM that lives a tenth of a second.
            for (String word : CREDENTIAL_WORDS) {
                if (upper.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code environment} without the credential variables, in its order. */
    public static Map<String, String> of(Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (!isCredential(variable.getKey())) {
                out.put(variable.getKey(), variable.getValue());
            }
        }
        return out;
    }

    /** This process's environment without the credential variables. */
    public static Map<String, String> forProcess() {
        return of(System.getenv());
    }

    /**
     * A process builder for {@code command} whose environment holds no credential variable. Every
     * process Keyward starts is built here (a test checks the sources for other call sites).
     */
    public static ProcessBuilder processBuilder(java.util.List<String> command) {
        return processBuilder(System.getenv(), command);
    }

    /** A process builder for {@code command} whose environment is {@code inherited} without the credential variables. */
    static ProcessBuilder processBuilder(Map<String, String> inherited, java.util.List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(of(inherited));
        return builder;
    }

    /** {@link #processBuilder(java.util.List)} for a fixed argument list. */
    public static ProcessBuilder processBuilder(String... command) {
        return processBuilder(java.util.List.of(command));
    }
}
