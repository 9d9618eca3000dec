package dev.keyward.automation.program;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The runner's own risk rules: which checkpoint a step needs from what its target is, whatever the
 * program says. Pure functions of the step and the {@link TargetDescription}; page text is never read.
 *
 * <p>Words match whole words, case-insensitively ("Display" does not read as "pay"). The first rule
 * that matches wins, most specific first: payment words, destructive words, key words, the page being a
 * checkout or billing page, a password form (signing in included), and last a bare "confirm".
 */
public final class RiskRules {

    private static final Pattern PAYMENT_WORDS = words("pay", "pay now", "buy", "buy now", "purchase", "subscribe",
            "upgrade", "checkout", "check out", "place order");
    private static final Pattern DESTRUCTIVE_WORDS = words("delete", "remove", "revoke", "destroy");
    private static final Pattern KEY_WORDS = boundary("rotate|regenerate|roll over"
            + "|(?:create|generate|add)(?:[\\s_-]+new)?(?:[\\s_-]+(?:api|secret|access))?[\\s_-]+(?:key|token)"
            + "|new(?:[\\s_-]+(?:api|secret|access))?[\\s_-]+(?:key|token)");
    private static final Pattern CONFIRM_WORDS = words("confirm");
    private static final Pattern PAYMENT_PATH = words("checkout", "payment", "payments", "pay", "purchase");
    private static final Pattern BILLING_PATH = words("billing");
    private static final int SHOWN_LABEL_CHARS = 80;

    private RiskRules() {}

    /** The checkpoint the step needs before it runs against this target, or empty when none. */
    public static Optional<RequiredCheckpoint> assess(Step step, TargetDescription target) {
        return switch (step) {
            case Step.Click click -> assessActivation(click.selector(), target, target.isSubmitControl());
            case Step.Press press when activates(press.key()) -> assessActivation(press.selector(), target,
                    target.isSubmitControl() || enterInInput(press.key(), target));
            case Step.Goto navigation -> assessNavigation(navigation, target);
            case Step.Fill fill -> cardField(target);
            case Step.Select select -> cardField(target);
            case Step.TotpFill totp -> cardField(target);
            case Step.Press press -> cardField(target);
            // Reading, waiting, screenshots, checkpoints and the payment handoff change nothing.
            case Step.WaitFor w -> Optional.empty();
            case Step.Expect e -> Optional.empty();
            case Step.Extract e -> Optional.empty();
            case Step.Screenshot s -> Optional.empty();
            case Step.Checkpoint c -> Optional.empty();
            case Step.HandoffPayment h -> Optional.empty();
        };
    }

    private static Optional<RequiredCheckpoint> assessActivation(String selector, TargetDescription target,
            boolean submits) {
        String label = join(target.accessibleName(), target.text(), selector);
        String shown = shown(target, selector);
        Optional<String> word = find(PAYMENT_WORDS, label);
        if (word.isPresent()) {
            return need(CheckpointType.FINANCIAL, shown + " reads like a payment ('" + word.get() + "')");
        }
        word = find(DESTRUCTIVE_WORDS, label);
        if (word.isPresent()) {
            return need(CheckpointType.IRREVERSIBLE, shown + " reads like a destructive action ('" + word.get() + "')");
        }
        word = find(KEY_WORDS, label);
        if (word.isPresent()) {
            return need(CheckpointType.API_KEY, shown + " creates or rotates a key ('" + word.get() + "')");
        }
        if (submits) {
            Optional<RequiredCheckpoint> byPage = pathRule(target.url(), "submits a form on a ");
            if (byPage.isPresent()) {
                return byPage;
            }
        }
        if (target.formHasPasswordField()) {
            // Signing in is no exception: the first run of a sign-in asks, and auto_approve_repeat lets an approved,
            // unchanged program pass this (account) checkpoint on repeat runs, so a TOTP login stays hands-free.
            return need(CheckpointType.ACCOUNT, shown + " submits " + formShown(target) + ", which has a password field");
        }
        word = find(CONFIRM_WORDS, label);
        if (word.isPresent()) {
            return need(CheckpointType.IRREVERSIBLE, shown + " confirms an action that may not be undone");
        }
        return Optional.empty();
    }

