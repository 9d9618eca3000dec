package dev.keyward.automation.runner;

import dev.keyward.automation.program.CheckpointType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Advice on what a held request does, from its method, path and field names and values: it only chooses the
 * checkpoint's type and wording (and so whether it may ever be auto-approved), never whether the request is
 * held. Rules run strictest first, and a request with no hint at all is {@code irreversible}: Keyward cannot
 * tell what it changes.
 */
final class RequestClassifier {

    /** The advised type and the hint behind it. */
    record Advice(CheckpointType type, String reason) {}

    private static final Pattern FINANCIAL = words("pay", "payment", "payments", "checkout", "purchase", "purchases",
            "order", "orders", "buy", "subscribe", "subscription", "subscriptions", "upgrade", "invoice", "charge",
            "credits", "topup", "top-up", "cart", "plan", "price", "amount", "quantity", "qty", "kaufen", "bezahlen",
            "bestellen", "acheter", "payer", "commande", "comprar", "pagar", "pedido", "acquista", "paga");
    private static final Pattern IRREVERSIBLE = words("delete", "remove", "revoke", "destroy", "cancel", "terminate",
            "erase", "purge", "disable", "deactivate", "close", "confirm", "löschen", "loeschen", "entfernen",
            "widerrufen", "supprimer", "révoquer", "eliminar", "borrar", "revocar", "elimina", "cancella");
    private static final Pattern API_KEY = words("key", "keys", "apikey", "api-key", "api_key", "api-keys", "token",
            "tokens", "credential", "credentials", "rotate", "regenerate", "roll", "reissue", "schlüssel", "clé",
            "clave");
    private static final Pattern ACCOUNT = words("login", "signin", "sign-in", "logout", "session", "sessions",
            "password", "account", "profile", "user", "users", "email", "member", "members", "team", "mfa", "totp",
            "2fa", "username");
    private static final Pattern BILLING = words("billing", "cap", "limit", "limits", "budget", "spend", "alert",
            "alerts", "threshold");
    /**
     * A GET only opens or reads something, so its words are not read as broadly: only an action in its path or
     * in an action-like query field ({@code ?action=purchase}) makes it a write. Searching for "delete account"
     * or opening a keys page is a read; {@code GET /account/delete} is not.
     */
    private static final Pattern READ_FINANCIAL = words("pay", "payment", "payments", "checkout", "purchase", "buy",
            "subscribe", "charge", "kaufen", "bezahlen", "bestellen", "acheter", "payer", "comprar", "pagar",
            "acquista", "paga");
    private static final Pattern READ_IRREVERSIBLE = words("delete", "remove", "revoke", "destroy", "cancel",
            "terminate", "erase", "purge", "deactivate", "löschen", "loeschen", "entfernen", "widerrufen", "kündigen",
            "kuendigen", "supprimer", "révoquer", "eliminar", "borrar", "revocar", "elimina", "cancella");
    private static final Pattern READ_API_KEY = words("rotate", "regenerate", "roll", "reissue");
    /** Query fields that name what a GET does rather than what it looks for. */
    private static final Pattern ACTION_FIELD = Pattern.compile(
            "(?i)^_?(?:action|op|operation|do|cmd|command|intent|task|method|verb|mode)$");
    /** Anti-forgery fields every form carries; they say nothing about the action. */
    private static final Pattern NOISE_FIELD = Pattern.compile("(?i)^_?(csrf|xsrf)?[-_]?(token|csrf|xsrf)$|^authenticity_token$");

    private RequestClassifier() {}

