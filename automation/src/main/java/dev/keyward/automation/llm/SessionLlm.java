package dev.keyward.automation.llm;

import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.settings.ProfileSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens the profile's LLM: endpoint and model from the settings {@code llm_base_url} and
 * {@code llm_model}, the API key from the vault secret named in {@code llm_api_key_secret}, and a
 * {@link PromptGuard} built on the session's redactor.
 */
public final class SessionLlm {

    /** How long one chat request may take; local models on a laptop can be slow. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private SessionLlm() {}

    /** The configured client, or empty when no endpoint and model are set (features fall back to rules). */
    public static Optional<LlmClient> open(VaultSession session, HttpClient http, Duration timeout) {
        ProfileSettings settings = session.settings().current();
        if (!settings.llmConfigured()) {
            return Optional.empty();
        }
        char[] key = null;
        try {
            if (settings.llmApiKeySecret() != null) {
                try {
                    key = session.secrets().reveal(settings.llmApiKeySecret(), SecretService.Purpose.READ);
                } catch (NotFoundException e) {
                    throw new NotFoundException("llm_api_key_secret names '" + settings.llmApiKeySecret()
                            + "', which is not in the vault; add that secret or clear the setting.", e);
                }
            }
            return Optional.of(new LlmClient(http, URI.create(settings.llmBaseUrl()), settings.llmModel(), key,
                    timeout, new PromptGuard(session.redactor()::redact)));
        } finally {
            Wipe.chars(key); // the client keeps its own copy and wipes it on close
        }
    }
}