    private static Optional<RequiredCheckpoint> assessNavigation(Step.Goto step, TargetDescription target) {
        String destination = target.url() != null ? target.url()
                : step.url() == null ? null : PlaceholderScanner.literalParts(step.url());
        return pathRule(destination, "opens a ");
    }

    private static Optional<RequiredCheckpoint> pathRule(String url, String what) {
        String path = pathOf(url);
        if (path == null) {
            return Optional.empty();
        }
        Optional<String> word = find(PAYMENT_PATH, path);
        if (word.isPresent()) {
            return need(CheckpointType.FINANCIAL, "the step " + what + "payment page ('" + word.get() + "' in the path)");
        }
        word = find(BILLING_PATH, path);
        if (word.isPresent()) {
            return need(CheckpointType.BILLING, "the step " + what + "billing page ('" + word.get() + "' in the path)");
        }
        return Optional.empty();
    }

    private static Optional<RequiredCheckpoint> cardField(TargetDescription target) {
        if (CardFieldPolicy.isCardField(target)) {
            return need(CheckpointType.FINANCIAL, "the target is a payment card field; Keyward never types card"
                    + " data and hands the page to you");
        }
        return Optional.empty();
    }

    private static boolean activates(String key) {
        return key != null && (key.equalsIgnoreCase("Enter") || key.equalsIgnoreCase("Space") || key.equals(" "));
    }

    /** Enter in a text input submits its form. */
    private static boolean enterInInput(String key, TargetDescription target) {
        return key.equalsIgnoreCase("Enter") && "input".equalsIgnoreCase(target.tagName());
    }

    private static String pathOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            return uri.getRawPath() == null ? null : uri.getRawPath();
        } catch (IllegalArgumentException e) {
            // A template with placeholders left in it: judge the text after the authority, if any.
            int start = url.indexOf("://");
            int slash = url.indexOf('/', start < 0 ? 0 : start + 3);
            return slash < 0 ? null : url.substring(slash);
        }
    }

    private static Optional<String> find(Pattern pattern, String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group().toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static Optional<RequiredCheckpoint> need(CheckpointType type, String reason) {
        return Optional.of(new RequiredCheckpoint(type, reason));
    }

    private static String shown(TargetDescription target, String selector) {
        String label = firstNonBlank(target.accessibleName(), target.text());
        if (label == null) {
            return selector == null ? "the target" : "the element '" + clip(selector) + "'";
        }
        return "the control '" + clip(label.strip().replaceAll("\\s+", " ")) + "'";
    }

    /** Names the form by what it calls itself, never by anything typed into it. */
    private static String formShown(TargetDescription target) {
        String name = target.formName();
        // A form named by the path it posts to can carry a token (a reset link, a key id): never quote one.
        if (name == null || name.isBlank() || !Echo.safe(name)) {
            return "a form";
        }
        return "the form '" + clip(name.strip().replaceAll("\\s+", " ")) + "'";
    }

    private static String clip(String text) {
        return text.length() <= SHOWN_LABEL_CHARS ? text : text.substring(0, SHOWN_LABEL_CHARS) + "…";
    }

    private static String firstNonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    private static String join(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" | "));
    }

    /** Whole-word, case-insensitive alternatives; a space in a phrase also matches '-' and '_'. */
    private static Pattern words(String... phrases) {
        return boundary(Arrays.stream(phrases)
                .map(p -> Arrays.stream(p.split(" ")).map(Pattern::quote).collect(Collectors.joining("[\\s_-]+")))
                .collect(Collectors.joining("|")));
    }

    private static Pattern boundary(String alternatives) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
