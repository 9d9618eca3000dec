package dev.keyward.vault.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPrefixesTest {

    @Test
    void expandsGroupsOfLiteralAlternativesAndSmallClasses() {
        assertEquals(List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_"),
                KeyPrefixes.of("^(sk|rk)_(live|test)_[A-Za-z0-9]{16,}$"));
        assertEquals(List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), KeyPrefixes.of("^gh[pousr]_[A-Za-z0-9]{36,}$"));
        assertEquals(List.of("pk.eyJ", "tk.eyJ"), KeyPrefixes.of("^(pk|tk)\\.eyJ[A-Za-z0-9_-]{10,}$"));
    }

    @Test
    void stopsBeforeAnOptionalOrRepeatedPart() {
        assertEquals(List.of("sk-"), KeyPrefixes.of("^sk-(proj-|admin-)?[A-Za-z0-9_-]{20,}$"));
        assertEquals(List.of("a"), KeyPrefixes.of("^ab?c$"));
        assertEquals(List.of("x"), KeyPrefixes.of("^x+y$"));
    }

    @Test
    void aPatternWithoutFixedTextHasTheEmptyPrefix() {
        assertEquals(List.of(""), KeyPrefixes.of("^[0-9a-f]{32}-[0-9a-f]{8}$"));
        assertEquals(List.of(""), KeyPrefixes.of("^\\d{4}$"));
        assertEquals(List.of(""), KeyPrefixes.of("^[A-Z0-9]{16}$"));
    }
}
