package dev.keyward.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyward.vault.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

    @Test
    void everyLengthOfCharacterEncodesToExactlyItsUtf8Bytes() {
        String text = "A=1 é € \uD83D\uDD11 \u0000\u07FF\u0800\uFFFF";
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), StrictUtf8.encode(text.toCharArray()));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(text.toCharArray(), StrictUtf8.decode(utf8, utf8.length));
    }

    @Test
    void aLoneSurrogateIsRefusedInsteadOfBecomingAQuestionMark() {
        assertThrows(InvalidInputException.class, () -> StrictUtf8.encode("KEY=a\uD83Db".toCharArray()));
        assertThrows(InvalidInputException.class, () -> StrictUtf8.encode("KEY=a\uDD11".toCharArray()));
        assertThrows(InvalidInputException.class, () -> StrictUtf8.encode("KEY=\uD83D".toCharArray()));
    }

    @Test
    void malformedUtf8IsRefusedInsteadOfBecomingAReplacementCharacter() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(InvalidInputException.class, () -> StrictUtf8.decode(latin1, latin1.length));
        byte[] cut = "€".getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidInputException.class, () -> StrictUtf8.decode(cut, 2));
    }
}
