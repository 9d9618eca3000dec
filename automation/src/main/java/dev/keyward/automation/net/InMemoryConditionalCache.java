package dev.keyward.automation.net;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ConditionalCache} that lives as long as the process; enough for one app session. */
public final class InMemoryConditionalCache implements ConditionalCache {

    private final Map<URI, Validators> byUrl = new ConcurrentHashMap<>();

    @Override
    public Optional<Validators> lookup(URI url) {
        return Optional.ofNullable(byUrl.get(url));
    }

    @Override
    public void remember(URI url, Validators validators) {
        if (validators.isPresent()) {
            byUrl.put(url, validators);
        } else {
            byUrl.remove(url);
        }
    }

    @Override
    public void forget(URI url) {
        byUrl.remove(url);
    }
}
