package dev.keyward.automation.program;

import dev.keyward.automation.browser.EffectContext;
import dev.keyward.automation.browser.ElementFacts;
import dev.keyward.automation.browser.FormFacts;
import dev.keyward.automation.browser.RequestFacts;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies what an action or a request would do (financial, irreversible, api_key, account, billing) from
 * everything known about it: the element and the control around it, every label they carry, the form it submits
 * (where it posts, how, its field and button names, a typed confirmation), the key pressed, the page and the
 * request itself. The result is advice: the strictest type any evidence suggests, with every reason found.
 *
 * <p>A plain link or a GET form only opens a page, so its label is not read, only where it leads: "Buy more
 * info" pointing at a product page asks nothing, while a GET to a {@code /revoke} path does. Everything whose
 * effect a script decides is judged by its labels as well. A bare "confirm" counts only when nothing else does.
 */
public final class EffectClassifier {

    /** Strictest first; the runner asks one checkpoint, of the strictest type. */
    public static final List<CheckpointType> STRICTNESS = List.of(CheckpointType.FINANCIAL,
            CheckpointType.IRREVERSIBLE, CheckpointType.API_KEY, CheckpointType.ACCOUNT, CheckpointType.BILLING,
            CheckpointType.SCRIPT_REVIEW);

    private static final int SHOWN_LABEL_CHARS = 80;

    private EffectClassifier() {}

    /** Advice for an action (a click, or a press when {@link EffectContext#key()} is set) and any request it caused. */
    public static Optional<RiskAdvice> classify(EffectContext context) {
        Findings findings = new Findings();
        if (context.element() != null || context.activator() != null) {
            activation(context, findings);
        }
        if (context.request() != null) {
            request(context.request(), findings);
        }
        return findings.advice();
    }

    /** Advice for a request the page sends, as the network gate holds it. */
    public static Optional<RiskAdvice> classifyRequest(RequestFacts request) {
        Findings findings = new Findings();
        request(request, findings);
        return findings.advice();
    }

    /** Advice for opening an address: payment and billing pages ask, since what follows there costs money. */
    public static Optional<RiskAdvice> navigation(String destination) {
        Findings findings = new Findings();
        pagePath(destination, "the step opens a ", findings);
        return findings.advice();
    }

    /** Keys that activate what has focus: Enter (either one) and Space. */
    public static boolean activates(String key) {
        return key != null && (key.equalsIgnoreCase("Enter") || key.equalsIgnoreCase("NumpadEnter")
                || key.equalsIgnoreCase("Space") || key.equals(" "));
    }

    private static void activation(EffectContext c, Findings findings) {
        ElementFacts element = c.element() != null ? c.element() : c.activator();
        ElementFacts control = c.control();
        String shown = shown(control, element, c.selector());
        boolean enter = c.key() != null && (c.key().equalsIgnoreCase("Enter") || c.key().equalsIgnoreCase("NumpadEnter"));
        boolean submits = control.isSubmitControl() || (enter && element.isTextInput());
        FormFacts form = c.form();

        if (control.isPlainLink() && !submits) {
            destination(control.href(), shown + " opens ", findings);
            return;
        }
        if (submits && form != null && form.readsOnly()) {
            destination(form.action() != null ? form.action() : c.pageUrl(), shown + " submits a search-like (GET) form"
                    + " that opens ", findings);
            return;
        }
        List<String> labels = new ArrayList<>();
        labels.addAll(Arrays.asList(element.labels()));
        if (c.activator() != null && c.activator() != element) {
            labels.addAll(Arrays.asList(c.activator().labels()));
        }
        labels.add(c.selector());
        String[] texts = labels.toArray(String[]::new);
        RiskVocabulary.find(RiskVocabulary.PAYMENT_WORDS, texts).ifPresent(w -> findings.add(CheckpointType.FINANCIAL,
                shown + " reads like a payment ('" + w + "')"));
        RiskVocabulary.find(RiskVocabulary.DESTRUCTIVE_WORDS, texts).ifPresent(w -> findings.add(
                CheckpointType.IRREVERSIBLE, shown + " reads like a destructive action ('" + w + "')"));
        RiskVocabulary.find(RiskVocabulary.KEY_WORDS, texts).ifPresent(w -> findings.add(CheckpointType.API_KEY,
                shown + " creates or rotates a key ('" + w + "')"));
        if (form != null && (submits || form.writes())) {
            formEvidence(form, shown, element, findings);
        }
        if (submits) {
            pagePath(c.pageUrl(), "the step submits a form on a ", findings);
        }
        if (form != null && form.hasPasswordField()) {
            // Signing in is no exception: the first run of a sign-in asks, and auto_approve_repeat lets an approved,
            // unchanged program pass this (account) checkpoint on repeat runs, so a TOTP login stays hands-free.
            findings.add(CheckpointType.ACCOUNT, shown + " submits " + formShown(form) + ", which has a password field");
        }
        RiskVocabulary.find(RiskVocabulary.CONFIRM_WORDS, texts).ifPresent(w -> findings.addWeak(
                CheckpointType.IRREVERSIBLE, shown + " confirms an action that may not be undone"));
    }

