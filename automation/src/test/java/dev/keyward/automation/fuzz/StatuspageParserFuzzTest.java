package dev.keyward.automation.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.automation.feeds.StatuspageParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Any text as Statuspage JSON: items or an unreadable result, never an exception.
 *
 * <p>Input layout: the first byte picks the document ({@code '0'} summary, {@code '1'} incidents,
 * {@code '2'} scheduled maintenances, by its value modulo 3); the rest is the JSON.
 */
class StatuspageParserFuzzTest {

    private static final URI PAGE = URI.create("https://status.example.com");

    @FuzzTest(maxDuration = "60s")
    void anyStatuspageJsonIsItemsOrUnreadable(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String json = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        StatuspageParser parser = new StatuspageParser();
        var result = switch ((input[0] & 0xff) % 3) {
            case 0 -> parser.parseSummary(json, PAGE);
            case 1 -> parser.parseIncidents(json, PAGE);
            default -> parser.parseMaintenances(json, PAGE);
        };
        // A summary may add one item for degraded components on top of the incidents and maintenances.
        SourceItemChecks.check(result, 2 * StatuspageParser.MAX_ITEMS + 1);
    }
}
