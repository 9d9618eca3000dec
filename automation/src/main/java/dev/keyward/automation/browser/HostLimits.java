package dev.keyward.automation.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * The hosts a browser or context may reach at all, below Playwright's routing: Chromium's host resolver rules
 * (launch-wide) and a proxy bypass list (per context; every other host goes to a {@link DeadEndProxy}). Entries
 * follow {@code allowed_domains}: a domain name admits itself and its subdomains; an IP address or
 * {@code localhost} admits only itself.
 */
public record HostLimits(List<String> allowedDomains) {

    public HostLimits {
        allowedDomains = List.copyOf(allowedDomains);
    }

    /**
     * {@code --host-resolver-rules}: every name resolves to nothing except the allowed ones. Chromium applies
     * the rules to IP literals too, so an unlisted address is as unreachable as an unlisted name.
     */
    public String resolverRules() {
        List<String> rules = new ArrayList<>();
        rules.add("MAP * ~NOTFOUND");
        for (String host : patterns()) {
            rules.add("EXCLUDE " + host);
        }
        return String.join(", ", rules);
    }

    /**
     * The proxy bypass list for a context: the allowed hosts go direct, everything else (loopback included,
     * Playwright adds {@code <-loopback>}) goes to the dead-end proxy and fails.
     */
    public String proxyBypass() {
        return String.join(",", patterns());
    }

    private List<String> patterns() {
        List<String> out = new ArrayList<>();
        for (String entry : allowedDomains) {
            out.add(entry);
            if (isName(entry)) {
                out.add("*." + entry);
            }
        }
        return out;
    }

    private static boolean isName(String entry) {
        return !"localhost".equals(entry) && !entry.matches("[0-9.]+") && !entry.startsWith("[");
    }
}
