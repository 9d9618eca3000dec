package dev.keyward.automation.discovery.service;

import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.llm.PromptGuard;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.settings.ProfileSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM the profile configured ({@code llm_base_url}, {@code llm_model}, and the key in the vault secret
 * named by {@code llm_api_key_secret}, if any), opened for one run and closed after it, wiping the key.
 */
final class ConfiguredLlm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredLlm.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final LlmClient client;
    private final PromptGuard guard;

    private ConfiguredLlm(HttpClient http, LlmClient client, PromptGuard guard) {
        this.http = http;
        this.client = client;
        this.guard = guard;
    }

    /** The configured LLM, or empty when none is configured or its key secret is missing. */
    static Optional<ConfiguredLlm> open(VaultSession session, Duration timeout) {
        ProfileSettings settings = session.settings().current();
        if (!settings.llmConfigured()) {
            return Optional.empty();
        }
        char[] key = null;
        if (settings.llmApiKeySecret() != null) {
            try {
                key = session.secrets().reveal(settings.llmApiKeySecret(), SecretService.Purpose.READ);
            } catch (NotFoundException e) {
                LOG.warn("The secret named in llm_api_key_secret does not exist; discovery uses rule-based sentences.");
                return Optional.empty();
            }
        }
        try {
            PromptGuard guard = new PromptGuard(session.redactor()::redact);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT).build();
            LlmClient client = new LlmClient(http, URI.create(settings.llmBaseUrl()), settings.llmModel(), key, timeout,
                    guard);
            return Optional.of(new ConfiguredLlm(http, client, guard));
        } finally {
            Wipe.chars(key);
        }
    }

    LlmClient client() {
        return client;
    }

    PromptGuard guard() {
        return guard;
    }

    @Override
    public void close() {
        client.close();
        http.close();
    }
}
