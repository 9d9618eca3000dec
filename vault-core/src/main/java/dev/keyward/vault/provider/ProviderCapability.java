package dev.keyward.vault.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The normalized vocabulary for what a provider's API offers, as written in the catalog. */
public enum ProviderCapability {
    LLM, EMBEDDINGS, IMAGE_GENERATION, SPEECH,
    EMAIL, SMS, VOICE, MESSAGING,
    PAYMENTS, SEARCH, STORAGE, DATABASE, AUTH, MAPS,
    HOSTING, CDN, DNS, MONITORING,
    SOURCE_CONTROL, CI, PACKAGE_REGISTRY, PRODUCTIVITY;

    /** The lower-case name used in {@code catalog.json} and in the database. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The capability whose {@link #dbValue()} is {@code value}, if any. */
    public static Optional<ProviderCapability> fromDbValue(String value) {
        return Arrays.stream(values()).filter(c -> c.dbValue().equals(value)).findFirst();
    }
}
