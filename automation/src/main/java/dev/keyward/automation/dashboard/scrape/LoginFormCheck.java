package dev.keyward.automation.dashboard.scrape;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.keyward.automation.browser.CardFieldPolicy;
import dev.keyward.automation.browser.TargetDescription;
import dev.keyward.automation.browser.TargetInspector;
import dev.keyward.automation.dashboard.ProviderSelector;
import java.util.List;

/**
 * Decides whether the console's sign-in may be typed into the page now showing: only into the one form the
 * {@code login_username} and {@code login_password} selectors name (a real password input, both in the same
 * form, in the top-level page, sending to an allowed host), and never on a page that holds a payment card field
 * (judged by the browser tier's {@link CardFieldPolicy}, which the runner uses too). It reads labels and
 * attributes, never a field's value.
 */
final class LoginFormCheck {

    /** Inputs looked at for card fields; a sign-in page has a handful, so a page with more is refused. */
    private static final int MAX_INPUTS = 300;

    private static final String SAME_FORM = "(password, other) => password.form === other.form";
    private static final String FORM_ACTION = "password => password.form ? password.form.action : null";

    private LoginFormCheck() {
    }

    /** What the check found: a reason to type nothing, or the exact elements to type into. */
    sealed interface Verdict permits Refused, Fillable {
    }

    /** Nothing may be typed; {@code why} ends a sentence that starts "the sign-in page ...". */
    record Refused(String why) implements Verdict {
    }

    /**
     * The checked elements, so typing hits exactly what was judged; {@code submit} is null when the
     * {@code login_submit} selector names nothing in the same form (then Enter is pressed in the password field).
     */
    record Fillable(ElementHandle user, ElementHandle password, ElementHandle submit) implements Verdict, AutoCloseable {
        @Override
        public void close() {
            release(user);
            release(password);
            release(submit);
        }
    }

    private static void release(ElementHandle handle) {
        try {
            if (handle != null) {
                handle.dispose();
            }
        } catch (PlaywrightException e) {
            // The sign-in navigated away: the page that held the handle is gone, and the handle with it.
        }
    }

    /** Judges the page now showing; a {@link Fillable} must be closed by the caller. */
    static Verdict check(Page page, ScrapePlan plan, DashboardSiteGuard site) {
        if (holdsCardField(page)) {
            return new Refused("holds a payment card field");
        }
        if (page.locator(plan.login("login_username").playwrightLocator()).count() == 0) {
            return new Refused("has no user-name input where the login_username selector points");
        }
        ElementHandle user = page.locator(plan.login("login_username").playwrightLocator()).first().elementHandle();
        ElementHandle password = page.locator(plan.login("login_password").playwrightLocator()).first().elementHandle();
        Verdict verdict = new Refused("could not be checked");
        try {
            verdict = judge(page, plan, site, user, password);
            return verdict;
        } finally {
            if (!(verdict instanceof Fillable)) {
                release(user);
                release(password);
            }
        }
    }

    private static Verdict judge(Page page, ScrapePlan plan, DashboardSiteGuard site, ElementHandle user,
                                 ElementHandle password) {
        TargetDescription userField = TargetInspector.describe(page, user);
        TargetDescription passwordField = TargetInspector.describe(page, password);
        if (CardFieldPolicy.isCardField(userField) || CardFieldPolicy.isCardField(passwordField)) {
            return new Refused("names a payment card field as its sign-in field");
        }
        if (userField.iframeOrigin() != null || passwordField.iframeOrigin() != null) {
            return new Refused("has its sign-in fields inside an embedded frame");
        }
        if (!"input".equals(passwordField.tagName()) || !"password".equalsIgnoreCase(passwordField.inputType())) {
            return new Refused("has no password input where the login_password selector points");
        }
        if (!"input".equals(userField.tagName()) || "password".equalsIgnoreCase(userField.inputType())
                || "hidden".equalsIgnoreCase(userField.inputType())) {
            return new Refused("has no user-name input where the login_username selector points");
        }
        if (!Boolean.TRUE.equals(password.evaluate(SAME_FORM, user))) {
            return new Refused("has its user-name and password fields in different forms");
        }
        Object action = password.evaluate(FORM_ACTION);
        if (action instanceof String target && !target.isBlank()
                && (!site.allows(target) || !DashboardSiteGuard.carriesPasswordsSafely(target))) {
            return new Refused("would send the sign-in to another site or without https");
        }
        return new Fillable(user, password, submitOfForm(page, plan, password));
    }

    private static ElementHandle submitOfForm(Page page, ScrapePlan plan, ElementHandle password) {
        ProviderSelector selector = plan.login("login_submit");
        if (selector == null || selector.playwrightLocator() == null
                || page.locator(selector.playwrightLocator()).count() == 0) {
            return null;
        }
        ElementHandle submit = page.locator(selector.playwrightLocator()).first().elementHandle();
        if (Boolean.TRUE.equals(password.evaluate(SAME_FORM, submit))) {
            return submit;
        }
        submit.dispose();
        return null;
    }

    private static boolean holdsCardField(Page page) {
        int seen = 0;
        for (Frame frame : page.frames()) {
            if (frame != page.mainFrame() && CardFieldPolicy.isPaymentProcessor(frame.url())) {
                return true;
            }
            List<ElementHandle> inputs = frame.querySelectorAll("input, textarea, select");
            try {
                for (ElementHandle input : inputs) {
                    if (seen++ >= MAX_INPUTS) {
                        return true; // no sign-in page has this many inputs; refusing is the safe answer
                    }
                    if (CardFieldPolicy.isCardField(TargetInspector.describe(page, input))) {
                        return true;
                    }
                }
            } finally {
                inputs.forEach(ElementHandle::dispose);
            }
        }
        return false;
    }
}
