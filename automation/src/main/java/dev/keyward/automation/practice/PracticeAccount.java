package dev.keyward.automation.practice;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one demo account of Practice Cloud: its credentials, its optional TOTP seed and every sign-in attempt.
 */
public final class PracticeAccount {

    /** Default user name of the demo account. */
    public static final String DEFAULT_USERNAME = "demo@practice.test";
    /** Default password of the demo account; a published practice value, not a secret. */
    public static final String DEFAULT_PASSWORD = "practice-password";

    /** What one sign-in attempt came to. */
    public enum Outcome {
        /** Password accepted and no second step needed, or the second step passed. */
        SIGNED_IN,
        /** Password accepted; the account wants a TOTP code next. */
        TOTP_REQUIRED,
        /** Unknown user name or wrong password. */
        WRONG_PASSWORD,
        /** The TOTP code did not match. */
        WRONG_TOTP
    }

    /** One sign-in attempt; the password and code themselves are never kept. */
    public record LoginEvent(Instant at, String username, Outcome outcome) {
    }

    private String username = DEFAULT_USERNAME;
    private String password = DEFAULT_PASSWORD;
    private String totpSeed;
    private final List<LoginEvent> events = new ArrayList<>();

    PracticeAccount() {
    }

    /** Replaces the demo account's credentials. */
    public synchronized void setCredentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** Turns on the TOTP second step with a base32 seed. */
    public synchronized void enableTotp(String base32Seed) {
        Totp.decodeBase32(base32Seed); // fail now, not at the first sign-in
        this.totpSeed = base32Seed;
    }

    /** Turns the TOTP second step off again. */
    public synchronized void disableTotp() {
        this.totpSeed = null;
    }

    /** The demo account's user name. */
    public synchronized String username() {
        return username;
    }

    /** The TOTP seed when the second step is on. */
    public synchronized Optional<String> totpSeed() {
        return Optional.ofNullable(totpSeed);
    }

    /** Every sign-in attempt so far, oldest first. */
    public synchronized List<LoginEvent> logins() {
        return List.copyOf(events);
    }

    /** Whether any attempt has reached {@link Outcome#SIGNED_IN}. */
    public synchronized boolean everSignedIn() {
        return events.stream().anyMatch(e -> e.outcome() == Outcome.SIGNED_IN);
    }

    synchronized Outcome checkPassword(String givenUser, String givenPassword, Instant at) {
        boolean ok = equalsConstantTime(username, givenUser) & equalsConstantTime(password, givenPassword);
        Outcome outcome = !ok ? Outcome.WRONG_PASSWORD : totpSeed == null ? Outcome.SIGNED_IN : Outcome.TOTP_REQUIRED;
        events.add(new LoginEvent(at, givenUser == null ? "" : givenUser, outcome));
        return outcome;
    }

    synchronized Outcome checkTotp(String code, Instant at) {
        // The second step only runs after a password check for this very account.
        boolean ok = totpSeed == null || Totp.verify(totpSeed, code, at);
        Outcome outcome = ok ? Outcome.SIGNED_IN : Outcome.WRONG_TOTP;
        events.add(new LoginEvent(at, username, outcome));
        return outcome;
    }

    private static boolean equalsConstantTime(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
