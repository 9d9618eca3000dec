package dev.keyward.vault.redact;

import dev.keyward.vault.crypto.Wipe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Scrubs secret values from every string that leaves the vault (log lines, error columns,
 * checkpoint context, prompts, debug artefacts): the session's own values, loaded on first use,
 * and common API-key formats.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";
    /** Values shorter than this are not searched for: they would mask ordinary words. */
    static final int MIN_VALUE_LENGTH = 6;

    private static final List<Pattern> KEY_FORMATS = List.of(
            Pattern.compile("(?i)\\b(bearer|token|basic)\\s+[A-Za-z0-9._~+/=-]{8,}"),
            Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}"),
            Pattern.compile("\\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}|\\bgithub_pat_[A-Za-z0-9_]{20,}"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{30,}"),
            Pattern.compile("\\b(?:hf|gsk|r8|re|dop_v1)_[A-Za-z0-9_]{16,}"),
            Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"));

    private final Supplier<List<char[]>> loader;
    private List<char[]> values;

    /** @param loader decrypts the session's secret values when first needed */
    public Redactor(Supplier<List<char[]>> loader) {
        this.loader = loader;
    }

    /** A redactor that knows only the key formats (before a profile is unlocked). */
    public static Redactor formatsOnly() {
        return new Redactor(List::of);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        List<char[]> known;
        synchronized (this) {
            // A copy: background jobs redact while the user adds secrets (remember) on another thread.
            known = new ArrayList<>(values());
        }
        for (char[] value : known) {
            if (value.length >= MIN_VALUE_LENGTH) {
                out = out.replace(new String(value), MASK);
            }
        }
        for (Pattern p : KEY_FORMATS) {
            out = p.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    /** Adds a value the session just learned (a new secret or version). */
    public synchronized void remember(char[] value) {
        values().add(value.clone());
    }

    /** Wipes what the redactor holds (lock and stop). */
    public synchronized void wipe() {
        if (values != null) {
            values.forEach(Wipe::chars);
            values.clear();
        }
    }

    private synchronized List<char[]> values() {
        if (values == null) {
            values = new ArrayList<>(loader.get());
        }
        return values;
    }
}
