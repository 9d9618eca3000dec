package dev.keyward.vault.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which request shape a provider's API follows, so one client can serve several providers. */
public enum ApiFamily {
    /** Speaks OpenAI's chat-completions and models endpoints. */
    OPENAI_COMPATIBLE,
    /** Anthropic's messages API. */
    ANTHROPIC,
    /** GitHub's REST API. */
    GITHUB,
    /** Stripe's form-encoded REST API. */
    STRIPE,
    /** A provider-specific REST API. */
    GENERIC,
    /** No API Keyward can call. */
    NONE;

    /** The lower-case name used in {@code catalog.json} and in the database. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family whose {@link #dbValue()} is {@code value}, if any. */
    public static Optional<ApiFamily> fromDbValue(String value) {
        return Arrays.stream(values()).filter(f -> f.dbValue().equals(value)).findFirst();
    }
}
