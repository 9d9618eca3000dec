package dev.keyward.automation.runner;

import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.vault.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hosts a page handed to a person may reach: the run's allowed domains, plus the ones the person added in
 * the handoff dialog (a payment processor on another host, say). Only a person widens them, never the program,
 * and never by removing: an entry left out of the answer stays allowed.
 *
 * @param allowed the run's {@code allowed_domains}
 * @param added   the hosts the person added, each a valid {@code allowed_domains} entry not already allowed
 */
public record HandoffHosts(List<String> allowed, List<String> added) {

    public HandoffHosts {
        allowed = List.copyOf(allowed);
        added = List.copyOf(added);
    }

    /** No widening: the run's limits as they are. */
    public static HandoffHosts unchanged(List<String> allowed) {
        return new HandoffHosts(allowed, List.of());
    }

    /**
     * Reads the person's answer: host names separated by commas or spaces (a pasted URL gives its host).
     *
     * @throws InvalidInputException when an entry is not a host name, an IPv4 address or {@code localhost}
     */
    public static HandoffHosts parse(List<String> allowed, String answer) {
        Set<String> added = new LinkedHashSet<>();
        for (String raw : (answer == null ? "" : answer).split("[,\\s]+")) {
            String host = hostOf(raw);
            if (host.isEmpty() || allowed.contains(host)) {
                continue;
            }
            if (!DomainPolicy.isValidEntry(host)) {
                throw new InvalidInputException("'" + host + "' is not a host name: a domain with a dot, an IPv4"
                        + " address or localhost, without a wildcard.");
            }
            added.add(host);
        }
        return new HandoffHosts(allowed, new ArrayList<>(added));
    }

    /** Whether the person added any host. */
    public boolean widened() {
        return !added.isEmpty();
    }

    /** Allowed and added hosts, in that order. */
    public List<String> all() {
        List<String> all = new ArrayList<>(allowed);
        all.addAll(added);
        return all;
    }

    private static String hostOf(String raw) {
        String text = raw.strip().toLowerCase(Locale.ROOT);
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            text = text.substring(scheme + 3);
        }
        int end = text.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int at = text.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        text = text.substring(0, end);
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
