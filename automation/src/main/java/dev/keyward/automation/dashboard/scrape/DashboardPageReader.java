package dev.keyward.automation.dashboard.scrape;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.ProviderSelector;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.store.LoginSecrets;
import dev.keyward.vault.crypto.Wipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one provider dashboard in a fresh browser context: opens the dashboard URL, signs in on
 * the console's form when it asks (user name and password from the vault), then reads the text at
 * each figure selector. A selector that finds nothing is reported as broken and makes the result
 * {@code partial} with {@link FailureCause#SELECTOR_DRIFT}. The context stays on the dashboard's own
 * site ({@link DashboardSiteGuard}), and the sign-in is typed only into the form {@link LoginFormCheck}
 * accepts; a dashboard that sends the browser elsewhere fails the scrape with nothing typed.
 */
final class DashboardPageReader {

    private final ScrapeCredentials credentials;
    private final SelectorCheck check;

    DashboardPageReader(ScrapeCredentials credentials, SelectorCheck check) {
        this.credentials = credentials;
        this.check = check;
    }

    CollectionResult read(Browser browser, ScrapePlan plan, Duration timeout) {
        String slug = plan.providerSlug();
        DashboardSiteGuard site = new DashboardSiteGuard(plan);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(false))) {
            site.install(context);
            Page page = context.newPage();
            page.setDefaultTimeout(timeout.toMillis());
            page.setDefaultNavigationTimeout(timeout.toMillis());
            try {
                return readOnSite(page, plan, site);
            } catch (PlaywrightException e) {
                // A navigation the guard aborted surfaces as a failed load; say where the page was sent instead.
                Optional<String> stray = site.strayHost(page);
                if (stray.isPresent()) {
                    return sentAway(plan, site, stray.get());
                }
                throw e;
            }
        } catch (TimeoutError e) {
            return failed(FailureCause.TIMEOUT, "The dashboard of " + slug + " did not load within "
                    + timeout.toSeconds() + " s.");
        } catch (PlaywrightException e) {
            // Playwright's messages quote URLs and page text; only the kind of failure is told.
            return failed(FailureCause.UNREACHABLE, "The dashboard of " + slug + " at " + plan.dashboardUrl().getHost()
                    + " could not be opened. Check the dashboard URL in the provider settings and the network.");
        }
    }

    private CollectionResult readOnSite(Page page, ScrapePlan plan, DashboardSiteGuard site) {
        page.navigate(plan.dashboardUrl().toString());
        Optional<String> stray = site.strayHost(page);
        if (stray.isPresent()) {
            return sentAway(plan, site, stray.get());
        }
        if (asksForSignIn(page, plan)) {
            CollectionResult refused = signIn(page, plan, site);
            if (refused != null) {
                return refused;
            }
            if (!samePath(page.url(), plan)) {
                page.navigate(plan.dashboardUrl().toString());
            }
        }
        // Checked again: a page may send the browser away after it loaded; nothing off-site is read.
        stray = site.strayHost(page);
        if (stray.isPresent()) {
            return sentAway(plan, site, stray.get());
        }
        return readFigures(page, plan);
    }

    private static boolean asksForSignIn(Page page, ScrapePlan plan) {
        ProviderSelector username = plan.login("login_username");
        ProviderSelector password = plan.login("login_password");
        return username != null && password != null && username.playwrightLocator() != null
                && password.playwrightLocator() != null && page.locator(password.playwrightLocator()).count() > 0;
    }

    /** Fills the sign-in form; answers a failed result when that is impossible or refused, else null. */
    private CollectionResult signIn(Page page, ScrapePlan plan, DashboardSiteGuard site) {
        String slug = plan.providerSlug();
        // Where the page is and what it holds are judged before a credential is even read from the vault.
        Optional<String> stray = site.strayHost(page);
        if (stray.isPresent()) {
            return sentAway(plan, site, stray.get());
        }
        if (!DashboardSiteGuard.carriesPasswordsSafely(page.url())) {
            return failed(FailureCause.BAD_CONFIGURATION, "The sign-in page of " + slug + " at "
                    + NavigationGuard.hostOf(page.url()) + " is not served over https, so Keyward typed nothing (plain "
                    + "http is accepted only on this computer). Use the https address of the dashboard.");
        }
        LoginFormCheck.Verdict verdict = LoginFormCheck.check(page, plan, site);
        if (verdict instanceof LoginFormCheck.Refused refused) {
            return failed(FailureCause.BAD_CONFIGURATION, "The sign-in page of " + slug + " " + refused.why()
                    + ", so Keyward typed nothing. Check the page in a browser, and the provider's login selectors.");
        }
        try (LoginFormCheck.Fillable form = (LoginFormCheck.Fillable) verdict) {
            return fillAndSubmit(page, plan, form);
        }
    }

    private CollectionResult fillAndSubmit(Page page, ScrapePlan plan, LoginFormCheck.Fillable form) {
        String slug = plan.providerSlug();
        char[] user = credentials.read(LoginSecrets.usernameSecret(slug));
        char[] password = credentials.read(LoginSecrets.passwordSecret(slug));
        try {
            if (user == null || password == null) {
                return failed(FailureCause.KEY_UNAVAILABLE, "The dashboard of " + slug + " asks for a sign-in; store it as the "
                        + "secrets " + LoginSecrets.usernameSecret(slug) + " and " + LoginSecrets.passwordSecret(slug) + ".");
            }
            // Playwright takes Strings; these live only until this method returns and are never logged.
            form.user().fill(new String(user));
            form.password().fill(new String(password));
            if (form.submit() != null) {
                form.submit().click();
            } else {
                form.password().press("Enter");
            }
            page.waitForLoadState();
            if (asksForSignIn(page, plan)) {
                return failed(FailureCause.KEY_REJECTED, "The dashboard of " + slug + " refused the sign-in; check the "
                        + "secrets " + LoginSecrets.usernameSecret(slug) + " and " + LoginSecrets.passwordSecret(slug) + ".");
            }
            return null;
        } finally {
            Wipe.chars(user);
            Wipe.chars(password);
        }
    }

    private CollectionResult readFigures(Page page, ScrapePlan plan) {
        PageFigures figures = new PageFigures();
        List<ProviderSelector> matched = new ArrayList<>();
        List<ProviderSelector> broken = new ArrayList<>();
        for (ProviderSelector selector : plan.figures()) {
            Locator found = page.locator(selector.playwrightLocator());
            if (found.count() == 0) {
                broken.add(selector);
                continue;
            }
            matched.add(selector);
            figures.put(selector.dataType(), found.first().textContent());
        }
        check.checked(plan, List.copyOf(matched), List.copyOf(broken));
        String slug = plan.providerSlug();
        if (broken.isEmpty()) {
            return new CollectionResult(CollectionMethod.SCRAPE, CollectionStatus.SUCCESS, figures.usageJson(),
                    figures.configJson(), figures.restrictionsJson(), HealthStatus.UNKNOWN, ServiceStatus.UNKNOWN,
                    List.of(), null, FailureCause.NONE);
        }
        List<String> names = broken.stream().map(ProviderSelector::dataType).toList();
        return new CollectionResult(CollectionMethod.SCRAPE, CollectionStatus.PARTIAL, figures.usageJson(),
                figures.configJson(), figures.restrictionsJson(), HealthStatus.UNKNOWN, ServiceStatus.UNKNOWN,
                List.of(), broken.size() + " of " + plan.figures().size() + " selectors no longer match the dashboard of "
                + slug + " (" + String.join(", ", names) + "); they were marked broken until a new selector version is added.", FailureCause.SELECTOR_DRIFT);
    }

    private static boolean samePath(String url, ScrapePlan plan) {
        try {
            return java.net.URI.create(url).getPath().equals(plan.dashboardUrl().getPath());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static CollectionResult sentAway(ScrapePlan plan, DashboardSiteGuard site, String host) {
        return failed(FailureCause.BAD_CONFIGURATION, "The dashboard of " + plan.providerSlug() + " sent the browser to "
                + "another site (" + host + "), outside its allowed domains " + site.allowedDomains() + "; Keyward "
                + "stopped there and typed nothing. Check the dashboard URL in the provider settings.");
    }

    private static CollectionResult failed(FailureCause cause, String sentence) {
        return CollectionResult.failed(CollectionMethod.SCRAPE, HealthStatus.UNKNOWN, cause, sentence);
    }
}
