package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffHostsTest {

    private static final List<String> ALLOWED = List.of("app.example.com", "127.0.0.1");

    @Test
    void theListAsShownAddsNothing() {
        HandoffHosts hosts = HandoffHosts.parse(ALLOWED, "app.example.com, 127.0.0.1");
        assertFalse(hosts.widened());
        assertEquals(ALLOWED, hosts.all());
    }

    @Test
    void addedHostsComeAfterTheRunsOnesAndAPastedAddressGivesItsHost() {
        HandoffHosts hosts = HandoffHosts.parse(ALLOWED,
                "app.example.com, 127.0.0.1, pay.processor.example https://JS.Processor.Example:443/v3/ pay.processor.example.");
        assertTrue(hosts.widened());
        assertEquals(List.of("pay.processor.example", "js.processor.example"), hosts.added());
        assertEquals(List.of("app.example.com", "127.0.0.1", "pay.processor.example", "js.processor.example"), hosts.all());
    }

    @Test
    void leavingARunHostOutDoesNotNarrowTheLimits() {
        HandoffHosts hosts = HandoffHosts.parse(ALLOWED, "pay.processor.example");
        assertEquals(List.of("app.example.com", "127.0.0.1", "pay.processor.example"), hosts.all());
    }

    @Test
    void aWildcardOrANameWithoutADotIsRefused() {
        InvalidInputException wildcard = assertThrows(InvalidInputException.class,
                () -> HandoffHosts.parse(ALLOWED, "*.processor.example"));
        assertTrue(wildcard.getMessage().contains("*.processor.example"), wildcard.getMessage());
        assertThrows(InvalidInputException.class, () -> HandoffHosts.parse(ALLOWED, "intranet"));
    }
}
