package dev.keyward.automation.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A checkpoint on the terminal: prints the type, description, proposed action and non-secret context, then
 * reads one answer line: {@code approve [NOTE]}, {@code reject [NOTE]} or {@code modify VALUE [NOTE]}. No answer
 * before the timeout, or the end of input, rejects.
 */
public final class CliCheckpointGate implements CheckpointGate {

    /** Where answer lines come from; null at the end of input. */
    @FunctionalInterface
    public interface LineSource {
        String readLine() throws IOException;
    }

    private static final long POLL_MS = 200;

    private final LineSource source;
    private final PrintStream out;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private Thread reader;

    public CliCheckpointGate(LineSource source, PrintStream out) {
        this.source = source;
        this.out = out;
    }

    /** A gate reading UTF-8 lines from {@code in}. */
    public static CliCheckpointGate reading(InputStream in, PrintStream out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new CliCheckpointGate(reader::readLine, out);
    }

    @Override
    public CompletableFuture<CheckpointDecision> ask(CheckpointRequest request) {
        startReader();
        show(request);
        CompletableFuture<CheckpointDecision> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("checkpoint-answer").start(() -> awaitAnswer(request, answer));
        return answer;
    }

    private void show(CheckpointRequest r) {
        out.println();
        out.println("== Checkpoint: " + r.type().dbValue() + " " + "=".repeat(Math.max(3, 50 - r.type().dbValue().length())));
        out.println("Program:  " + r.scriptTitle());
        out.println("Step:     " + r.stepId());
        out.println("Why:      " + r.description());
        out.println("Proposed: " + r.proposedAction());
        for (Map.Entry<String, String> e : r.context().entrySet()) {
            out.println("  " + e.getKey() + ": " + e.getValue());
        }
        boolean hosts = r.canModify() && r.modifiable().shape() == CheckpointRequest.ModifiableValue.Shape.HOSTS;
        if (hosts) {
            out.println("Hosts:    " + r.modifiable().currentValue() + " (the hosts this run may reach)");
        } else if (r.canModify()) {
            out.println("Value:    '" + r.modifiable().currentValue() + "' (typed by step '" + r.modifiable().stepId()
                    + "' into " + r.modifiable().selector() + ")");
        }
        out.println("Answer 'approve', 'reject'" + (hosts ? " or 'modify HOST[,HOST...]' to add hosts"
                : r.canModify() ? " or 'modify VALUE'" : "")
                + ", optionally followed by a note. No answer within " + r.timeout().toSeconds() + " seconds rejects.");
        out.print("> ");
        out.flush();
    }

    private void awaitAnswer(CheckpointRequest request, CompletableFuture<CheckpointDecision> answer) {
        try {
            while (!answer.isDone()) {
                Optional<String> line = lines.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (line.isEmpty()) {
                    lines.add(line); // input stays ended for every later checkpoint too
                    out.println();
                    out.println("Input ended: the checkpoint counts as rejected.");
                    answer.complete(CheckpointDecision.reject("standard input ended before an answer"));
                    return;
                }
                Optional<CheckpointDecision> decision = parse(line.get(), request.canModify());
                if (decision.isPresent()) {
                    answer.complete(decision.get());
                    return;
                }
                out.print("Answer 'approve', 'reject'" + (request.canModify() ? " or 'modify VALUE'" : "") + ": ");
                out.flush();
            }
        } catch (InterruptedException e) {
            answer.complete(CheckpointDecision.reject("interrupted while waiting for an answer"));
        }
    }

    /** The decision an answer line means, or empty when it is not one. */
    static Optional<CheckpointDecision> parse(String line, boolean canModify) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        String[] words = trimmed.split("\\s+", 2);
        String command = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : null;
        return switch (command) {
            case "approve", "a", "yes", "y" -> Optional.of(CheckpointDecision.approve(rest));
            case "reject", "r", "no", "n" -> Optional.of(CheckpointDecision.reject(rest == null ? "rejected" : rest));
            case "modify", "m" -> {
                if (!canModify || rest == null) {
                    yield Optional.empty();
                }
                String[] valueAndNote = rest.split("\\s+", 2);
                yield Optional.of(CheckpointDecision.modify(valueAndNote[0],
                        valueAndNote.length > 1 ? valueAndNote[1].strip() : null));
            }
            default -> Optional.empty();
        };
    }

    private synchronized void startReader() {
        if (reader != null) {
            return;
        }
        reader = Thread.ofPlatform().daemon().name("checkpoint-stdin").start(() -> {
            try {
                String line;
                while ((line = source.readLine()) != null) {
                    lines.add(Optional.of(line));
                }
            } catch (IOException e) {
                // An unreadable input is the same as no more input: whatever waits is rejected.
            }
            lines.add(Optional.empty());
        });
    }
}
