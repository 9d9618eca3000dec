package dev.keyward.automation.dashboard.store;

import java.util.Locale;

/**
 * The naming convention for a provider's dashboard sign-in: the secrets {@code <slug>-username}
 * and {@code <slug>-password} hold the web console's user name and password. They are login
 * credentials, not API keys, so the dashboard neither collects nor shows them.
 */
public final class LoginSecrets {

    private LoginSecrets() {
    }

    /** The secret that holds the console user name of {@code providerSlug}. */
    public static String usernameSecret(String providerSlug) {
        return providerSlug + "-username";
    }

    /** The secret that holds the console password of {@code providerSlug}. */
    public static String passwordSecret(String providerSlug) {
        return providerSlug + "-password";
    }

    /** True when {@code secretName} is one of the two sign-in secrets of {@code providerSlug}. */
    public static boolean isLoginSecret(String secretName, String providerSlug) {
        if (secretName == null || providerSlug == null) {
            return false;
        }
        String name = secretName.toLowerCase(Locale.ROOT);
        return name.equals(usernameSecret(providerSlug)) || name.equals(passwordSecret(providerSlug));
    }
}
