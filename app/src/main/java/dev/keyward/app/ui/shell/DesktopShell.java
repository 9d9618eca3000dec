package dev.keyward.app.ui.shell;

import dev.keyward.app.agent.AgentPreference;
import dev.keyward.app.agent.DesktopAgent;
import dev.keyward.app.agent.DesktopApprovals;
import dev.keyward.app.agent.SessionApprovalAudit;
import dev.keyward.app.error.DesktopAction;
import dev.keyward.app.session.SessionServices;
import dev.keyward.app.session.VaultChanges;
import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.ClipboardGuard;
import dev.keyward.app.ui.DesktopServices;
import dev.keyward.app.ui.LongWork;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.ProgressOverlay;
import dev.keyward.app.ui.Theme;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.app.ui.jobs.BackgroundJobs;
import dev.keyward.app.ui.jobs.JobsStarter;
import dev.keyward.app.ui.jobs.SessionJobs;
import dev.keyward.app.ui.tray.Notification;
import dev.keyward.app.ui.tray.Notifier;
import dev.keyward.app.ui.tray.TrayActions;
import dev.keyward.app.ui.approval.ApprovalDialog;
import dev.keyward.app.ui.settings.SettingsPage;
import dev.keyward.app.ui.unlock.RecoveryCodeView;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.settings.ProfileSettings;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The desktop app's window from start to quit: first-start creation, unlock, the main window,
 * lock (hide secret data, keep the session for background jobs) and lock-and-stop (close the
 * session and wipe its keys). The window title and the tray always show which state is in force.
 * While the window sits closed in the tray with nothing unlocked, the app rests and hands memory
 * back ({@link TrayRest}).
 */
public final class DesktopShell {

