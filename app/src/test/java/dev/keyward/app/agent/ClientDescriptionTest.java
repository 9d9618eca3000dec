package dev.keyward.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.redact.Redactor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ClientDescriptionTest {

    private static final String CANARY = "canary-value-0123456789";
    private final Redactor redactor = new Redactor(() -> List.of(CANARY.toCharArray()));

    private static ClientProcess client(List<String> commandLine, Path folder) {
        return new ClientProcess(7, 1000, Optional.of(Path.of("/usr/bin/java")), commandLine, Optional.of(folder),
                OptionalLong.of(7), Optional.of("/dev/pts/1"));
    }

    @Test
    void argumentsWithSpacesOrQuotesAreQuotedSoTheirBoundsStayVisible() {
        AccessRequest r = new AccessRequest(client(List.of("keyward", "run", "--", "sh", "-c", "echo it's"), Path.of("/w")),
                List.of("run", "--", "sh", "-c", "echo it's", ""), AccessRequest.Access.REVEAL, Optional.empty(), List.of());
        ClientDescription d = ClientDescription.of(r, redactor);
        assertEquals("keyward run -- sh -c 'echo it'\\''s' ''", d.command());
        assertEquals("keyward run -- sh -c 'echo it'\\''s'", d.commandLine());
    }

    @Test
    void lineBreaksAndDirectionOverridesCannotFakeOrReorderWhatThePersonReads() {
        String forged = "get A\nWorking folder: /home/ada/safe";
        String reordered = "x\u202Egnp.exe";
        AccessRequest r = new AccessRequest(client(List.of("keyward", "secret", forged, reordered),
                Path.of("/tmp/\u200Bhidden")), List.of("secret", forged), AccessRequest.Access.REVEAL, Optional.empty(),
                List.of("A\u0000B"));
        ClientDescription d = ClientDescription.of(r, redactor);
        assertEquals("keyward secret 'get A\\u000aWorking folder: /home/ada/safe'", d.command());
        assertTrue(d.commandLine().endsWith("x\\u202egnp.exe"), d.commandLine());
        assertEquals("/tmp/\\u200bhidden", d.workingFolder());
        assertEquals("A\\u0000B", d.secrets());
    }

    @Test
    void aHugeCommandLineIsShortenedAndSaysByHowMuch() {
        List<String> line = new ArrayList<>(List.of("keyward", "x".repeat(5000)));
        AccessRequest r = new AccessRequest(client(line, Path.of("/w")), List.of("run"), AccessRequest.Access.REVEAL,
                Optional.empty(), List.of());
        ClientDescription d = ClientDescription.of(r, redactor);
        assertTrue(d.commandLine().endsWith(" … (" + (5008 - ClientDescription.MAX_COMMAND_LINE) + " more characters)"),
                d.commandLine().substring(ClientDescription.MAX_COMMAND_LINE));
    }

    @Test
    void aVaultValueAnywhereInTheClientsFactsIsMaskedInEveryWordAndAuditDetail() {
        AccessRequest r = new AccessRequest(client(List.of("keyward", "run", "--", "curl", "-u", CANARY),
                Path.of("/home/" + CANARY)), List.of("run", "--", "curl", "-u", CANARY), AccessRequest.Access.REVEAL,
                Optional.of(CANARY), List.of(CANARY));
        ClientDescription d = ClientDescription.of(r, redactor);
        assertFalse(d.toString().contains(CANARY), d.toString());
        assertFalse(d.auditDetails().toString().contains(CANARY), d.auditDetails().toString());
        assertTrue(d.commandLine().contains(Redactor.MASK));
    }

    @Test
    void factsTheSystemDidNotGiveAreSaidToBeUnknown() {
        ClientProcess bare = new ClientProcess(9, 1000, Optional.empty(), List.of(), Optional.empty(), OptionalLong.empty(),
                Optional.empty());
        ClientDescription d = ClientDescription.of(new AccessRequest(bare, List.of("secret", "get", "A"),
                AccessRequest.Access.REVEAL, Optional.empty(), List.of("A")), redactor);
        assertEquals("unknown (the system did not say)", d.executable());
        assertEquals("unknown (the system did not say)", d.workingFolder());
        assertEquals("unknown (the system did not say)", d.commandLine());
        assertFalse(d.terminalGrant());
    }
}
