package dev.keyward.automation.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.program.Step;
import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.AutomationScriptRepository;
import dev.keyward.vault.redact.Redactor;
import dev.keyward.vault.session.VaultSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Writes one run into {@code automation_executions} and {@code hitl_checkpoints} as it goes: status,
 * checkpoint counters, per-step outcomes, non-secret outputs, names (never values) of secrets stored,
 * screenshot paths. Every text passes the session's redactor on its way in.
 */
final class ExecutionRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VaultSession session;
    private final Redactor redactor;
    private final ExecutionRepository executions;
    private final CheckpointRepository checkpoints;
    private final AutomationScript script;
    private final String executionId;
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final List<Map<String, Object>> secretsStored = new ArrayList<>();
    private final List<Map<String, Object>> screenshots = new ArrayList<>();
    private final List<String> screenshotPaths = new ArrayList<>();
    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private int reached;
    private int approved;
    private int rejected;
    private String handoffUrl;
    private String handoffReason;
    /** What the page did that the runner decided on its own (a dialog dismissed, a window opened), oldest first. */
    private final List<Map<String, Object>> pageEvents = new ArrayList<>();
    private int pageEventsNotListed;
    /** The first page events are listed; a page that loops is counted, not copied into the row. */
    static final int PAGE_EVENTS_LISTED = 20;
    private PageStop stopped;
    /** The insert of the run's row, under way on its own thread (see {@link #start}). */
    private Future<Void> started;
    /** Rows that need not be on disk at once, written in the run's next transaction (see {@link #writeLater}). */
    private final List<RowWork> later = new ArrayList<>();

    /** A row written inside one of the recorder's transactions. */
    @FunctionalInterface
    interface RowWork {
        void write(java.sql.Connection c) throws java.sql.SQLException;
    }

    private ExecutionRecorder(VaultSession session, AutomationScript script, StepProgram program, String executionId) {
        this.session = session;
        this.redactor = session.redactor();
        this.executions = new ExecutionRepository(session.profileId());
        this.checkpoints = new CheckpointRepository(session.profileId());
        this.script = script;
        this.executionId = executionId;
        for (Step step : program.steps()) {
            outcomes.add(StepOutcome.notStarted(step.id(), step.type().jsonName()));
        }
    }

    /**
     * Inserts the run as {@code running} and returns its recorder. The row is written on a thread of its own, so its
     * transaction (a sync of the vault file) overlaps with the browser's start instead of preceding it; the run waits
     * for it ({@link #awaitStarted}) before its first step, and every later write of the run waits for it too.
     */
    static ExecutionRecorder start(VaultSession session, AutomationScript script, StepProgram program) {
        ExecutionRecorder recorder = new ExecutionRecorder(session, script, program, UUID.randomUUID().toString());
        String summary = recorder.summaryJson();
        FutureTask<Void> insert = new FutureTask<>(() -> session.database().write(c -> {
            recorder.executions.insertRunning(c, recorder.executionId, script.id(), session.now(), summary);
            session.audit().record(c, "automation", "run_start", "automation_execution", recorder.executionId,
                    Map.of("script_id", script.id(), "version", script.version()));
            return null;
        }));
        recorder.started = insert;
        Thread.ofPlatform().daemon().name("keyward-run-start").start(insert);
        return recorder;
    }

    /**
     * Waits until the run's row is written. Throws what writing it threw (the vault's own error), so a run whose row
     * could not be written takes no step.
     */
    void awaitStarted() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    started.get();
                    return;
                } catch (InterruptedException e) {
                    // The write is one short transaction: waiting it out keeps the row and what follows it in step
                    // (an interrupt here would leave the row 'running' for ever); the interrupt is kept for later.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the run's row could not be written", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String executionId() {
        return executionId;
    }

    List<StepOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    Map<String, String> outputs() {
        return Map.copyOf(outputs);
    }

    int screenshotCount() {
        return screenshotPaths.size();
    }

    String redact(String text) {
        return redactor.redact(text);
    }

    /**
     * A row that only ever makes later runs ask less (an approved request remembered for repeat runs): written in
     * the run's next transaction (a checkpoint, a pause, the end) instead of one of its own, which cost a sync of
     * the vault file. Lost only if the process dies first, and then a later run asks again.
     */
    void writeLater(RowWork work) {
        synchronized (later) {
            later.add(work);
        }
    }

    /**
     * A step's outcome. Kept in memory until the row is next written (a checkpoint, a pause, a screenshot, a
     * stored secret, a handoff, the end): one SQLCipher transaction per step was most of the runner's own cost
     * per step, and the live view follows the {@link RunObserver}, not the row.
     */
    void step(int index, StepStatus stepStatus, int attempts, String error, String note) {
        outcomes.set(index, outcomes.get(index).with(stepStatus, attempts, redact(error), redact(note)));
    }

    /** A non-secret output; the caller has checked the redactor leaves it unchanged. Written with the next row update. */
    void output(String name, String value) {
        outputs.put(name, redact(value));
    }

    void secretStored(String stepId, String name, int version) {
        secretsStored.add(ordered("step", stepId, "name", name, "version", version));
        persist();
    }

    void screenshot(String stepId, String name, String relativePath, boolean failure) {
        screenshotPaths.add(relativePath);
        screenshots.add(ordered("step", stepId, "name", name, "path", relativePath, "kind", failure ? "failure" : "step"));
        persist();
    }

    void handoff(String url, String reason) {
        this.handoffUrl = redact(url);
        this.handoffReason = redact(reason);
        persist();
    }

    /**
     * Something the page did that the runner decided itself, and how ({@code "dialog: confirm"}, {@code "dismissed"});
     * never the page's text. Written with the next row update.
     */
    void pageEvent(String stepId, String event, String outcome) {
        if (pageEvents.size() < PAGE_EVENTS_LISTED) {
            pageEvents.add(ordered("step", stepId, "event", event, "outcome", outcome));
        } else {
            pageEventsNotListed++;
        }
    }

    String handoffUrl() {
        return handoffUrl;
    }

    void paused() {
        status = ExecutionStatus.PAUSED_AT_CHECKPOINT;
        persist();
    }

    /** Records the question and the answer as a {@code hitl_checkpoints} row and counts it. */
    void checkpoint(CheckpointType type, String description, String proposedAction, Map<String, String> context,
            CheckpointDecision decision, String notes) {
        status = ExecutionStatus.RUNNING;
        reached++;
        if (decision.proceeds()) {
            approved++;
        } else {
            rejected++;
        }
        Map<String, String> redacted = new LinkedHashMap<>();
        context.forEach((k, v) -> redacted.put(k, redact(v)));
        CheckpointRecord record = new CheckpointRecord(UUID.randomUUID().toString(), executionId, type,
                redact(description), redact(proposedAction), redact(write(redacted)), decision.kind(), redact(notes),
                session.now());
        awaitStarted();
        session.database().write(c -> {
            checkpoints.insert(c, record);
            update(c);
            session.audit().record(c, "automation", "checkpoint", "automation_execution", executionId,
                    Map.of("type", type.dbValue(), "decision", decision.kind().dbValue()));
            return null;
        });
    }

    /** Ends the run as a failure the page caused: its typed error, and the kind and step in the summary. */
    RunResult finish(PageStop stop) {
        stopped = stop;
        return finish(ExecutionStatus.FAILURE, stop.sentence());
    }

    /** Ends the run: final status and error, the script's run counters, an audit entry. */
    RunResult finish(ExecutionStatus finalStatus, String error) {
        status = finalStatus;
        String redactedError = redact(error);
        awaitStarted();
        session.database().write(c -> {
            update(c);
            executions.finish(c, executionId, finalStatus, session.now(), redactedError);
            new AutomationScriptRepository(session.profileId()).recordExecution(c, script.id(), finalStatus.dbValue(),
                    session.now());
            session.audit().record(c, "automation", "run_finish", "automation_execution", executionId,
                    Map.of("script_id", script.id(), "status", finalStatus.dbValue()));
            return null;
        });
        return new RunResult(executionId, finalStatus, redactedError, outcomes, outputs, handoffUrl, stopped);
    }

    private void persist() {
        awaitStarted();
        session.database().write(c -> {
            update(c);
            return null;
        });
    }

    private void update(java.sql.Connection c) throws java.sql.SQLException {
        synchronized (later) {
            for (RowWork work : later) {
                work.write(c);
            }
            later.clear();
        }
        executions.update(c, executionId, status, reached, approved, rejected,
                screenshotPaths.isEmpty() ? null : write(screenshotPaths), summaryJson());
    }

    private String summaryJson() {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("program").put("script_id", script.id()).put("title", redact(script.title()))
                .put("version", script.version());
        ArrayNode steps = root.putArray("steps");
        for (StepOutcome o : outcomes) {
            ObjectNode step = steps.addObject().put("id", o.stepId()).put("type", o.type())
                    .put("status", o.status().jsonName()).put("attempts", o.attempts());
            if (o.error() != null) {
                step.put("error", o.error());
            }
            if (o.note() != null) {
                step.put("note", o.note());
            }
        }
        ObjectNode out = root.putObject("outputs");
        outputs.forEach(out::put);
        root.set("secrets_stored", JSON.valueToTree(secretsStored));
        root.set("screenshots", JSON.valueToTree(screenshots));
        if (handoffUrl != null) {
            root.putObject("handoff").put("url", handoffUrl).put("reason", handoffReason);
        }
        if (!pageEvents.isEmpty()) {
            root.set("page_events", JSON.valueToTree(pageEvents));
        }
        if (pageEventsNotListed > 0) {
            root.put("page_events_not_listed", pageEventsNotListed);
        }
        if (stopped != null) {
            root.putObject("stopped").put("kind", stopped.kindName()).put("step", stopped.stepId())
                    .put("limit", stopped.count());
        }
        return redact(write(root));
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run summary could not be written as JSON", e);
        }
    }
}
