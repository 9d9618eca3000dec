package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Card fields recognised from everything the runner reads: labels, placeholders, input modes and frames. */
class CardFieldRecognitionTest {

    private static ElementFacts input(String name, String label, String ariaLabel, String placeholder,
            String inputMode, String pattern, Integer maxLength) {
        return new ElementFacts("input", "text", null, name, name, null, "", null, ariaLabel, null, label, null, null,
                placeholder, null, inputMode, pattern, maxLength, null, false);
    }

    private static EffectContext at(ElementFacts element) {
        return new EffectContext(element, null, null, null, null, null, "https://shop.test/pay", "#f");
    }

    private static EffectContext inFrame(String url, String name, String title) {
        return new EffectContext(input("v", null, null, null, null, null, null), null, null,
                new FrameFacts(url, name, title), null, null, "https://shop.test/pay", "#f");
    }

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("placeholder 1234 1234 1234 1234", at(input("f1", null, null, "1234 1234 1234 1234", null,
                        null, null)), true),
                Arguments.of("placeholder of dots", at(input("f1", null, null, "•••• •••• •••• ••••", null, null, null)),
                        true),
                Arguments.of("expiry placeholder MM / YY", at(input("e", null, null, "MM / YY", null, null, null)), true),
                Arguments.of("numeric with a card pattern", at(input("n", null, null, null, "numeric", "[0-9 ]{13,19}",
                        null)), true),
                Arguments.of("numeric with a card length", at(input("n", null, null, null, "numeric", null, 19)), true),
                Arguments.of("German label", at(input("x", "Kartennummer", null, null, null, null, null)), true),
                Arguments.of("French aria-label", at(input("y", null, "Numéro de carte", null, null, null, null)), true),
                Arguments.of("Japanese label", at(input("z", "カード番号", null, null, null, null, null)), true),
                Arguments.of("Stripe frame by host", inFrame("https://js.stripe.com/v3/elements-inner-card.html", null,
                        null), true),
                Arguments.of("Stripe frame by name", inFrame("http://127.0.0.1/f", "__privateStripeFrame5817", null),
                        true),
                Arguments.of("Braintree frame by name", inFrame("http://127.0.0.1/f", "braintree-hosted-field-number",
                        null), true),
                Arguments.of("Adyen frame by title", inFrame("http://127.0.0.1/f", null, "Iframe for secured card number"),
                        true),
                Arguments.of("Checkout.com frame by name", inFrame("http://127.0.0.1/f", "checkout-frames-cardNumber",
                        null), true),
                // Not card fields.
                Arguments.of("one-time code", at(input("code", null, null, "123456", "numeric", null, 6)), false),
                Arguments.of("phone number", at(input("phone", "Phone", null, "+1 555 0100", "tel", null, null)), false),
                Arguments.of("search box", at(input("q", null, "Search", "Search keys", null, null, null)), false),
                Arguments.of("a key's expiration date", at(input("expires", "Expiration date", null, "YYYY-MM-DD", null,
                        null, null)), false),
                Arguments.of("a plain frame", inFrame("http://127.0.0.1/f", "preview", "Preview"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void cardFieldsAreRecognisedFromEverythingSeen(String name, EffectContext context, boolean card) {
        assertEquals(card, CardFieldPolicy.isCardField(context), name);
    }
}