    private static void formEvidence(FormFacts form, String shown, ElementFacts element, Findings findings) {
        String where = formShown(form);
        if (form.writes()) {
            String path = pathOf(form.action());
            if (path != null) {
                writePath(path, shown + " submits " + where + " to '" + clip(path) + "', ", findings);
            }
            for (String field : form.fieldNames()) {
                if (field != null && RiskVocabulary.PAYMENT_FIELDS.matcher(field).matches() && Echo.safe(field)) {
                    findings.add(CheckpointType.FINANCIAL, shown + " submits " + where + " with the field '"
                            + clip(field) + "', which reads like an order (quantity, amount, plan or price)");
                    break;
                }
            }
        }
        String[] buttons = form.submitLabels().toArray(String[]::new);
        RiskVocabulary.find(RiskVocabulary.PAYMENT_WORDS, buttons).ifPresent(w -> findings.add(CheckpointType.FINANCIAL,
                shown + " submits " + where + ", whose submit button reads like a payment ('" + w + "')"));
        RiskVocabulary.find(RiskVocabulary.DESTRUCTIVE_WORDS, buttons).ifPresent(w -> findings.add(
                CheckpointType.IRREVERSIBLE, shown + " submits " + where + ", whose submit button reads like a"
                        + " destructive action ('" + w + "')"));
        RiskVocabulary.find(RiskVocabulary.KEY_WORDS, buttons).ifPresent(w -> findings.add(CheckpointType.API_KEY,
                shown + " submits " + where + ", whose submit button creates or rotates a key ('" + w + "')"));
        if (!form.hasPasswordField() && form.text() != null && RiskVocabulary.TYPED_CONFIRMATION.matcher(form.text()).find()) {
            findings.add(CheckpointType.IRREVERSIBLE, shown + " submits " + where + ", which asks for a name to be"
                    + " typed to confirm: the way destructive actions are confirmed");
        }
    }

