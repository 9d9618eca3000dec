package dev.keyward.automation.program;

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

    private CardFieldPolicy() {}

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
