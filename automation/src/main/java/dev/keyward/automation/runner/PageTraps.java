package dev.keyward.automation.runner;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.keyward.automation.error.AutomationErrorKind;

/**
 * What a page can do to the run's browser besides sending requests, each decided here and recorded in the run's
 * summary (never with the page's text):
 * <ul>
 *   <li>a dialog ({@code alert}, {@code confirm}, {@code prompt}) is dismissed: a confirm answers "no", a prompt
 *       gives nothing, so no question a page asks is ever answered yes; the browser's own "leave this page?" (a
 *       {@code beforeunload} prompt) is answered "leave", which sends nothing, so a page cannot keep the run from
 *       navigating or closing;</li>
 *   <li>more than {@link #MAX_DIALOGS} dialogs in a run, more than {@link #MAX_PAGES} pages (the run's own and the
 *       windows the page opened), more than {@link #MAX_NAVIGATIONS_PER_STEP} navigations within one step (a reload
 *       or {@code history.pushState} loop), or a crashed page (its renderer ran out of memory or failed) stop the run
 *       through the {@link RunWatchdog}, which closes the browser;</li>
 *   <li>downloads are refused by the context ({@code acceptDownloads} is off); one the page starts is recorded.</li>
 * </ul>
 */
final class PageTraps {

    /** A chore shows a confirmation or two; a page that shows more is looping. */
    static final int MAX_DIALOGS = 20;
    /** The run's page and the windows it opened; a chore needs one or two. */
    static final int MAX_PAGES = 10;
    /** A redirect chain is at most 10 hops, a single-page app adds a few history entries per action. */
    static final int MAX_NAVIGATIONS_PER_STEP = 100;

    private final RunWatchdog watchdog;
    private final ExecutionRecorder recorder;
    private int dialogs;
    private int pages;
    private int navigations;
    private String navigationStep;

    private PageTraps(RunWatchdog watchdog, ExecutionRecorder recorder) {
        this.watchdog = watchdog;
        this.recorder = recorder;
    }

    /** Watches the context's dialogs and every page it opens from now on (install before the first page). */
    static void install(BrowserContext context, RunWatchdog watchdog, ExecutionRecorder recorder) {
        PageTraps traps = new PageTraps(watchdog, recorder);
        // A context listener answers every page's dialogs, popups included; with one, Playwright leaves them to it.
        context.onDialog(traps::dialog);
        context.onPage(traps::page);
    }

    private void dialog(Dialog dialog) {
        dialogs++;
        boolean leaving = "beforeunload".equals(dialog.type());
        try {
            if (leaving) {
                dialog.accept();
            } else {
                dialog.dismiss();
            }
        } catch (PlaywrightException e) {
            // The page or the browser is gone; nothing is left to answer.
        }
        recorder.pageEvent(watchdog.stepId(), "dialog: " + dialog.type(),
                leaving ? "left the page (nothing is sent by leaving)" : "dismissed, not answered yes");
        if (dialogs > MAX_DIALOGS) {
            watchdog.stop(AutomationErrorKind.PAGE_DIALOG_FLOOD, MAX_DIALOGS);
        }
    }

    private void page(Page page) {
        pages++;
        if (pages > MAX_PAGES) {
            watchdog.stop(AutomationErrorKind.PAGE_WINDOW_FLOOD, MAX_PAGES);
            return;
        }
        if (pages > 1) {
            recorder.pageEvent(watchdog.stepId(), "window opened", "kept (" + pages + " of at most " + MAX_PAGES + ")");
        }
        page.onCrash(crashed -> watchdog.stop(AutomationErrorKind.PAGE_CRASHED, 0));
        page.onFrameNavigated(frame -> navigated());
        page.onDownload(download -> recorder.pageEvent(watchdog.stepId(), "download", "refused, nothing saved"));
    }

    private void navigated() {
        String step = watchdog.stepId();
        if (!step.equals(navigationStep)) {
            navigationStep = step;
            navigations = 0;
        }
        if (++navigations > MAX_NAVIGATIONS_PER_STEP) {
            watchdog.stop(AutomationErrorKind.PAGE_NAVIGATION_FLOOD, MAX_NAVIGATIONS_PER_STEP);
        }
    }
}
