package dev.keyward.automation.dashboard.collect;

import java.util.Arrays;

/** Builds auth header values from a key held in a {@code char[]}, wiping the intermediate buffer. */
final class AuthHeaders {

    private AuthHeaders() {
    }

    /**
     * {@code prefix + key} as a String. The JDK HTTP client only takes String header values, so this one
     * String is unavoidable; it lives for one request and is never logged.
     */
    static String value(String prefix, char[] key) {
        char[] buffer = new char[prefix.length() + key.length];
        try {
            prefix.getChars(0, prefix.length(), buffer, 0);
            System.arraycopy(key, 0, buffer, prefix.length(), key.length);
            return new String(buffer);
        } finally {
            Arrays.fill(buffer, '\0');
        }
    }

    static String bearer(char[] key) {
        return value("Bearer ", key);
    }
}