    private static void request(RequestFacts request, Findings findings) {
        String what = "the request " + (request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT) + " ")
                + clip(request.path() == null ? "/" : request.path());
        if (!request.writes()) {
            destination(request.path(), what + " opens ", findings);
            return;
        }
        if (request.method() != null && request.method().equalsIgnoreCase("DELETE")) {
            findings.add(CheckpointType.IRREVERSIBLE, what + " deletes something (method DELETE)");
        }
        if (request.path() != null) {
            writePath(request.path(), what + " ", findings);
        }
        for (String field : request.bodyFieldNames()) {
            if (field == null || !Echo.safe(field)) {
                continue;
            }
            if (RiskVocabulary.PAYMENT_FIELDS.matcher(field).matches()) {
                findings.add(CheckpointType.FINANCIAL, what + " sends the field '" + clip(field)
                        + "', which reads like an order (quantity, amount, plan or price)");
            } else if (field.toLowerCase(Locale.ROOT).contains("password")) {
                findings.add(CheckpointType.ACCOUNT, what + " sends a password field");
            }
        }
    }

    /** A state-changing request's path (a form's action or a request's): every kind of word counts. */
    private static void writePath(String path, String prefix, Findings findings) {
        RiskVocabulary.find(RiskVocabulary.PAYMENT_PATH_WRITE, path).ifPresent(w -> findings.add(
                CheckpointType.FINANCIAL, prefix + "which reads like a payment ('" + w + "' in the path)"));
        RiskVocabulary.find(RiskVocabulary.DESTRUCTIVE_PATH_WRITE, path).ifPresent(w -> findings.add(
                CheckpointType.IRREVERSIBLE, prefix + "which reads like a destructive action ('" + w + "' in the path)"));
        RiskVocabulary.find(RiskVocabulary.KEY_PATH_WRITE, path).ifPresent(w -> findings.add(CheckpointType.API_KEY,
                prefix + "which changes keys ('" + w + "' in the path)"));
        RiskVocabulary.find(RiskVocabulary.BILLING_PATH, path).ifPresent(w -> findings.add(CheckpointType.BILLING,
                prefix + "which changes billing ('" + w + "' in the path)"));
    }

    /** Where a GET leads: a destructive endpoint, a payment page or a billing page. */
    private static void destination(String url, String prefix, Findings findings) {
        String path = pathOf(url);
        if (path == null) {
            return;
        }
        RiskVocabulary.find(RiskVocabulary.DESTRUCTIVE_PATH, path).ifPresent(w -> findings.add(
                CheckpointType.IRREVERSIBLE, prefix + "an address that reads like a destructive action ('" + w
                        + "' in the path)"));
        RiskVocabulary.find(RiskVocabulary.PAYMENT_PATH, path).ifPresent(w -> findings.add(CheckpointType.FINANCIAL,
                prefix + "a payment page ('" + w + "' in the path)"));
        RiskVocabulary.find(RiskVocabulary.BILLING_PATH, path).ifPresent(w -> findings.add(CheckpointType.BILLING,
                prefix + "a billing page ('" + w + "' in the path)"));
    }

    private static void pagePath(String url, String what, Findings findings) {
        String path = pathOf(url);
        if (path == null) {
            return;
        }
        RiskVocabulary.find(RiskVocabulary.PAYMENT_PATH, path).ifPresent(w -> findings.add(CheckpointType.FINANCIAL,
                what + "payment page ('" + w + "' in the path)"));
        RiskVocabulary.find(RiskVocabulary.BILLING_PATH, path).ifPresent(w -> findings.add(CheckpointType.BILLING,
                what + "billing page ('" + w + "' in the path)"));
    }

    static String pathOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? (uri.isAbsolute() ? null : url)
                    : uri.getRawPath();
        } catch (IllegalArgumentException e) {
            // A template with placeholders left in it: judge the text after the authority, if any.
            int start = url.indexOf("://");
            int slash = url.indexOf('/', start < 0 ? 0 : start + 3);
            return slash < 0 ? null : url.substring(slash).split("[?#]", 2)[0];
        }
    }

    /** How the checkpoint names the control: its name, and what it shows when that differs (a misleading label). */
    private static String shown(ElementFacts control, ElementFacts element, String selector) {
        String name = firstNonBlank(control.accessibleName(), control.ariaLabel(), control.text(), control.title(),
                control.value(), element.accessibleName(), element.text(), element.title());
        if (name == null) {
            return selector == null ? "the target" : "the element '" + clip(selector) + "'";
        }
        String shown = "the control '" + clip(squash(name)) + "'";
        String visible = control.text() == null ? null : squash(control.text());
        if (visible != null && !visible.isBlank() && !visible.equalsIgnoreCase(squash(name))) {
            shown += " (it shows '" + clip(visible) + "')";
        }
        // A label the name does not carry, so the person sees every word the page gave the control.
        String title = control.title() != null ? control.title() : element.title();
        if (title != null && !title.isBlank() && !squash(title).equalsIgnoreCase(squash(name))) {
            shown += " (titled '" + clip(squash(title)) + "')";
        }
        return shown;
    }

    /** Names the form by what it calls itself, never by anything typed into it. */
    private static String formShown(FormFacts form) {
        String name = form.name();
        // A form named by the path it posts to can carry a token (a reset link, a key id): never quote one.
        if (name == null || name.isBlank() || !Echo.safe(name)) {
            return "a form";
        }
        return "the form '" + clip(squash(name)) + "'";
    }

    private static String squash(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String clip(String text) {
        return text.length() <= SHOWN_LABEL_CHARS ? text : text.substring(0, SHOWN_LABEL_CHARS) + "…";
    }

    private static String firstNonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    /** What the evidence says; a weak finding (a bare "confirm") counts only when nothing else does. */
    private static final class Findings {
        private record Finding(CheckpointType type, String reason) {}

        private final List<Finding> strong = new ArrayList<>();
        private final List<Finding> weak = new ArrayList<>();

        void add(CheckpointType type, String reason) {
            strong.add(new Finding(type, reason));
        }

        void addWeak(CheckpointType type, String reason) {
            weak.add(new Finding(type, reason));
        }

        Optional<RiskAdvice> advice() {
            List<Finding> chosen = strong.isEmpty() ? weak : strong;
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            List<Finding> sorted = chosen.stream().sorted(Comparator.comparingInt(f -> STRICTNESS.indexOf(f.type())))
                    .toList();
            return Optional.of(new RiskAdvice(sorted.getFirst().type(), sorted.stream().map(Finding::reason)
                    .distinct().toList()));
        }
    }
}
