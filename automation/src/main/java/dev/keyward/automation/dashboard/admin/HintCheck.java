package dev.keyward.automation.dashboard.admin;

/** Tells whether a vault secret's value fits a provider's redacted hint; the value never leaves the implementation. */
@FunctionalInterface
public interface HintCheck {

    boolean fits(String secretId, String hint);

    /**
     * True when {@code value} starts with the hint's visible prefix and ends with its visible tail. The hint is
     * the provider's redacted form: visible prefix, a run of dots or stars, visible tail.
     */
    static boolean fits(char[] value, String hint) {
        if (value == null || hint == null) {
            return false;
        }
        int maskStart = -1;
        int maskEnd = -1;
        for (int i = 0; i < hint.length(); i++) {
            char c = hint.charAt(i);
            if (c == '.' || c == '*') {
                if (maskStart < 0) {
                    maskStart = i;
                }
                maskEnd = i + 1;
            } else if (maskStart >= 0) {
                break;
            }
        }
        if (maskStart < 0) {
            return false;
        }
        String prefix = hint.substring(0, maskStart);
        String tail = hint.substring(maskEnd);
        if (tail.isEmpty() || value.length < prefix.length() + tail.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (value[i] != prefix.charAt(i)) {
                return false;
            }
        }
        int offset = value.length - tail.length();
        for (int i = 0; i < tail.length(); i++) {
            if (value[offset + i] != tail.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
