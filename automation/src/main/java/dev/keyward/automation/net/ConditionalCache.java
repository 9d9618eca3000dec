package dev.keyward.automation.net;

import java.net.URI;
import java.util.Optional;

/** Remembers the validators of each fetched address so the next fetch can be a conditional request. */
public interface ConditionalCache {

    Optional<Validators> lookup(URI url);

    void remember(URI url, Validators validators);

    void forget(URI url);
}
