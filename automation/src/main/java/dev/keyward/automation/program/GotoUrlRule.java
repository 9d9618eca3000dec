package dev.keyward.automation.program;

import dev.keyward.automation.browser.DomainPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The static part of the navigation rule: a {@code goto} URL is absolute http(s) on an allowed host. What
 * depends on run-time inputs is checked by the runner with {@link DomainPolicy#allows(URI)}.
 */
final class GotoUrlRule {

    private GotoUrlRule() {}

    /** What is wrong with the URL, as the end of a sentence, or empty when it passes or cannot be judged yet. */
    static Optional<String> problem(String url, StepProgram program) {
        PlaceholderScanner.Scan scan = PlaceholderScanner.scan(url);
        if (!scan.wellFormed()) {
            return Optional.empty(); // reported as a malformed placeholder already
        }
        Optional<String> withDefaults = substituteDefaults(url, scan, program);
        if (withDefaults.isPresent()) {
            return judgeWhole(withDefaults.get(), program.domainPolicy());
        }
        String literalStart = url.substring(0, scan.tokens().getFirst().start());
        if (literalStart.isEmpty()) {
            return Optional.empty(); // the placeholder supplies scheme and host; checked at run time
        }
        String lower = literalStart.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.of("must be an absolute http(s) URL, or start with a placeholder that supplies one");
        }
        int authorityStart = lower.indexOf("://") + 3;
        int authorityEnd = firstOf(literalStart, authorityStart);
        if (authorityEnd < 0) {
            return Optional.empty(); // a placeholder is part of the host; checked at run time
        }
        return judgeWhole(literalStart.substring(0, authorityEnd) + "/", program.domainPolicy());
    }

    private static Optional<String> judgeWhole(String url, DomainPolicy policy) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name before the host (user@host); remove it");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no host name");
        }
        if (!policy.allows(uri)) {
            return Optional.of("opens host " + Echo.quoted(uri.getHost())
                    + ", which is not in allowed_domains " + policy.allowedDomains().stream()
                    .map(domain -> Echo.safe(domain) ? domain : Echo.HIDDEN).toList());
        }
        return Optional.empty();
    }

    /** The URL with every placeholder replaced by an input default, if every placeholder is such an input. */
    private static Optional<String> substituteDefaults(String url, PlaceholderScanner.Scan scan, StepProgram program) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (PlaceholderScanner.Token token : scan.tokens()) {
            if (!(token.placeholder() instanceof Placeholder.InputRef ref)) {
                return Optional.empty();
            }
            Optional<String> value = program.input(ref.name()).flatMap(InputDeclaration::defaultIfAny);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            out.append(url, from, token.start()).append(value.get());
            from = token.end();
        }
        return Optional.of(out.append(url, from, url.length()).toString());
    }

    private static int firstOf(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return -1;
    }
}