    static Advice advise(HeldRequest request) {
        if (RequestReader.READ_ONLY.contains(request.method())) {
            return readActs(request).orElse(new Advice(CheckpointType.IRREVERSIBLE, "the GET request reads like an"
                    + " action"));
        }
        String path = readable(request.path()).replace('/', ' ');
        String names = request.fields().stream().map(HeldRequest.Field::name)
                .filter(n -> !NOISE_FIELD.matcher(n).find()).collect(Collectors.joining(" "));
        String values = request.fields().stream().filter(f -> !f.secret()).map(HeldRequest.Field::shown)
                .collect(Collectors.joining(" "));
        String all = path + " " + names + " " + values;
        Optional<String> word = find(FINANCIAL, all);
        if (word.isPresent()) {
            return new Advice(CheckpointType.FINANCIAL, "'" + word.get() + "' in the request reads like money");
        }
        if ("DELETE".equals(request.method())) {
            return new Advice(CheckpointType.IRREVERSIBLE, "a DELETE request removes something");
        }
        word = find(IRREVERSIBLE, all);
        if (word.isPresent()) {
            return new Advice(CheckpointType.IRREVERSIBLE, "'" + word.get() + "' in the request reads like an action"
                    + " that cannot be undone");
        }
        word = find(API_KEY, path + " " + values);
        if (word.isPresent()) {
            return new Advice(CheckpointType.API_KEY, "'" + word.get() + "' in the request reads like a key change");
        }
        word = find(ACCOUNT, all);
        if (word.isPresent()) {
            return new Advice(CheckpointType.ACCOUNT, "'" + word.get() + "' in the request reads like an account"
                    + " change");
        }
        word = find(BILLING, all);
        if (word.isPresent()) {
            return new Advice(CheckpointType.BILLING, "'" + word.get() + "' in the request reads like a billing"
                    + " setting");
        }
        return new Advice(CheckpointType.IRREVERSIBLE, "nothing in the request says what it changes, so Keyward"
                + " treats it as an action that may not be undone");
    }

    /**
     * Whether a GET (or HEAD or OPTIONS) acts rather than reads: its path, or an action-like query field, names a
     * payment, a destructive action or a key change. Empty: it only reads, and passes the gate.
     */
    static Optional<Advice> readActs(HeldRequest request) {
        String path = readable(request.path()).replace('/', ' ');
        String actions = request.fields().stream().filter(f -> ACTION_FIELD.matcher(f.name()).matches() && !f.secret())
                .map(HeldRequest.Field::shown).collect(Collectors.joining(" "));
        String all = path + " " + actions;
        Optional<String> word = find(READ_FINANCIAL, all);
        if (word.isPresent()) {
            return Optional.of(new Advice(CheckpointType.FINANCIAL, "'" + word.get() + "' in the address reads like"
                    + " money, so this GET is held like a write"));
        }
        word = find(READ_IRREVERSIBLE, all);
        if (word.isPresent()) {
            return Optional.of(new Advice(CheckpointType.IRREVERSIBLE, "'" + word.get() + "' in the address reads"
                    + " like an action that cannot be undone, so this GET is held like a write"));
        }
        word = find(READ_API_KEY, all);
        if (word.isPresent()) {
            return word.map(w -> new Advice(CheckpointType.API_KEY, "'" + w + "' in the address reads like a key"
                    + " change, so this GET is held like a write"));
        }
        // An address the query carries is where a redirect may send the browser: judged like the request itself.
        return request.carried().stream().map(RequestClassifier::readActs).flatMap(Optional::stream).findFirst()
                .map(a -> new Advice(a.type(), a.reason().replace("in the address", "in an address the request"
                        + " carries (a redirect may lead there)")));
    }

    /** The stricter of two types (financial, irreversible, api_key, account, billing, script_review). */
    static CheckpointType stricter(CheckpointType a, CheckpointType b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return severity(a) <= severity(b) ? a : b;
    }

    static int severity(CheckpointType type) {
        return List.of(CheckpointType.FINANCIAL, CheckpointType.IRREVERSIBLE, CheckpointType.API_KEY,
                CheckpointType.ACCOUNT, CheckpointType.BILLING, CheckpointType.SCRIPT_REVIEW).indexOf(type);
    }

    /** Checkpoints no setting ever approves without a human. */
    static boolean neverAutoApproved(CheckpointType type) {
        return type == CheckpointType.FINANCIAL || type == CheckpointType.IRREVERSIBLE
                || type == CheckpointType.API_KEY || type == CheckpointType.SCRIPT_REVIEW;
    }

    /** A raw path as words: {@code /konto/l%C3%B6schen} reads {@code /konto/löschen}. */
    private static String readable(String rawPath) {
        try {
            return java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group().toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static Pattern words(String... words) {
        String alternatives = java.util.Arrays.stream(words).map(Pattern::quote).collect(Collectors.joining("|"));
        // Whole words; '-', '_' and camel-case humps split words in paths and field names ("apiKey", "buy_now").
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{Ll}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
