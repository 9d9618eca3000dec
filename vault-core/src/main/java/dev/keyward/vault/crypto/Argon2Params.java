package dev.keyward.vault.crypto;

/**
 * Argon2id cost parameters stored per profile. Anything below {@link #FLOOR} is refused when a
 * header is read, so editing a header cannot downgrade the key derivation.
 *
 * @param memoryKib   memory in KiB
 * @param iterations  passes over memory
 * @param parallelism lanes
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {

    /** Keyward's defaults: above OWASP's minimum on memory and passes. */
    public static final Argon2Params DEFAULT = new Argon2Params(64 * 1024, 3, 4);

    /** OWASP's minimum recommendation for Argon2id (19 MiB, 2 passes, 1 lane). */
    public static final Argon2Params FLOOR = new Argon2Params(19 * 1024, 2, 1);

    /** Upper bounds that keep a hostile header from exhausting memory or time. */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 64;

    public boolean meetsFloor() {
        return memoryKib >= FLOOR.memoryKib && iterations >= FLOOR.iterations && parallelism >= FLOOR.parallelism;
    }

    public boolean withinLimits() {
        return memoryKib <= MAX_MEMORY_KIB && iterations <= MAX_ITERATIONS && parallelism <= MAX_PARALLELISM
                && memoryKib >= 8 * parallelism;
    }

    @Override
    public String toString() {
        return "m=" + memoryKib + "KiB,t=" + iterations + ",p=" + parallelism;
    }
}
