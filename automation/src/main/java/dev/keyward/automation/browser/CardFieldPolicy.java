package dev.keyward.automation.browser;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises payment card inputs. The runner never fills one: it stops and hands the page to the user.
 */
public final class CardFieldPolicy {

    /** Hosts whose frames hold card inputs (hosted payment fields); a subdomain counts too. */
    private static final List<String> PAYMENT_PROCESSORS = List.of("stripe.com", "stripe.network",
            "braintreegateway.com", "braintree-api.com", "paypal.com", "paypalobjects.com", "adyen.com",
            "adyenpayments.com", "squareup.com", "squareupsandbox.com", "checkout.com", "recurly.com",
            "chargebee.com", "paddle.com", "klarna.com", "mollie.com", "worldpay.com", "authorize.net",
            "spreedly.com", "cybersource.com");

    /** Fragments of names, ids and labels once lower-cased and stripped of everything but letters and digits. */
    private static final List<String> CARD_NAME_FRAGMENTS = List.of("cardnumber", "ccnumber", "creditcard",
            "cardnum", "cardcvc", "cardcvv", "cardexp", "ccexp", "cccvc", "cccvv", "cccsc", "cardholder",
            "cardverification", "cardsecurity", "debitcard");

    /** Whole words that only mean the card's security code. */
    private static final Pattern SECURITY_CODE_WORDS = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:cvc2?|cvv2?|csc|cvn)(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);

    /** "Card number" and its translations, in labels (German, French, Spanish, Japanese, Chinese). */
    private static final Pattern CARD_WORDS = Pattern.compile("(?iu)kartennummer|num[ée]ro de (?:la )?carte"
            + "|n[úu]mero de (?:la )?tarjeta|n[úu]mero do cart[ãa]o|numero della carta|kaartnummer"
            + "|カード番号|卡号|卡號|信用卡|card no\\b");

    /** A placeholder drawn like a card number: "1234 1234 1234 1234", "•••• •••• •••• ••••", "0000-0000-...". */
    private static final Pattern CARD_SHAPED_PLACEHOLDER = Pattern.compile(
            "^\\s*(?:[0-9•*xX#]{4}[\\s-]?){3}[0-9•*xX#]{1,7}\\s*$");

    /** An expiry placeholder: "MM / YY", "MM/YYYY", the French "MM / AA" and the German "MM / JJ". */
    private static final Pattern EXPIRY_PLACEHOLDER = Pattern.compile(
            "(?i)^\\s*MM\\s*/\\s*(?:YY|YYYY|AA|AAAA|JJ|JJJJ)\\s*$");

    /** A pattern attribute that admits 13-19 digits, e.g. {@code [0-9\\s]{13,19}} or {@code \\d{16}}. */
    private static final Pattern CARD_SHAPED_PATTERN = Pattern.compile("\\{1[2-9](?:,\\d*)?}|\\{\\d{1,2},(?:1[5-9]|2[0-3])}");

    /** Fragments of the names and titles payment processors give their hosted-field frames. */
    private static final List<String> PAYMENT_FRAME_FRAGMENTS = List.of("privatestripeframe", "stripe", "braintree",
            "hostedfield", "adyen", "securedfield", "ckoframes", "checkoutframes", "cardnumber", "cardfield",
            "paymentfield", "securecard", "cardinput", "cardframe");

    private CardFieldPolicy() {}

    /**
     * Whether everything seen of the element (its attributes and labels, its {@code <label>}, a card-shaped
     * placeholder, a numeric input mode with a card-shaped pattern or length) or of its frame (a payment
     * processor's host, or a hosted-field frame's name or title) says it takes card data.
     */
    public static boolean isCardField(EffectContext context) {
        if (context == null) {
            return false;
        }
        FrameFacts frame = context.frame();
        if (frame != null && (frame.url() != null && isPaymentProcessor(frame.url())
                || namesPaymentFrame(frame.name()) || namesPaymentFrame(frame.title()))) {
            return true;
        }
        ElementFacts element = context.element();
        if (element == null) {
            return false;
        }
        if (element.autocomplete() != null) {
            for (String token : element.autocomplete().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (token.startsWith("cc-")) {
                    return true;
                }
            }
        }
        for (String label : new String[] {element.name(), element.id(), element.accessibleName(), element.ariaLabel(),
                element.labelText(), element.placeholder(), element.title(), element.ariaDescription()}) {
            if (readsLikeCard(label)) {
                return true;
            }
        }
        String placeholder = element.placeholder();
        if (placeholder != null && (CARD_SHAPED_PLACEHOLDER.matcher(placeholder).matches()
                || EXPIRY_PLACEHOLDER.matcher(placeholder).matches())) {
            return true;
        }
        boolean numeric = "numeric".equalsIgnoreCase(element.inputMode()) || "tel".equalsIgnoreCase(element.type())
                || "number".equalsIgnoreCase(element.type());
        if (numeric && element.pattern() != null && CARD_SHAPED_PATTERN.matcher(element.pattern()).find()) {
            return true;
        }
        return "numeric".equalsIgnoreCase(element.inputMode()) && element.maxLength() != null
                && element.maxLength() >= 13 && element.maxLength() <= 23;
    }

    private static boolean readsLikeCard(String label) {
        if (label == null) {
            return false;
        }
        String squashed = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return CARD_NAME_FRAGMENTS.stream().anyMatch(squashed::contains) || SECURITY_CODE_WORDS.matcher(label).find()
                || CARD_WORDS.matcher(label).find();
    }

    private static boolean namesPaymentFrame(String name) {
        if (name == null) {
            return false;
        }
        String squashed = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return PAYMENT_FRAME_FRAGMENTS.stream().anyMatch(squashed::contains);
    }

    public static boolean isCardField(TargetDescription target) {
        if (target.iframeOrigin() != null && isPaymentProcessor(target.iframeOrigin())) {
            return true;
        }
        if (target.autocomplete() != null) {
            for (String token : target.autocomplete().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (token.startsWith("cc-")) {
                    return true;
                }
            }
        }
        for (String label : new String[] {target.nameAttribute(), target.idAttribute(), target.accessibleName(),
                target.placeholder()}) {
            if (label == null) {
                continue;
            }
            String squashed = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (CARD_NAME_FRAGMENTS.stream().anyMatch(squashed::contains)
                    || SECURITY_CODE_WORDS.matcher(label).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an origin (or bare host) belongs to a known payment processor. */
    public static boolean isPaymentProcessor(String origin) {
        String host;
        try {
            host = origin.contains("://") ? URI.create(origin).getHost() : origin;
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return PAYMENT_PROCESSORS.stream().anyMatch(p -> lower.equals(p) || lower.endsWith("." + p));
    }
}
