package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CardFieldPolicyTest {

    private static TargetDescription field(String name, String id, String autocomplete, String label) {
        return TargetDescription.input("text").withAttributes(name, id, autocomplete, null).withAccessibleName(label);
    }

    private static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("autocomplete cc-number", field("n", null, "cc-number", null), true),
                Arguments.of("autocomplete cc-csc", field(null, null, "cc-csc", null), true),
                Arguments.of("autocomplete cc-exp-month in a section", field(null, null, "section-pay billing cc-exp-month", null), true),
                Arguments.of("name cardnumber", field("cardnumber", null, null, null), true),
                Arguments.of("id card-number", field(null, "card-number", null, null), true),
                Arguments.of("name cc-number", field("cc-number", null, null, null), true),
                Arguments.of("name cc_exp", field("cc_exp", null, null, null), true),
                Arguments.of("name cvc", field("cvc", null, null, null), true),
                Arguments.of("id CVV2", field(null, "CVV2", null, null), true),
                Arguments.of("label Card number", field("f1", "f1", "off", "Card number"), true),
                Arguments.of("label Cardholder name", field("f2", null, null, "Cardholder name"), true),
                Arguments.of("placeholder says CVC", TargetDescription.input("text")
                        .withAttributes(null, null, null, "CVC"), true),
                Arguments.of("Stripe frame", TargetDescription.input("text").withIframeOrigin("https://js.stripe.com"), true),
                Arguments.of("Braintree frame", TargetDescription.input("tel")
                        .withIframeOrigin("https://assets.braintreegateway.com"), true),
                Arguments.of("frame of the site itself", TargetDescription.input("text")
                        .withIframeOrigin("http://127.0.0.1:8080"), false),
                Arguments.of("look-alike processor host", TargetDescription.input("text")
                        .withIframeOrigin("https://stripe.com.evil.test"), false),
                Arguments.of("billing name", field("billing_name", "billing-name", "name", "Billing name"), false),
                Arguments.of("email", field("billing_email", "billing-email", "email", "Billing email"), false),
                Arguments.of("TOTP code", field("code", "totp-code", "one-time-code", "Authentication code"), false),
                Arguments.of("monthly cap", field("monthly_cap", "monthly-cap", null, "Monthly cap (USD)"), false),
                Arguments.of("discard changes", field("discard-changes", null, null, null), false),
                Arguments.of("cvcheck is not cvc", field("cvcheck", null, null, null), false),
                Arguments.of("password", field("password", "password", "current-password", "Password"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cardInputsAreRecognised(String name, TargetDescription target, boolean cardField) {
        assertEquals(cardField, CardFieldPolicy.isCardField(target), name);
    }
}
