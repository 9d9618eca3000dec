package dev.keyward.automation.dashboard.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching a provider's key inventory to vault secrets by redacted hints, ids and confirmations. */
class InventoryMatcherTest {

    private static final Map<String, String> VALUES = Map.of(
            "s-dev", "sk-ant-api03-R2DxxxxxxxxxxxxxxxxigAA",
            "s-twin-a", "sk-proj-abcAAAAAAAAAAAAAAAAAAAAAA1234",
            "s-twin-b", "sk-proj-abcBBBBBBBBBBBBBBBBBBBBBB1234",
            "s-other", "sk-proj-zzzCCCCCCCCCCCCCCCCCCCCCC9999");

    private static final HintCheck CHECK = (secretId, hint) -> HintCheck.fits(VALUES.get(secretId).toCharArray(), hint);

    private static InventoryKey key(String id, String hint) {
        return new InventoryKey(id, null, hint, null, null, "active", false, null, null, null);
    }

    @Test
    void aHintWithPrefixAndTailMatchesTheOneVaultKeyItFits() {
        List<KeyMatch> matches = InventoryMatcher.match(List.of(key("apikey_1", "sk-ant-api03-R2D...igAA")),
                VALUES.keySet(), Map.of(), CHECK);
        assertEquals("s-dev", matches.get(0).secretId());
        assertEquals("hint", matches.get(0).kind());
    }

    @Test
    void hintsOnlyCompareThePrefixAndTail() {
        assertTrue(HintCheck.fits("sk-proj-abc123xyz".toCharArray(), "sk-proj-abc****xyz"));
        assertFalse(HintCheck.fits("sk-proj-abc123xyz".toCharArray(), "sk-proj-abd...xyz"));
        assertFalse(HintCheck.fits("sk-proj-abc123xyz".toCharArray(), "sk-proj-abc...xyy"));
        assertFalse(HintCheck.fits("sk-xyz".toCharArray(), "sk-proj-abc...xyz"), "shorter than prefix and tail");
        assertFalse(HintCheck.fits("sk-proj-abc123xyz".toCharArray(), "sk-proj-abc123xyz"), "no mask is no hint");
    }

    @Test
    void twoVaultKeysThatFitOneHintAreACollisionAndStayUnmatched() {
        KeyMatch match = InventoryMatcher.match(List.of(key("key_1", "sk-proj-abc...1234")), VALUES.keySet(), Map.of(), CHECK)
                .get(0);
        assertNull(match.secretId(), "never guess: the usage of one key must not land on another");
        assertTrue(match.collision());
        assertEquals(2, match.candidates());
    }

    @Test
    void twoProviderKeysThatFitOneVaultKeyAreACollisionToo() {
        List<KeyMatch> matches = InventoryMatcher.match(
                List.of(key("key_1", "sk-proj-zzz...9999"), key("key_2", "sk-proj-zz...99")), VALUES.keySet(), Map.of(), CHECK);
        assertTrue(matches.stream().allMatch(KeyMatch::collision), matches.toString());
    }

    @Test
    void aConfirmationSettlesACollisionAndTakesThatVaultKeyOutOfTheRunning() {
        List<KeyMatch> matches = InventoryMatcher.match(
                List.of(key("key_1", "sk-proj-abc...1234"), key("key_2", "sk-proj-abc...1234")), VALUES.keySet(),
                Map.of("key_1", "s-twin-b"), CHECK);
        assertEquals("s-twin-b", matches.get(0).secretId());
        assertEquals("confirmed", matches.get(0).kind());
        assertEquals("s-twin-a", matches.get(1).secretId(), "with s-twin-b taken, only s-twin-a fits key_2");
    }

    @Test
    void aConfirmationOfADeletedSecretIsIgnored() {
        KeyMatch match = InventoryMatcher.match(List.of(key("key_1", "sk-proj-zzz...9999")), VALUES.keySet(),
                Map.of("key_1", "s-gone"), CHECK).get(0);
        assertEquals("s-other", match.secretId());
    }

    @Test
    void aKeyWithoutAHintMatchesNothing() {
        KeyMatch match = InventoryMatcher.match(List.of(key("key_1", null)), VALUES.keySet(), Map.of(), CHECK).get(0);
        assertNull(match.secretId());
        assertFalse(match.collision());
    }
}
