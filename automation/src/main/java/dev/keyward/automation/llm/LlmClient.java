package dev.keyward.automation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A client for OpenAI-compatible chat completion endpoints ({@code POST {base}/v1/chat/completions}),
 * which a local Ollama serves too. Every prompt passes the {@link PromptGuard} before it is sent.
 */
public final class LlmClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final HttpClient http;
    private final URI endpoint;
    private final String model;
    private final char[] apiKey;
    private final Duration timeout;
    private final PromptGuard guard;

    /**
     * @param baseUrl the endpoint without {@code /v1}, e.g. {@code http://127.0.0.1:11434}
     * @param apiKey  the key (copied; wiped by {@link #close()}), or null for endpoints without one
     */
    public LlmClient(HttpClient http, URI baseUrl, String model, char[] apiKey, Duration timeout, PromptGuard guard) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.http = http;
        this.endpoint = URI.create(base + "/v1/chat/completions");
        this.model = model;
        this.apiKey = apiKey == null ? null : apiKey.clone();
        this.timeout = timeout;
        this.guard = guard;
    }

    public String model() {
        return model;
    }

    /** Sends the conversation and returns the assistant's text. */
    public String chat(List<ChatMessage> messages, double temperature) throws LlmException {
        guard.check(messages);
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("temperature", temperature);
        body.put("stream", false);
        ArrayNode list = body.putArray("messages");
        for (ChatMessage m : messages) {
            list.addObject().put("role", m.role()).put("content", m.content());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + new String(apiKey));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new LlmException("The LLM at " + endpoint.getHost() + " did not answer within " + timeout.toSeconds() + " s.");
        } catch (IOException e) {
            throw new LlmException("Could not reach the LLM at " + endpoint.getHost() + ":" + endpoint.getPort()
                    + ". Check llm_base_url and that the server is running.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("The LLM request was cancelled.");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new LlmException("The LLM endpoint refused the API key (HTTP " + status + "). Check the secret named in llm_api_key_secret.");
        }
        if (status == 404) {
            throw new LlmException("The LLM endpoint has no chat completions API or no model '" + model + "' (HTTP 404).");
        }
        if (status / 100 != 2) {
            throw new LlmException("The LLM endpoint answered HTTP " + status + "; try again later.");
        }
        if (response.body().length > MAX_ANSWER_BYTES) {
            throw new LlmException("The LLM's answer was larger than 1 MiB and was ignored.");
        }
        try {
            JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new LlmException("The LLM's answer had no message content.");
            }
            return content.asText();
        } catch (IOException e) {
            throw new LlmException("The LLM's answer was not valid JSON.");
        }
    }

    @Override
    public void close() {
        if (apiKey != null) {
            Arrays.fill(apiKey, '\0');
        }
    }
}
