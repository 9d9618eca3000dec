package dev.keyward.vault.env;

import java.util.Objects;

/**
 * One {@code KEY=value} definition read from a {@code .env} file, with the 1-based line its key
 * stands on.
 *
 * <p>{@link #toString()} never shows the value: a {@code .env} file holds secrets, and records
 * end up in log lines and assertion messages.
 */
public record DotenvEntry(String key, String value, int line) {

    public DotenvEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
    }

    @Override
    public String toString() {
        return "DotenvEntry[key=" + key + ", line=" + line + ", value=<hidden, "
                + value.length() + " chars>]";
    }
}
