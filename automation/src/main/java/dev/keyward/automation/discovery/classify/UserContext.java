package dev.keyward.automation.discovery.classify;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the vault knows about the user's stake in providers, by name only (never a secret value):
 * keys held per provider slug, secret names, project names, env var names and capabilities in use.
 */
public record UserContext(Map<String, Integer> keysByProvider, Set<String> secretNames, Set<String> projectNames,
                          Set<String> envVarNames, Set<String> capabilities) {

    public UserContext {
        keysByProvider = keysByProvider.entrySet().stream().collect(
                Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, Integer::sum));
        secretNames = Set.copyOf(secretNames);
        projectNames = Set.copyOf(projectNames);
        envVarNames = Set.copyOf(envVarNames);
        capabilities = Set.copyOf(capabilities);
    }

    /** A context that knows nothing: no keys, names or capabilities. */
    public static UserContext empty() {
        return new UserContext(Map.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** How many keys the user holds for the provider with this slug (0 if none). */
    public int keysFor(String providerSlug) {
        return providerSlug == null ? 0 : keysByProvider.getOrDefault(providerSlug.toLowerCase(Locale.ROOT), 0);
    }
}
