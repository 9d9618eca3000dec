package dev.keyward.vault.scan;

import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretService;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a scan looks for, each with the secret and version it belongs to. Holds them as
 * {@code char[]} until {@link #close()} wipes them; build the {@link ValueMatcher} in between.
 */
public final class KnownValues implements AutoCloseable {

    /** One value and whose it is. */
    record Entry(KnownValue owner, char[] value) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** No values: a scan by key formats alone. */
    public static KnownValues none() {
        return new KnownValues();
    }

    /** Every version of every secret in the vault (one audit entry records the read). */
    public static KnownValues readAll(SecretService secrets) {
        KnownValues known = new KnownValues();
        for (SecretService.VersionValue stored : secrets.allVersionsForScan()) {
            known.entries.add(new Entry(new KnownValue(stored.name(), stored.version(), stored.current(), stored.last4()),
                    stored.value()));
        }
        return known;
    }

    /** Adds a copy of {@code value} (the caller keeps and wipes its own array). */
    public KnownValues add(KnownValue owner, char[] value) {
        entries.add(new Entry(owner, value.clone()));
        return this;
    }

    List<Entry> entries() {
        return entries;
    }

    /** How many values this holds. */
    public int size() {
        return entries.size();
    }

    @Override
    public void close() {
        entries.forEach(entry -> Wipe.chars(entry.value()));
        entries.clear();
    }
}
