package dev.keyward.automation.dashboard.admin;

import java.util.Optional;

/**
 * Recognises admin keys by their documented prefixes: OpenAI admin keys start {@code sk-admin-}
 * (OpenAI "Administration" guide), Anthropic admin keys {@code sk-ant-admin01-} (Anthropic Admin API
 * overview). Only the prefix is looked at.
 */
public final class AdminKeyFormat {

    private AdminKeyFormat() {
    }

    /** The provider slug whose admin key {@code value} looks like, if it looks like one. */
    public static Optional<String> providerOf(char[] value) {
        if (startsWith(value, "sk-ant-admin01-")) {
            return Optional.of("anthropic");
        }
        if (startsWith(value, "sk-admin-")) {
            return Optional.of("openai");
        }
        return Optional.empty();
    }

    /** True for the providers Keyward can read an organisation from with an admin key. */
    public static boolean supports(String providerSlug) {
        return "openai".equals(providerSlug) || "anthropic".equals(providerSlug);
    }

    private static boolean startsWith(char[] value, String prefix) {
        if (value == null || value.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (value[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
