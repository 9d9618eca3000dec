package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.vault.projects.ProjectInfo;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.session.VaultSession;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the user's {@link UserContext} from the vault by name only: keys per provider slug, secret names,
 * project names and their env var names, and the capabilities of the providers the user holds keys for.
 * No secret value is read.
 */
final class VaultUserContext {

    private VaultUserContext() {
    }

    static UserContext read(VaultSession session) {
        Map<String, Integer> keys = new HashMap<>();
        Set<String> secretNames = new HashSet<>();
        for (SecretInfo secret : session.secrets().list()) {
            secretNames.add(secret.name());
            if (secret.providerSlug() != null) {
                keys.merge(secret.providerSlug(), 1, Integer::sum);
            }
        }
        Set<String> projectNames = new HashSet<>();
        Set<String> envVars = new HashSet<>();
        for (ProjectInfo project : session.projects().list()) {
            projectNames.add(project.name());
            session.projects().links(project.name()).forEach(link -> envVars.add(link.envVar()));
        }
        Set<String> capabilities = new HashSet<>();
        for (ProviderInfo provider : session.providers().list()) {
            if (keys.containsKey(provider.slug())) {
                // Catalog names are identifiers (image_generation); prose says "image generation".
                provider.capabilities().forEach(c -> capabilities.add(c.replace('_', ' ').toLowerCase(Locale.ROOT)));
            }
        }
        return new UserContext(keys, secretNames, projectNames, envVars, capabilities);
    }
}
