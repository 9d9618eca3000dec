package dev.keyward.automation.practice;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions of the practice console, keyed by the value of the {@code pc_session} cookie.
 */
final class Sessions {

    static final String COOKIE = "pc_session";

    /** One session; {@code signedIn} is false while the TOTP step is still outstanding. */
    record Session(String token, boolean signedIn) {
        @Override
        public String toString() {
            return "Session[signedIn=" + signedIn + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();

    /** Starts a session; a fresh token each time, so a pre-login cookie never becomes a signed-in one. */
    Session start(boolean signedIn) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), signedIn);
        byToken.put(session.token(), session);
        return session;
    }

    Optional<Session> find(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
    }

    void end(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    static String setCookie(Session session) {
        return COOKIE + "=" + session.token() + "; Path=/; HttpOnly; SameSite=Lax";
    }

    static String clearCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
    }
}
