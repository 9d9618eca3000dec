package dev.keyward.app.ui.discovery;

import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.app.ui.shell.PageKind;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.vault.jobs.JobName;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The "Check now" button and what it says: it asks the session's jobs for a discovery run, but first
 * checks {@code discovery_network_enabled} and, when that is off, says so and sends nothing. A run
 * already under way is reported as such; the inbox reloads when the jobs report the run finished.
 */
final class CheckNowControl {

    static final String NETWORK_OFF = "Discovery network access is off, so Keyward contacts no provider and"
            + " nothing was checked. Turn on \u201cDiscovery network access\u201d in Settings to let it check.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final PageContext ctx;
    private final Button button = new Button("C_heck now");
    private final Label status = new Label();
    private final Label networkOff = new Label(NETWORK_OFF);
    private final Hyperlink settings = new Hyperlink("Open Settings");
    private final HBox banner = new HBox(8, networkOff, settings);

    private boolean disposed;

    CheckNowControl(PageContext ctx) {
        this.ctx = ctx;
        button.setId("discovery-check-now");
        button.setTooltip(new Tooltip("Check your providers' status pages and changelogs now (F5)"));
        button.setOnAction(e -> check());
        button.setMinWidth(Region.USE_PREF_SIZE);
        status.setId("discovery-run-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        networkOff.setId("discovery-network-off");
        networkOff.setWrapText(true);
        // Wrapped text keeps all its lines only when its min height follows them.
        networkOff.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(networkOff, Priority.ALWAYS);
        networkOff.setMaxWidth(Double.MAX_VALUE);
        settings.setId("discovery-open-settings");
        settings.setMinWidth(Region.USE_PREF_SIZE);
        settings.setOnAction(e -> openSettings());
        banner.getStyleClass().add("banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        showNetwork(true);
    }

    Node button() {
        return button;
    }

    /** The sentence about the last check; the page gives it a row of its own so it can wrap. */
    Node status() {
        return status;
    }

    Node banner() {
        return banner;
    }

    /** Shows or hides the "network access is off" banner. */
    void showNetwork(boolean on) {
        banner.setVisible(!on);
        banner.setManaged(!on);
    }

    /** Starts a run, unless network access is off or this button's run is still going. */
    void check() {
        if (button.isDisabled()) {
            return;
        }
        button.setDisable(true);
        status.setText("Checking your providers\u2026");
        ctx.work().run(() -> ctx.session().settings().current().discoveryNetworkEnabled(), on -> {
            showNetwork(on);
            if (!on) {
                button.setDisable(false);
                status.setText(NETWORK_OFF);
                return;
            }
            CompletableFuture<JobResult> run;
            try {
                run = ctx.jobs().runNow(JobName.DISCOVERY);
            } catch (RuntimeException e) {
                // A refused request must not leave the button disabled for good.
                run = CompletableFuture.failedFuture(e);
            }
            run.whenComplete((result, error) -> Platform.runLater(() -> finished(result, error)));
        }, error -> {
            button.setDisable(false);
            status.setText(UserMessages.describe(error));
        });
    }

    void dispose() {
        disposed = true;
    }

    private void finished(JobResult result, Throwable error) {
        if (disposed) {
            return;
        }
        button.setDisable(false);
        status.setText(error != null ? "Discovery could not run: " + UserMessages.describe(error) : describe(result));
    }

    static String describe(JobResult result) {
        if (!result.ran()) {
            // The jobs say why when it is not a run already under way (automation off, jobs not started).
            return result.error() != null ? result.error()
                    : "A discovery run is already under way; the inbox updates by itself when it finishes.";
        }
        String at = "at " + TIME.format(java.time.LocalTime.now(ZoneId.systemDefault()));
        String detail = result.error() == null ? "" : " " + result.error();
        String next = nextScheduled(result.nextRunAt());
        return switch (result.status()) {
            case RUNNING -> "Discovery is still checking your providers; the inbox updates by itself when it finishes.";
            case SUCCESS -> "Discovery checked your providers " + at + "." + next;
            case PARTIAL -> "Discovery checked your providers " + at + ", but some sources failed." + detail + next;
            case FAILED -> "Discovery could not check your providers " + at + "." + detail + next;
            case SKIPPED -> "No provider was checked " + at + "." + (detail.isEmpty()
                    ? " None has a status page or changelog, or discovery is turned off for each." : detail) + next;
        };
    }

    // Check now is one fresh check on request; the daily schedule goes on as before, and the user should know when.
    static String nextScheduled(java.time.Instant nextRunAt) {
        if (nextRunAt == null) {
            return "";
        }
        java.time.ZonedDateTime next = nextRunAt.atZone(ZoneId.systemDefault());
        boolean today = next.toLocalDate().equals(java.time.LocalDate.now(ZoneId.systemDefault()));
        return " The next scheduled check is " + (today ? "today" : "on " + DAY.format(next)) + " at "
                + TIME.format(next) + ".";
    }

    // The page has no navigation of its own: it presses the rail's Settings entry when the window has one.
    private void openSettings() {
        Node nav = settings.getScene() == null ? null : settings.getScene().lookup("#" + PageKind.SETTINGS.navId());
        if (nav instanceof ButtonBase rail) {
            rail.fire();
        } else {
            status.setText("Open Settings from the navigation rail (Ctrl+" + (PageKind.SETTINGS.ordinal() + 1)
                    + ") and turn on Discovery network access.");
        }
    }
}
