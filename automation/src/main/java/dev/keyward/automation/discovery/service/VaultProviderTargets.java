package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.ProviderSources;
import dev.keyward.automation.discovery.ProviderTarget;
import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.automation.feeds.WebAddresses;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.session.VaultSession;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the profile's providers into discovery targets: status page and changelog from {@code providers},
 * {@code discovery_enabled} as the watch flag, and the profile's search endpoint for providers the user
 * holds keys for (a search per catalog provider would mostly find news about services the user does not use).
 */
final class VaultProviderTargets {

    private static final Logger LOG = LoggerFactory.getLogger(VaultProviderTargets.class);

    private VaultProviderTargets() {
    }

    /** Targets for every provider, or only for {@code slug} (an unknown slug is a NotFoundException). */
    static List<ProviderTarget> read(VaultSession session, String slug, UserContext context, Duration minInterval) {
        String searchUrl = session.settings().current().discoverySearchUrl();
        List<ProviderInfo> providers = slug == null ? session.providers().list() : List.of(session.providers().get(slug));
        return providers.stream().map(p -> target(p, searchUrl, context, minInterval)).toList();
    }

    private static ProviderTarget target(ProviderInfo p, String searchUrl, UserContext context, Duration minInterval) {
        URI status = web(p.slug(), "status page", p.statusPageUrl()).orElse(null);
        URI changelog = web(p.slug(), "changelog feed", p.changelogFeedUrl()).orElse(null);
        URI search = context.keysFor(p.slug()) > 0 ? web(p.slug(), "search endpoint", searchUrl).orElse(null) : null;
        boolean enabled = p.discoveryEnabled() == null || p.discoveryEnabled();
        return new ProviderTarget(p.id(), p.slug(), p.name(), enabled,
                new ProviderSources(status, changelog, search, null), minInterval);
    }

    // Stored addresses were checked when set, but a fragment or an odd scheme must not stop the whole run.
    private static Optional<URI> web(String slug, String what, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<URI> uri = WebAddresses.parse(text, null).filter(u -> u.getRawFragment() == null);
        if (uri.isEmpty()) {
            LOG.warn("The {} address of provider {} is not a plain http(s) address; discovery leaves it out.", what,
                    slug);
        }
        return uri;
    }
}
