package dev.keyward.app.child;

import dev.keyward.vault.crypto.Wipe;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the program of a {@code keyward run} gets, made once and handed whole to every way of starting it
 * (directly, through the agent's {@code exec} answer, each program of a watch, an MCP {@code run_command},
 * on a pseudo-terminal or on pipes): the variables added to its environment and, unless masking is off,
 * what is concealed in its output: every variable's value and each secret that went into a variable inside
 * a larger value (a password in a URL). The launchers take only this, so none can start a program with
 * its variables but without their mask.
 *
 * @param variables the variables added to the program's environment
 * @param embedded  the secret values inside the variables (concealed too, never put into the environment);
 *                  empty when masking is off, as they are of no use then
 * @param masking   whether the values are concealed in the program's output ({@code --no-masking} turns it off)
 */
public record ChildValues(Map<String, String> variables, List<String> embedded, boolean masking) {

    public ChildValues {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        embedded = masking ? List.copyOf(new LinkedHashSet<>(embedded)) : List.of();
    }

    /** {@code variables} with their own values concealed (or not), and no secret inside a larger value. */
    public static ChildValues of(Map<String, String> variables, boolean masking) {
        return new ChildValues(variables, List.of(), masking);
    }

    /**
     * The values of a resolved run, taken from arrays that are wiped here once copied: the caller's
     * arrays hold no value afterwards whatever happens.
     */
    public static ChildValues taking(Map<String, char[]> variables, Collection<char[]> embedded, boolean masking) {
        try {
            Map<String, String> env = new LinkedHashMap<>();
            variables.forEach((name, value) -> env.put(name, new String(value)));
            List<String> inside = new ArrayList<>();
            if (masking) {
                embedded.forEach(value -> inside.add(new String(value)));
            }
            return new ChildValues(env, inside, masking);
        } finally {
            variables.values().forEach(Wipe::chars);
            embedded.forEach(Wipe::chars);
        }
    }

    /**
     * The mask for this program's output, empty when masking is off; the caller (the started program)
     * wipes it. It may be empty itself when no value is long enough to mask.
     */
    public Optional<OutputMask> mask() {
        if (!masking) {
            return Optional.empty();
        }
        List<char[]> values = new ArrayList<>();
        variables.values().forEach(value -> values.add(value.toCharArray()));
        embedded.forEach(value -> values.add(value.toCharArray()));
        try {
            return Optional.of(OutputMask.of(values));
        } finally {
            values.forEach(Wipe::chars);
        }
    }

    @Override
    public String toString() {
        // Never the values: a record's own toString would print them.
        return "ChildValues[" + variables.size() + " variables, " + embedded.size() + " embedded, masking="
                + masking + "]";
    }
}
