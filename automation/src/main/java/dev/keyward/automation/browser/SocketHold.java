package dev.keyward.automation.browser;

import com.microsoft.playwright.BrowserContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Holds every WebSocket message a page sends until a {@link SocketReview} allows it. Playwright routes no
 * WebSocket frame, so the hold lives in the page: an init script (run in every frame before the page's own
 * scripts) replaces {@code WebSocket.prototype.send} with one that asks the runner through a binding and sends
 * only when the answer is the HMAC of that message under a key made for this context, which the page never
 * sees; a page that tampers with the binding cannot forge an approval. Workers cannot be reached by an init
 * script, so a worker created during a run has no WebSocket, and service workers are blocked by the context.
 */
public final class SocketHold {

    /** Decides one message while the page waits for it; called on Playwright's thread. */
    @FunctionalInterface
    public interface SocketReview {
        /**
         * @param url  the socket's address
         * @param text the message, or null for a binary one
         * @param size its length in bytes
         */
        boolean allow(String url, String text, int size);
    }

    private static final String REFUSED = "refused";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SocketHold() {
    }

    /** Installs the hold on a context before its first page opens. */
    public static void install(BrowserContext context, SocketReview review) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String binding = "__keywardSocketHold" + HexFormat.of().formatHex(randomBytes(6));
        context.exposeBinding(binding, (source, args) -> answer(key, review, args));
        context.addInitScript(script().replace("%KEY%", HexFormat.of().formatHex(key)).replace("%BINDING%", binding));
    }

    /** The reply the page's send waits for: the message's HMAC when allowed, anything else refuses. */
    static String answer(byte[] key, SocketReview review, Object... args) {
        if (args.length < 4 || !(args[0] instanceof String url) || !(args[1] instanceof String id)) {
            return REFUSED;
        }
        String text = args[2] instanceof String t ? t : null;
        byte[] payload;
        if (text != null) {
            payload = text.getBytes(StandardCharsets.UTF_8);
        } else if (args[3] instanceof String hex) {
            try {
                payload = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                return REFUSED;
            }
        } else {
            return REFUSED;
        }
        if (!review.allow(url, text, payload.length)) {
            return REFUSED;
        }
        return mac(key, id, payload);
    }

    static String mac(byte[] key, String id, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String script() {
        try (InputStream in = SocketHold.class.getResourceAsStream("socket-hold.js")) {
            if (in == null) {
                throw new IllegalStateException("socket-hold.js is missing from the automation module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
