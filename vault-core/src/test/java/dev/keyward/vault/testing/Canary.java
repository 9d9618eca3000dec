package dev.keyward.vault.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A distinctive secret value planted to prove that it never shows up where it must not: in
 * files, logs, output or error messages. Searches cover the encodings a careless write would
 * produce (UTF-8, UTF-16, hex, Base64 at every alignment).
 */
public record Canary(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh canary that matches no common API-key format (so format-based redaction cannot hide a leak). */
    public static Canary fresh(String tag) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return new Canary("kwcanary." + tag + "." + HexFormat.of().formatHex(random));
    }

    /** A fresh canary shaped like an OpenAI key, so provider detection and format redaction see it too. */
    public static Canary openAiShaped() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return new Canary("sk-proj-kwcanary" + HexFormat.of().formatHex(random));
    }

    public char[] chars() {
        return value.toCharArray();
    }

    public boolean foundIn(String text) {
        return text != null && text.contains(value);
    }

    /** The first encoding of this canary found in {@code bytes}, or null. */
    public String encodingFoundIn(byte[] bytes) {
        for (Needle needle : needles()) {
            if (indexOf(bytes, needle.bytes()) >= 0) {
                return needle.encoding();
            }
        }
        return null;
    }

    private record Needle(String encoding, byte[] bytes) {
    }

    private List<Needle> needles() {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        List<Needle> out = new ArrayList<>();
        out.add(new Needle("UTF-8", utf8));
        out.add(new Needle("UTF-16LE", value.getBytes(StandardCharsets.UTF_16LE)));
        out.add(new Needle("UTF-16BE", value.getBytes(StandardCharsets.UTF_16BE)));
        out.add(new Needle("hex", HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII)));
        for (int shift = 0; shift < 3; shift++) {
            // Base64 of the value preceded by 0-2 other bytes: only the middle characters are
            // determined by the value alone, so the first and last group are left out.
            byte[] shifted = new byte[shift + utf8.length];
            System.arraycopy(utf8, 0, shifted, shift, utf8.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            String middle = encoded.substring(4, encoded.length() - 4);
            out.add(new Needle("Base64/" + shift, middle.getBytes(StandardCharsets.US_ASCII)));
        }
        return out;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
