package dev.keyward.vault.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValueFormsTest {

    private static Map<String, ValueEncoding> forms(String value) {
        List<ValueForms.Form> forms = ValueForms.of(value.toCharArray());
        return forms.stream().collect(Collectors.toMap(f -> new String(f.bytes(), StandardCharsets.ISO_8859_1),
                ValueForms.Form::encoding));
    }

    @Test
    void eachFormIsNamedByTheFirstEncodingThatMakesIt() {
        Map<String, ValueEncoding> forms = forms("a b/c\"d\ne");
        assertEquals(ValueEncoding.AS_IS, forms.get("a b/c\"d\ne"));
        assertEquals(ValueEncoding.AS_IS_CRLF, forms.get("a b/c\"d\r\ne"));
        assertEquals(ValueEncoding.BASE64, forms.get(Base64.getEncoder().encodeToString("a b/c\"d\ne".getBytes())));
        assertEquals(ValueEncoding.URL_ENCODED, forms.get("a+b%2Fc%22d%0Ae"));
        assertEquals(ValueEncoding.URL_ENCODED, forms.get("a%20b%2fc%22d%0ae"));
        assertEquals(ValueEncoding.JSON_ESCAPED, forms.get("a b\\/c\\\"d\\ne"));
        assertEquals(ValueEncoding.HEX, forms.get("6120622f632264 0a65".replace(" ", "")));
    }

    @Test
    void aPlainValueHasNoDuplicateFormsAndALoneSurrogateHasNone() {
        Map<String, ValueEncoding> forms = forms("plainvalue123");
        assertEquals(ValueEncoding.AS_IS, forms.get("plainvalue123"));
        assertTrue(forms.values().stream().filter(e -> e == ValueEncoding.AS_IS_CRLF).findAny().isEmpty());
        assertEquals(List.of(), ValueForms.of(new char[] {'a', '\uD800', 'b'}));
    }
}
