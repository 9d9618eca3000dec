package dev.keyward.automation.discovery.service;

import dev.keyward.automation.net.ConditionalCache;
import dev.keyward.automation.net.Validators;
import dev.keyward.automation.discovery.store.SourceValidatorRepository;
import dev.keyward.vault.session.VaultSession;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ConditionalCache} kept in the vault ({@code discovery_source_validators}), so conditional requests
 * survive lock-and-stop, new CLI processes and the daily schedule.
 *
 * <p>What a fetch teaches is staged and written by {@link #commit(Connection)} in the transaction that stores the
 * provider's findings: if that store fails, the next run downloads the documents again instead of taking a 304
 * for items that were never kept. Forgetting (a document that could not be parsed) is written at once, for the
 * same reason. An address or validator that the redactor would change is never stored.
 */
final class VaultConditionalCache implements ConditionalCache {

    /** A staged change: validators to store, or none to drop the stored ones. */
    private record Staged(Optional<Validators> validators) {
    }

    private final VaultSession session;
    private final SourceValidatorRepository repository;
    private final Map<String, Staged> staged = new ConcurrentHashMap<>();

    VaultConditionalCache(VaultSession session) {
        this.session = Objects.requireNonNull(session, "session");
        this.repository = new SourceValidatorRepository(session.profileId());
    }

    @Override
    public Optional<Validators> lookup(URI url) {
        String key = storable(url);
        if (key == null || !session.automationEnabled()) {
            return Optional.empty();
        }
        Staged pending = staged.get(key);
        if (pending != null) {
            return pending.validators();
        }
        return session.database().read(c -> repository.find(c, key));
    }

    @Override
    public void remember(URI url, Validators validators) {
        String key = storable(url);
        if (key == null) {
            return;
        }
        boolean keep = validators.isPresent() && unchanged(validators.etag()) && unchanged(validators.lastModified());
        staged.put(key, new Staged(keep ? Optional.of(validators) : Optional.empty()));
    }

    @Override
    public void forget(URI url) {
        String key = storable(url);
        if (key == null) {
            return;
        }
        staged.remove(key);
        if (session.automationEnabled()) {
            session.database().write(c -> {
                repository.delete(c, key);
                return null;
            });
        }
    }

    /** Writes what the fetches since the last commit taught, inside the caller's transaction. */
    void commit(Connection c) throws SQLException {
        for (String key : staged.keySet()) {
            Staged change = staged.remove(key);
            if (change == null) {
                continue;
            }
            if (change.validators().isPresent()) {
                repository.upsert(c, key, change.validators().get(), session.clock().instant());
            } else {
                repository.delete(c, key);
            }
        }
    }

    /** Drops what was staged and not committed (the findings it belongs to were not stored). */
    void discard() {
        staged.clear();
    }

    private String storable(URI url) {
        String text = url.toString();
        return unchanged(text) ? text : null;
    }

    private boolean unchanged(String text) {
        return text == null || text.equals(session.redactor().redact(text));
    }
}
