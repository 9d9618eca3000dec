package dev.keyward.app.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code run_command}'s result: the exit code and the masked output as text for the agent, and the same
 * as structured content; a note says when output was cut or the command was killed at its time limit.
 * A command that ran is a result whatever its exit code; one killed at its time limit is an error result.
 */
final class RunResult {

    private RunResult() {
    }

    static CallToolResult of(McpJsonMapper json, CommandRuns.Outcome outcome, Duration timeout) {
        StringBuilder text = new StringBuilder();
        if (outcome.timedOut()) {
            text.append("The command did not finish within ").append(timeout.toSeconds())
                    .append(" seconds: Keyward killed it and every process it started.\n");
        }
        text.append("exit code: ").append(outcome.exitCode()).append('\n');
        section(text, "stdout", outcome.stdout());
        section(text, "stderr", outcome.stderr());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exitCode", outcome.exitCode());
        data.put("timedOut", outcome.timedOut());
        data.put("stdout", outcome.stdout().text());
        data.put("stdoutTruncated", outcome.stdout().truncated());
        data.put("stderr", outcome.stderr().text());
        data.put("stderrTruncated", outcome.stderr().truncated());
        return CallToolResult.builder().addTextContent(text.toString()).structuredContent(data)
                .isError(outcome.timedOut()).build();
    }

    private static void section(StringBuilder text, String name, CommandRuns.Output output) {
        text.append("--- ").append(name).append(" ---\n").append(output.text());
        if (!output.text().isEmpty() && !output.text().endsWith("\n")) {
            text.append('\n');
        }
        if (output.truncated()) {
            text.append("[").append(name).append(" truncated: Keyward keeps the first ")
                    .append(CommandRuns.MAX_OUTPUT_BYTES / (1024 * 1024)).append(" MiB]\n");
        }
    }
}
