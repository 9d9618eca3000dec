package dev.keyward.automation.practice;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API keys of the demo account: the pre-seeded one, those created through {@code /keys}, and which were revoked.
 */
public final class KeyLedger {

    /** Name of the key that exists before anyone signs in. */
    public static final String DEFAULT_SEEDED_NAME = "Seeded key";
    /** Value of the pre-seeded key; a published practice value that only this fake server accepts. */
    public static final String DEFAULT_SEEDED_VALUE = "pc_test_seeded0practice0key0000000000001";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_LENGTH = 40;

    /**
     * One API key.
     *
     * @param seeded true for keys put in place by a test or at start, false for keys created through the page
     */
    public record ApiKey(String id, String name, String value, Instant createdAt, Instant revokedAt, boolean seeded) {

        /** Whether the key still authenticates API calls. */
        public boolean active() {
            return revokedAt == null;
        }

        /** The last four characters, which is all the key list ever shows. */
        public String last4() {
            return value.substring(value.length() - 4);
        }

        @Override
        public String toString() {
            // Never let a key value reach a log line or an assertion message.
            return "ApiKey[id=" + id + ", name=" + name + ", last4=" + last4() + ", active=" + active() + "]";
        }
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<ApiKey> keys = new ArrayList<>();
    private int nextId = 1;

    KeyLedger(Clock clock) {
        this.clock = clock;
    }

    /** Adds a key with a known value, e.g. one a test stored in a vault beforehand. */
    public synchronized ApiKey seed(String name, String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() < 8) {
            throw new IllegalArgumentException("A practice API key needs at least 8 characters.");
        }
        return add(name, value, true);
    }

    /** Creates a key with a fresh random value, as the "Create key" button does. */
    public synchronized ApiKey create(String name) {
        StringBuilder value = new StringBuilder("pc_live_");
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return add(name, value.toString(), false);
    }

    /** Revokes the key; returns it as revoked, or empty when there is no such active key. */
    public synchronized Optional<ApiKey> revoke(String id) {
        for (int i = 0; i < keys.size(); i++) {
            ApiKey key = keys.get(i);
            if (key.id().equals(id) && key.active()) {
                ApiKey revoked = new ApiKey(key.id(), key.name(), key.value(), key.createdAt(), clock.instant(), key.seeded());
                keys.set(i, revoked);
                return Optional.of(revoked);
            }
        }
        return Optional.empty();
    }

    /** The key with this id, active or not. */
    public synchronized Optional<ApiKey> find(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The active key whose value is {@code token}, compared in constant time. */
    public synchronized Optional<ApiKey> findActiveByValue(String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        ApiKey match = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(key.value().getBytes(StandardCharsets.UTF_8), given) && key.active()) {
                match = key;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Every key, oldest first. */
    public synchronized List<ApiKey> all() {
        return List.copyOf(keys);
    }

    /** Keys created through the "Create key" button, oldest first. */
    public synchronized List<ApiKey> created() {
        return keys.stream().filter(k -> !k.seeded()).toList();
    }

    /** Keys that have been revoked, in list order. */
    public synchronized List<ApiKey> revoked() {
        return keys.stream().filter(k -> !k.active()).toList();
    }

    private ApiKey add(String name, String value, boolean seeded) {
        String cleanName = name == null || name.isBlank() ? "Key " + nextId : name.strip();
        ApiKey key = new ApiKey("key_" + nextId++, cleanName, value, clock.instant(), null, seeded);
        keys.add(key);
        return key;
    }
}
