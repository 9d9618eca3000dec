package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardNumbersTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "4242424242424242 | true",
            "4242 4242 4242 4242 | true",
            "4242-4242-4242-4242 | true",
            "card: 5555 5555 5555 4444, exp 12/30 | true",
            "378282246310005 | true",
            "6011111111111117 | true",
            "4222222222222 | true",
            "4242424242424241 | false",
            "1234 5678 9012 3456 | false",
            "424242424242 | false",
            "42424242424242424242 | false",
            "4242  4242  4242  4242 | false",
            "order 20261204 shipped | false",
            "+49 30 1234 5678 | false",
            "'' | false"})
    void aCardNumberIsThirteenToNineteenLuhnValidDigits(String text, boolean card) {
        assertEquals(card, CardNumbers.containsCardNumber(text));
        assertEquals(card, CardNumbers.containsCardNumber(text.toCharArray()));
    }
}
