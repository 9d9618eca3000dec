package dev.keyward.automation.generate;

import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.vault.provider.ProviderInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The hosts a generated program for a provider may open: those of its website and dashboard. A
 * provider without any (the local practice provider) runs on this computer, so loopback only.
 */
final class ProviderDomains {

    static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost");

    private ProviderDomains() {}

    static List<String> of(ProviderInfo provider) {
        List<String> hosts = new ArrayList<>();
        Stream.of(provider.websiteUrl(), provider.dashboardUrl())
                .map(ProviderDomains::host)
                .filter(h -> h != null && DomainPolicy.isValidEntry(h) && !hosts.contains(h))
                .forEach(hosts::add);
        if (hosts.isEmpty()) {
            return LOOPBACK;
        }
        // platform.example.com adds nothing when example.com is listed: a domain admits its subdomains.
        return hosts.stream().filter(h -> hosts.stream().noneMatch(other -> h.endsWith("." + other))).toList();
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            // www.example.com stands for the site: example.com also admits its dashboard subdomain.
            return host.startsWith("www.") && host.indexOf('.', 4) > 0 ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