    /** Why nothing runs in the background of a read-only profile: its answer to a refresh or Check now. */
    /** The tray rest's one timer thread; a daemon, so it never keeps the app from quitting. */
    private static final ScheduledExecutorService REST_TIMER =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "keyward-tray-rest");
                thread.setDaemon(true);
                return thread;
            });
    private static final String NO_JOBS_READ_ONLY = "The profile's folder is read-only, so nothing runs in the"
            + " background: refreshes and checks store what they find in the vault.";

    private final Stage stage;
    private final DesktopServices services;
    private final BackgroundWork work = new BackgroundWork();
    private final ProgressOverlay overlay = new ProgressOverlay();
    private final LongWork longWork = new LongWork(work, overlay);
    private final ClipboardGuard clipboard = new ClipboardGuard(Clipboard.getSystemClipboard());
    private final IdleWatch idle = new IdleWatch(this::lock);
    private final WindowStatus status;
    private final ScreenRouter router;
    private final JobsStarter jobsStarter;
    /** Serves the unlocked profile to this user's command line (docs/agent-protocol.md). */
    private final DesktopAgent agent;
    /** Whether the agent serves at all: the Settings page's switch, stored in the data folder. */
    private final CommandLineServing commandLine;
    /** Asks the person about the agent's requests for this unlock; closed at every lock (grants end, questions are denied). */
    private DesktopApprovals approvals;
    /** The session, its background jobs and which phase is in force; the window follows its changes. */
    private final SessionLifecycle<VaultSession, BackgroundJobs> lifecycle = new SessionLifecycle<>();
    /** The session's services: made at unlock, shared by its pages and jobs, closed at lock-and-stop. */
    private volatile SessionServices sessionServices;
    /** Hears that another process replaced the open vault's file (a restore); closed at lock-and-stop. */
    private VaultChanges.Listening replacedWatch;
    private ProfileSummary profile;
    private ProfileSettings settings;
    private MainView main;
    private RecoveryCodeView recovery;
    private boolean quitting;
    /** Hands memory back while the window is closed to the tray and nothing is unlocked. */
    private final TrayRest rest = new TrayRest(DesktopShell::pause, this::giveMemoryBack);
    /** How many of the rest's passes have handed memory back (tests). */
    private final AtomicInteger restPasses = new AtomicInteger();
    private final ChangeListener<Boolean> restFollowsWindow = (o, was, now) -> rest.windowShown(now);

    public DesktopShell(Stage stage, DesktopServices services) {
        this(stage, services, JobsStarter.forDesktop());
    }

    /** A shell whose sessions' background jobs start through {@code jobsStarter} (tests shorten their tick). */
    public DesktopShell(Stage stage, DesktopServices services, JobsStarter jobsStarter) {
        this.stage = stage;
        this.services = services;
        this.jobsStarter = jobsStarter;
        this.commandLine = new CommandLineServing();
        this.agent = new DesktopAgent(services.profiles().root().path(), System.getenv(),
                () -> Platform.runLater(this::lock), () -> Platform.runLater(this::bringToFront));
        this.status = new WindowStatus(stage, services.tray());
        this.router = new ScreenRouter(services, work, longWork, new Unlocking(this, services), this::created, () -> profile);
        lifecycle.observe(phase -> showStatus());
        lifecycle.observe(rest::phase);
        router.follow(lifecycle);
        status.setActions(new ShellActions(() -> main, router::unlockView, () -> showProfiles(profile, null)));
    }

    /** Shows the window with the first screen (create a profile, or unlock one). */
    public void start() {
        StackPane screen = router.view();
        BorderPane frame = new BorderPane(screen);
        frame.setTop(status.banner());
        StackPane root = new StackPane(frame, overlay);
        screen.disableProperty().bind(overlay.visibleProperty());
        Scene scene = new Scene(root, 1000, 680);
        Theme.addAppStylesheet(scene);
        Theme.LIGHT.apply();
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        // Listening before the first unlock lets a command say "open but locked" and offer this window. The
        // setting's file and the socket are made on a worker, not before the first frame; a stop or quit that
        // comes first wins (DesktopAgent.listen), and an unlock starts listening by itself.
        work.run(() -> commandLine.isOn() && agent.listen(), listening -> { }, error -> { });
        stage.setOnCloseRequest(e -> {
            if (services.tray().isAvailable() && !quitting) {
                e.consume();
                stage.hide();
                if (services.notices().firstTime("closed-to-tray")) {
                    post(Notification.info("Keyward is still running",
                            "Keyward stays in the tray. Choose Quit in its menu to end it."));
                }
            } else {
                quit();
            }
        });
        showStatus();
        stage.show();
        stage.showingProperty().addListener(restFollowsWindow);
        showProfiles(null, null);
        // The tray's toolkit (AWT) starts on a worker while the first screen is drawn, not before it.
        TrayActions trayActions = new TrayActions(this::bringToFront, this::refreshNow, this::lock, this::lockAndStop,
                this::quit);
        work.run(() -> {
            services.tray().install(trayActions);
            return services.tray().isAvailable();
        }, this::trayInstalled, error -> trayInstalled(false));
    }

    /**
     * The rest's timer: the task runs on the JavaFX thread after {@code delay}. Not a JavaFX animation, which would
     * keep the JavaFX pulse ticking sixty times a second for the half minute the app is meant to sit idle.
     */
    private static Runnable pause(java.time.Duration delay, Runnable task) {
        // Cancelled on the JavaFX thread, so a pass already handed to it is dropped there too.
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> due = REST_TIMER.schedule(() -> Platform.runLater(() -> {
            if (!cancelled.get()) {
                task.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            cancelled.set(true);
            due.cancel(false);
        };
    }

    /** One pass of the rest: the collection and the trim run on a worker, so the JavaFX thread never waits on them. */
    private void giveMemoryBack() {
        if (quitting) {
            return;
        }
        work.run(() -> {
            MemoryReturn.now();
            return true;
        }, done -> restPasses.incrementAndGet(), error -> { });
    }

    private void trayInstalled(boolean tray) {
        if (tray) {
            // A hidden window must not end the app while its icon sits in the tray.
            Platform.setImplicitExit(false);
        } else if (!quitting && services.notices().firstTime("no-tray")) {
            post(Notification.info("No system tray", "This desktop has no system tray, so closing the window quits Keyward."));
        }
    }

    /** Lists the profiles and shows the unlock screen, or the create screen when there are none. */
    void showProfiles(ProfileSummary select, String sentence) {
        router.profiles(select, sentence);
    }

    void showCreate(boolean canGoBack) {
        router.create(canGoBack);
    }

    private void created(VaultSession created, Password recoveryCode) {
        adopt(created, () -> {
            recovery = new RecoveryCodeView(recoveryCode, clipboard, () -> {
                recovery = null;
                showMain();
            });
            router.show(recovery);
            recovery.focusFirst();
        });
    }

    /** Takes over an unlocked session: loads its settings and starts its background jobs, then runs {@code next}. */
    void adopt(VaultSession unlocked, Runnable next) {
        if (!lifecycle.beginUnlock(unlocked)) {
            // Quitting (or already shown): nothing may take this session over.
            if (unlocked != lifecycle.session()) {
                unlocked.close();
            }
            return;
        }
        profile = unlocked.profile();
        BackgroundJobs running = lifecycle.jobs();
        SessionServices existing = sessionServices;
        work.run(() -> {
            SessionServices forSession = existing != null && existing.isFor(unlocked) ? existing
                    : SessionServices.open(unlocked, services.profiles().root().path());
            try {
                // A read-only vault cannot record a job's schedule or results: no jobs, and the notice says so.
                BackgroundJobs jobs = running != null && running.isFor(unlocked) ? running
                        : unlocked.isReadOnly() ? null : startJobs(forSession);
                return new Adopted(unlocked.settings().current(), jobs, forSession);
            } catch (RuntimeException e) {
                if (forSession != existing) {
                    forSession.close(); // the error path stops the session; its new services go with it
                }
                throw e;
            }
        }, adopted -> {
            if (!lifecycle.finishUnlock(unlocked, adopted.jobs())) {
                // Locked and stopped while the jobs started: they must not outlive their session.
                stopJobs(adopted.jobs(), adopted.services());
                return;
            }
            sessionServices = adopted.services();
            settings = adopted.settings();
            watchForReplacement(unlocked, adopted.services());
            if (commandLine.isOn()) {
                serveCommandLine(unlocked, adopted.services());
            } else {
                // Turned off since the app started (here, or by the command line's 'agent desktop off'):
                // the listening the app began at its start ends too, so no socket is left.
                agent.stop();
            }
            Theme.of(settings.theme()).apply();
            showStatus();
            if (unlocked.isReadOnly()) {
                post(readOnlyNotice(unlocked));
            }
            next.run();
        }, error -> {
            lockAndStop();
            router.problem(UserMessages.describe(error));
        });
    }

    /**
     * Said once at unlock (the status line keeps saying "read-only"): what works, what does not, what is
     * not recorded, and how to change that, as the command line's note on stderr says it.
     */
    private static Notification readOnlyNotice(VaultSession unlocked) {
        return Notification.info("Read-only profile", "The folder of profile " + unlocked.profile().name() + " ("
                + unlocked.profile().location().folder() + ") is read-only. You can read its secrets, but "
                + "changes are refused and what you read is not recorded in the audit log. Background refresh, "
                + "discovery and clean-up do not run, since they write to the vault. To make changes, lock and "
                + "stop, give your user write access to that folder, and unlock again.");
    }

    /** Serves {@code unlocked} to the command line, with this unlock's approval dialog; false when another agent serves the folder. */
    private boolean serveCommandLine(VaultSession unlocked, SessionServices unlockedServices) {
        if (approvals != null) {
            approvals.close();
        }
        approvals = new DesktopApprovals(new ApprovalDialog(stage, notifier()), new SessionApprovalAudit(unlocked),
                unlocked.redactor(), Clock.systemUTC());
        return agent.unlocked(unlocked, unlockedServices, approvals);
    }

    /** The Settings page's switch: stored for the data folder, and in force at once for the open session. */
    private final class CommandLineServing implements SettingsPage.CommandLineSwitch {

        private final AgentPreference preference = new AgentPreference(services.profiles().root().path());

        @Override
        public boolean isOn() {
            return preference.desktopServes();
        }

        @Override
        public String turn(boolean on) {
            preference.setDesktopServes(on);
            if (!on) {
                if (approvals != null) {
                    approvals.close(); // a question waiting now is denied, and terminal grants end
                    approvals = null;
                }
                agent.stop();
                return "Keyward commands in your terminals now ask for the password themselves.";
            }
            VaultSession open = lifecycle.session();
            if (lifecycle.phase() != SessionPhase.UNLOCKED || open == null || sessionServices == null) {
                return "Keyward commands in your terminals will use this app from the next unlock.";
            }
            if (!serveCommandLine(open, sessionServices)) {
                return "Another Keyward process already serves this data folder, so this app leaves it be;"
                        + " it serves here once that one stops and the profile is unlocked again.";
            }
            return "Keyward commands in your terminals now use this app while the profile is unlocked.";
        }
    }

    /**
     * A restore by another process puts a new vault file in place, while this session's connections still
     * read (and would write) the old one: while the window is unlocked, the session is locked and stopped
     * within the watch's poll, with a sentence, and the next unlock opens the new file.
     */
    private void watchForReplacement(VaultSession unlocked, SessionServices unlockedServices) {
        if (replacedWatch != null) {
            replacedWatch.close();
        }
        replacedWatch = unlockedServices.changes().onReplaced(() -> Platform.runLater(() -> vaultReplaced(unlocked)));
    }

    private void vaultReplaced(VaultSession replaced) {
        if (quitting || lifecycle.session() != replaced) {
            return; // locked and stopped meanwhile, or another session is open now
        }
        ProfileSummary was = replaced.profile();
        String sentence = "The vault of profile '" + was.name() + "' was replaced by another program (a restore,"
                + " perhaps), so Keyward locked it; unlock it again to see what it holds now.";
        lockAndStop(sentence);
        post(Notification.info("Profile locked", sentence));
    }

    /** What adopting a session loads off the JavaFX thread. */
    private record Adopted(ProfileSettings settings, BackgroundJobs jobs, SessionServices services) {
    }

    /** Starts the session's jobs; a failure leaves the window usable without them and says so. */
    private BackgroundJobs startJobs(SessionServices unlocked) {
        try {
            return jobsStarter.start(unlocked, status);
        } catch (RuntimeException e) {
            post(Notification.info("Background jobs did not start",
                    "Refresh, discovery and clean-up will not run until the next unlock. " + UserMessages.describe(e)));
            return null;
        }
    }

    private void stopJobs(BackgroundJobs stopping, SessionServices closing) {
        work.run(() -> {
            if (stopping != null) {
                stopping.close();
            }
            closing.close();
            return true;
        }, ok -> { }, error -> { });
    }

    void showMain() {
        BackgroundJobs jobs = lifecycle.jobs();
        PageContext ctx = new PageContext(lifecycle.session(), work, longWork, stage, clipboard, services.files(),
                services.dotenv(), status, () -> settings, this::settingsSaved, jobs != null ? jobs
                : lifecycle.session().isReadOnly() ? SessionJobs.none(NO_JOBS_READ_ONLY) : SessionJobs.none(),
                sessionServices);
        main = new MainView(new DesktopPages(ctx, sessionServices::referenceLibrary, commandLine), new ShellCommands(this::lock, this::lockAndStop, this::quit,
                this::switchTheme), Theme.of(settings.theme()));
        main.follow(sessionServices.changes());
        router.show(main);
        main.show(PageKind.SECRETS);
        StartupMarks.onNextFrame(stage.getScene(), "main-window");
        status.setStatusBar(main::setStatus);
        armIdle();
    }

    /** Lock: hide every view with secret data; the session stays only if background refresh while locked is on. */
    public void lock() {
        if (lifecycle.phase() != SessionPhase.UNLOCKED) {
            return;
        }
        if (settings == null || !settings.backgroundRefreshWhileLocked()) {
            lockAndStop();
            return;
        }
        hideSecretViews();
        // The router follows: a locked session gets its unlock screen.
        lifecycle.lock();
    }

    /** Lock and stop: hide everything, stop the background jobs, then close the session and wipe its keys. */
    public void lockAndStop() {
        lockAndStop(null);
    }

    /** Lock and stop, then the unlock screen with {@code sentence} (why it locked), if any. */
    private void lockAndStop(String sentence) {
        hideSecretViews();
        SessionLifecycle.Closing<VaultSession, BackgroundJobs> taken = lifecycle.stop();
        SessionServices closingServices = sessionServices;
        sessionServices = null;
        showStatus();
        if (!taken.isEmpty()) {
            VaultSession closing = taken.session();
            BackgroundJobs stopping = taken.jobs();
            // The jobs first: a run still writing must end before its session's database closes.
            BackgroundWork.Job<Boolean> stop = () -> {
                if (stopping != null) {
                    stopping.close();
                }
                if (closingServices != null) {
                    closingServices.close();
                }
                if (closing != null) {
                    closing.close();
                }
                return true;
            };
            if (quitting) {
                // Stopping a running job can take seconds; the window goes first rather than freeze.
                stage.hide();
                try {
                    stop.run();
                } catch (Exception e) {
                    // Quitting anyway; the process ends and takes the keys with it.
                }
                lifecycle.stopped();
            } else {
                work.run(stop, ok -> lifecycle.stopped(), error -> {
                    lifecycle.stopped();
                    post(Notification.error("Keyward", UserMessages.explain(error)));
                });
            }
        }
        if (!quitting) {
            showProfiles(profile, sentence);
        }
    }

    public void quit() {
        close();
        Platform.exit();
    }

    /** Lock and stop, take the icon out of the tray and stop the worker threads; the toolkit keeps running. */
    public void close() {
        if (quitting) {
            return;
        }
        quitting = true;
        lockAndStop();
        agent.close();
        lifecycle.close();
        services.tray().remove();
        stage.showingProperty().removeListener(restFollowsWindow);
        work.close();
    }

    /** Brings the window forward (tray Open, a second start of the app). */
    public void bringToFront() {
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        showStatus();
    }

    private void hideSecretViews() {
        // Every lock path comes here first (lock, auto-lock, lock-and-stop, quit): grants end, waiting
        // questions are denied as locked, and the agent stops serving at once.
        if (approvals != null) {
            approvals.close();
            approvals = null;
        }
        agent.locked();
        // The watch for a replaced vault file ends with the window's; the next unlock compares the file
        // with the one opened at once, so a restore while locked is seen then.
        if (replacedWatch != null) {
            replacedWatch.close();
            replacedWatch = null;
        }
        idle.disarm();
        // Dialogs may show secret data (a value being typed, a rotation, an import preview).
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage s && s.getOwner() == stage) {
                s.close();
            }
        }
        clipboard.clearIfOurs();
        if (main != null) {
            status.setStatusBar(line -> { });
            main.dispose();
            main = null;
        }
        if (recovery != null) {
            recovery.wipe();
            recovery = null;
        }
        router.blank();
    }

    private void settingsSaved(ProfileSettings saved) {
        settings = saved;
        Theme.of(saved.theme()).apply();
        armIdle();
    }

    private void switchTheme(Theme theme) {
        theme.apply();
        VaultSession s = lifecycle.session();
        work.run(() -> {
            s.settings().set("theme", theme.name().toLowerCase(java.util.Locale.ROOT));
            return s.settings().current();
        }, saved -> settings = saved, error -> post(Notification.error("Theme", UserMessages.explain(error))));
    }

    private void armIdle() {
        Duration timeout = services.idleTimeout() != null
                ? Duration.millis(services.idleTimeout().toMillis())
                : Duration.minutes(settings.autoLockMinutes());
        idle.arm(timeout);
    }

    /** Tray "Refresh now": the dashboard refresh of the open session, or a request to unlock first. */
    private void refreshNow() {
        BackgroundJobs running = lifecycle.jobs();
        if (lifecycle.lockState() == LockState.STOPPED) {
            bringToFront();
            post(new Notification("Unlock first",
                    "Keyward is locked and stopped, so nothing runs in the background. Unlock a profile to refresh its dashboard.",
                    Notification.Urgency.INFO, DesktopAction.UNLOCK));
        } else if (running == null && lifecycle.session() != null && lifecycle.session().isReadOnly()) {
            post(Notification.info("Nothing to refresh", NO_JOBS_READ_ONLY));
        } else if (running == null) {
            post(Notification.info("Nothing to refresh",
                    "Background jobs are not running in this session; lock and stop, then unlock again to start them."));
        } else {
            running.refreshFromTray();
        }
    }

    private void post(Notification n) {
        status.post(n);
    }

    private void showStatus() {
        VaultSession open = lifecycle.session();
        status.show(lifecycle.lockState(), profile, open != null && open.isReadOnly());
    }

    // Package-private views for the unlock flow and tests.
    VaultSession session() {
        return lifecycle.session();
    }

    /** The session kept open while locked, the only one an unlock may hand back; read from worker threads too. */
    VaultSession keptSession() {
        return lifecycle.keptSession();
    }

    ProfileSummary profile() {
        return profile;
    }

    /** Where later features post notifications (tray balloon, else a banner in the window). */
    public Notifier notifier() {
        return status;
    }

    public LockState state() {
        return lifecycle.lockState();
    }

    BackgroundWork work() {
        return work;
    }

    /** The running background jobs, or null when stopped (tests). */
    BackgroundJobs jobs() {
        return lifecycle.jobs();
    }

    /** The main window while a profile is unlocked, else null (tests). */
    MainView main() {
        return main;
    }

    /** How many passes of the tray rest have handed memory back since the app started (tests). */
    int restPasses() {
        return restPasses.get();
    }

    /** The session's services, or null when stopped (tests). */
    SessionServices sessionServices() {
        return sessionServices;
    }
}
