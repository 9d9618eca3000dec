package dev.keyward.automation.program;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small multilingual vocabulary of risky actions (English, German, French, Spanish, Portuguese, Italian,
 * Dutch, Japanese, Chinese, Korean) and of risky request paths and field names. It is a hint for wording and
 * for choosing the stricter type, never the only line of defence: words in alphabetic scripts match whole
 * words, case-insensitively ("Display" is not "pay"); CJK words match anywhere, as those scripts have no spaces.
 */
final class RiskVocabulary {

    static final Pattern PAYMENT_WORDS = words(List.of("pay", "pay now", "buy", "buy now", "purchase", "subscribe",
            "upgrade", "checkout", "check out", "place order", "order now", "complete order", "complete purchase",
            "add funds", "top up",
            // German, French, Spanish, Portuguese, Italian, Dutch
            "kaufen", "jetzt kaufen", "bezahlen", "zahlen", "jetzt bezahlen", "bestellen", "abonnieren", "upgraden",
            "zur kasse", "acheter", "payer", "commander", "s'abonner", "abonner", "souscrire", "régler",
            "comprar", "pagar", "suscribirse", "suscribir", "realizar pedido", "finalizar compra", "assinar",
            "acquista", "acquistare", "paga", "abbonati", "kopen", "betalen", "afrekenen"),
            List.of("購入", "支払", "決済", "注文する", "注文を確定", "購読", "购买", "購買", "支付", "付款", "订阅", "訂閱",
                    "结账", "結帳", "下单", "구매", "결제"));

    static final Pattern DESTRUCTIVE_WORDS = words(List.of("delete", "remove", "revoke", "destroy", "erase", "purge",
            "terminate", "wipe", "deactivate", "close account", "cancel subscription", "cancel plan",
            "löschen", "entfernen", "widerrufen", "kündigen", "vernichten", "deaktivieren",
            "supprimer", "effacer", "révoquer", "résilier", "détruire", "eliminar", "borrar", "revocar",
            "destruir", "dar de baja", "excluir", "apagar", "revogar", "elimina", "cancella", "revoca",
            "verwijderen", "intrekken", "opzeggen"),
            List.of("削除", "取り消", "取消", "解約", "無効化", "破棄", "删除", "刪除", "撤销", "撤銷", "吊销", "注销",
                    "註銷", "삭제"));

    static final Pattern KEY_WORDS = Pattern.compile(boundary("rotate|regenerate|roll over"
            + "|roll(?:[\\s_-]+(?:api|secret|live|test|restricted))?[\\s_-]+(?:key|secret|token)s?"
            + "|(?:create|generate|add)(?:[\\s_-]+new)?(?:[\\s_-]+(?:api|secret|access))?[\\s_-]+(?:key|token)"
            + "|new(?:[\\s_-]+(?:api|secret|access))?[\\s_-]+(?:key|token)"
            + "|rotieren|neu generieren|neuer schlüssel|schlüssel (?:erstellen|generieren)|token erstellen"
            + "|régénérer|nouvelle clé|(?:générer|créer) une clé|regenerar|rotar|nueva clave|(?:generar|crear) (?:una )?clave")
            + "|再生成|新しいキー|キーを(?:作成|生成)|生成密钥|创建密钥|新密钥|重新生成|轮换|輪換",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static final Pattern CONFIRM_WORDS = words(List.of("confirm", "bestätigen", "confirmer", "confirmar", "conferma",
            "bevestigen"), List.of("確認", "确认"));

    /** Asking the person to type a name before a destructive submit: GitHub's and most dashboards' pattern. */
    static final Pattern TYPED_CONFIRMATION = Pattern.compile("(?:\\b(?:type|re-?type)\\b.{0,120}\\b(?:confirm|continue|proceed|delete|remove)"
            + "|\\b(?:type|enter) (?:the|its) (?:[\\p{L}-]+ ){0,2}name\\b"
            + "|\\bto confirm,? (?:type|enter)\\b|zur bestätigung|zum bestätigen"
            + "|(?:saisissez|tapez|entrez) .{0,120} pour confirmer|(?:escriba|escribe|introduzca) .{0,120} para confirmar"
            + "|確認のため.{0,40}入力|输入.{0,40}确认)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

    /** Path words that, in a state-changing request, mean money. */
    static final Pattern PAYMENT_PATH_WRITE = words(List.of("checkout", "payment", "payments", "pay", "purchase",
            "purchases", "buy", "subscribe", "subscription", "subscriptions", "order", "orders", "upgrade", "charge",
            "charges", "plan", "plans", "credits",
            "zahlung", "bezahlen", "bestellung", "kasse", "abonnement", "paiement", "commande", "achat", "pago",
            "pedido", "compra", "suscripcion", "pagamento", "ordine", "betaling", "bestelling"), List.of());

    /** Path words of a payment page, for navigations (opening a page is not paying, but a payment page asks). */
    static final Pattern PAYMENT_PATH = words(List.of("checkout", "payment", "payments", "pay", "purchase"), List.of());

    /** Path words of destructive endpoints; for GET navigations too, since GET endpoints that delete exist. */
    static final Pattern DESTRUCTIVE_PATH = words(List.of("delete", "remove", "revoke", "destroy"), List.of());

    /** Extra path words of destructive endpoints in a state-changing request. */
    static final Pattern DESTRUCTIVE_PATH_WRITE = words(List.of("delete", "remove", "revoke", "destroy", "deactivate",
            "terminate", "cancel", "close", "erase", "purge"), List.of());

    static final Pattern KEY_PATH_WRITE = words(List.of("keys", "key", "api-keys", "api_keys", "apikeys", "tokens",
            "token", "secrets", "credentials", "rotate", "roll", "regenerate"), List.of());

    static final Pattern BILLING_PATH = words(List.of("billing"), List.of());

    /** Field names that put money on a form: how many, how much, which plan, how to pay. */
    static final Pattern PAYMENT_FIELDS = Pattern.compile("(?i)^(?:.*[_-])?(?:quantity|qty|amount|price|plan|plan[_-]?id"
            + "|sku|seats|credits|payment[_-]?method|card(?:[_-]?number)?|cc[_-]?number|cvc|cvv|total)(?:[_-].*)?$");

    private RiskVocabulary() {}

    /** The first match, lower-cased, in any of the texts. */
    static Optional<String> find(Pattern pattern, String... texts) {
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                return Optional.of(matcher.group().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** Whole-word alternatives (a space also matches '-' and '_') plus CJK words that match anywhere. */
    private static Pattern words(List<String> phrases, List<String> cjk) {
        String latin = phrases.stream()
                .map(p -> Arrays.stream(p.split(" ")).map(Pattern::quote).collect(Collectors.joining("[\\s_-]+")))
                .collect(Collectors.joining("|"));
        String anywhere = cjk.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile(boundary(latin) + (anywhere.isEmpty() ? "" : "|" + anywhere),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String boundary(String alternatives) {
        return "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])";
    }
}
