package dev.keyward.automation.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lets a page's Content-Security-Policy admit the {@code blob:} workers the run's hold starts. Every worker of a
 * run starts from a {@code blob:} script (the hold's prelude, then the page's own script, see {@code
 * socket-hold.js}); a policy that allows workers only from the page's origin would keep them from starting at all.
 * Only the worker directive changes: a policy without one gets a {@code worker-src} copied from the directive
 * workers fall back to ({@code child-src}, {@code script-src}, then {@code default-src}) plus {@code blob:}, so
 * the page's scripts, frames and everything else stay as strict as the page asked.
 */
public final class WorkerPolicy {

    private static final List<String> FALLBACK = List.of("child-src", "script-src", "default-src");

    private WorkerPolicy() {}

    /** One policy (a header value, possibly several comma-separated policies) with blob: workers admitted. */
    public static String admitBlobWorkers(String header) {
        List<String> policies = new ArrayList<>();
        for (String policy : header.split(",")) {
            policies.add(admit(policy));
        }
        return String.join(",", policies);
    }

    private static String admit(String policy) {
        List<String> directives = new ArrayList<>(List.of(policy.split(";")));
        String worker = find(directives, "worker-src");
        if (worker != null) {
            int at = directives.indexOf(worker);
            directives.set(at, withBlob(worker));
            return String.join(";", directives);
        }
        for (String name : FALLBACK) {
            String fallback = find(directives, name);
            if (fallback != null) {
                String sources = fallback.strip().substring(name.length());
                directives.add(" " + withBlob("worker-src" + sources));
                return String.join(";", directives);
            }
        }
        // No directive restricts workers: nothing to admit.
        return policy;
    }

    private static String find(List<String> directives, String name) {
        for (String directive : directives) {
            String[] words = directive.strip().split("\\s+", 2);
            if (words[0].toLowerCase(Locale.ROOT).equals(name)) {
                return directive;
            }
        }
        return null;
    }

    private static String withBlob(String directive) {
        String lower = directive.toLowerCase(Locale.ROOT);
        // '*' does not match blob: in a policy, so only blob: itself admits it.
        if (lower.contains(" blob:")) {
            return directive;
        }
        // 'none' admits nothing; with a source beside it, it would be ignored, so blob: replaces it.
        String cleaned = directive.replaceAll("(?i)\\s'none'", "");
        return cleaned.stripTrailing() + " blob:";
    }
}
