package dev.keyward.vault.provider;

import java.util.Optional;
import java.util.regex.Pattern;

/** Detects a key's provider from its format (temporary stand-in until the full catalog lands). */
public final class KeyFormatDetector {
    private static final KeyFormatDetector BUILT_IN = new KeyFormatDetector();

    public static KeyFormatDetector builtIn() {
        return BUILT_IN;
    }

    public Optional<String> detect(CharSequence value) {
        return Pattern.matches("sk-(proj-)?[A-Za-z0-9_-]{20,}", value) ? Optional.of("openai") : Optional.empty();
    }
}
