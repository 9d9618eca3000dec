package dev.keyward.automation.runner;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.vault.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands a payment page to the user: Keyward never types card data. Records a {@code financial} checkpoint,
 * tells the user where the page is, and in a headed run keeps the window open until the user closes it or the
 * handoff timeout passes. The run's domain limits stay: secrets may already be typed on this page, so it still
 * reaches only the allowed hosts. A headed handoff shows the person those hosts and lets them add more (a payment
 * processor on another host): the page then reopens in a window limited to the wider list ({@link HandoffWindow}).
 * What the user sends there is theirs and is not held.
 */
final class PaymentHandoff {

    private static final double POLL_MS = 500;

    private final ExecutionRecorder recorder;
    private final NavigationGuard guard;
    private final WriteGate writes;
    private final RunOptions options;
    private final RunObserver observer;
    private final HumanCheckpoints checkpoints;
    private final HandoffWindow window;

    PaymentHandoff(ExecutionRecorder recorder, NavigationGuard guard, WriteGate writes, RunOptions options,
            RunObserver observer, HumanCheckpoints checkpoints, HandoffWindow window) {
        this.recorder = recorder;
        this.guard = guard;
        this.writes = writes;
        this.options = options;
        this.observer = observer;
        this.checkpoints = checkpoints;
        this.window = window;
    }

    /**
     * @param planned true for a {@code handoff_payment} step (recorded as approved: the program ends as
     *                designed), false for a card field met on the way (recorded as rejected: Keyward refused to
     *                type into it)
     */
    void handOff(Page page, String stepId, String reason, boolean planned) {
        String url = page.url();
        recorder.handoff(url, reason);
        Map<String, String> context = new LinkedHashMap<>();
        context.put("step", stepId);
        context.put("page", url);
        context.put("reason", reason);
        context.put("hosts the page may reach", String.join(", ", guard.allowedDomains()));
        String notes = planned
                ? "Payment handed to the user; Keyward typed no card data and placed no order."
                : "Keyward refused to type into a payment card field and handed the page to the user.";
        recorder.checkpoint(CheckpointType.FINANCIAL, "Payment: " + reason,
                "The user enters card details and completes the payment in the browser; Keyward does nothing more.",
                context, planned ? CheckpointDecision.approve(notes) : CheckpointDecision.reject(notes), notes);
        if (options.headed()) {
            writes.handOver();
            HandoffHosts hosts = askHosts(stepId, url);
            observer.notice("Payment handed to you: finish it in the browser window at " + recorder.redact(url)
                    + ". Keyward waits until you close the window (at most "
                    + options.handoffTimeout().toMinutes() + " minutes). The page can reach only "
                    + String.join(", ", hosts.all()) + "; a payment page on another host does not load.");
            if (!hosts.widened()) {
                checkpoints.whileAPersonActs(() -> waitForUser(page, options.handoffTimeout()));
                return;
            }
            try (HandoffWindow.Widened wide = window.reopen(page, hosts, true)) {
                page.close();
                checkpoints.whileAPersonActs(() -> waitForUser(wide.page(), options.handoffTimeout()));
            } catch (PlaywrightException | dev.keyward.automation.browser.BrowserUnavailableException e) {
                observer.notice("The page could not be reopened with the hosts you added; it stays in the first"
                        + " window, limited to " + String.join(", ", hosts.allowed()) + ".");
                if (!page.isClosed()) {
                    checkpoints.whileAPersonActs(() -> waitForUser(page, options.handoffTimeout()));
                }
            }
        } else {
            observer.notice("Payment handed to you: open " + recorder.redact(url)
                    + " in your browser to pay. Keyward typed no card data.");
        }
    }

    /**
     * Shows the person the hosts the page may reach and lets them add some; no answer, a rejection or an answer
     * that is not a list of hosts keeps the run's limits.
     */
    private HandoffHosts askHosts(String stepId, String url) {
        List<String> allowed = guard.allowedDomains();
        Map<String, String> context = new LinkedHashMap<>();
        context.put("page", url);
        context.put("hosts the page may reach", String.join(", ", allowed));
        CheckpointDecision decision = checkpoints.askPerson(new HumanCheckpoints.Question(CheckpointType.FINANCIAL,
                stepId, "The payment page is yours now. It can reach only " + String.join(", ", allowed)
                + ". If the payment needs another host (a payment processor's), add it to the list; the page then"
                + " reopens in a window that may reach it. Anything you type there is yours and is not held.",
                "Approve to keep these hosts, or change the list to add hosts.", context,
                new CheckpointRequest.ModifiableValue(stepId, null, String.join(", ", allowed),
                        CheckpointRequest.ModifiableValue.Shape.HOSTS)));
        if (decision.kind() != CheckpointDecision.Kind.MODIFIED) {
            return HandoffHosts.unchanged(allowed);
        }
        try {
            return HandoffHosts.parse(allowed, decision.modifiedValue());
        } catch (InvalidInputException e) {
            observer.notice(e.getMessage() + " The page keeps the run's hosts.");
            return HandoffHosts.unchanged(allowed);
        }
    }

    private static void waitForUser(Page page, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!page.isClosed() && page.context().browser().isConnected() && System.nanoTime() < deadline) {
                page.waitForTimeout(POLL_MS);
            }
        } catch (PlaywrightException e) {
            // The user closed the window or the browser: the handoff is over.
        }
    }
}
