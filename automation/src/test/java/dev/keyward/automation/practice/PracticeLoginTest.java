package dev.keyward.automation.practice;

import static dev.keyward.automation.practice.ConsoleClient.form;
import static dev.keyward.automation.practice.ConsoleClient.html;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PracticeLoginTest {

    private static final String SEED = "JBSWY3DPEHPK3PXP";
    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");

    private PracticeCloud cloud;

    @AfterEach
    void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void consolePagesSendAStrangerToLoginWithTheWayBack() throws Exception {
        cloud = PracticeCloud.start(0);
        ConsoleClient browser = new ConsoleClient(cloud);
        for (String page : List.of("/dashboard", "/keys", "/billing", "/checkout", "/danger", "/payment-frame")) {
            HttpResponse<String> response = browser.getRaw(page);
            assertEquals(303, response.statusCode(), page);
            assertEquals("/login?next=%2F" + page.substring(1), response.headers().firstValue("Location").orElseThrow());
        }
        HttpResponse<String> post = browser.postRaw("/account/delete", form());
        assertEquals(303, post.statusCode());
        assertTrue(cloud.state().accountDeletions().isEmpty());
    }

    @Test
    void rightPasswordSignsInAndReturnsToTheRequestedPage() throws Exception {
        cloud = PracticeCloud.start(0);
        ConsoleClient browser = new ConsoleClient(cloud);
        HttpResponse<String> landing = browser.post("/login", form("username", PracticeAccount.DEFAULT_USERNAME,
                "password", PracticeAccount.DEFAULT_PASSWORD, "next", "/keys"));
        assertEquals(200, landing.statusCode());
        assertEquals("/keys", landing.uri().getPath());
        assertEquals(200, browser.getRaw("/dashboard").statusCode());
        assertEquals(List.of(PracticeAccount.Outcome.SIGNED_IN), outcomes());
    }

    @Test
    void wrongPasswordIsReportedAndRecordedWithoutSigningIn() throws Exception {
        cloud = PracticeCloud.start(0);
        ConsoleClient browser = new ConsoleClient(cloud);
        HttpResponse<String> response = browser.post("/login",
                form("username", PracticeAccount.DEFAULT_USERNAME, "password", "not-the-password"));
        assertEquals(401, response.statusCode());
        assertEquals(1, html(response).select("#login-error").size());
        assertFalse(response.body().contains("not-the-password"));
        assertEquals(303, browser.getRaw("/dashboard").statusCode());
        assertEquals(List.of(PracticeAccount.Outcome.WRONG_PASSWORD), outcomes());
        assertFalse(cloud.state().account().everSignedIn());
    }

    @Test
    void configuredCredentialsReplaceTheDefaults() throws Exception {
        cloud = PracticeCloud.start(0);
        cloud.state().account().setCredentials("ops@practice.test", "other-password");
        ConsoleClient browser = new ConsoleClient(cloud);
        assertEquals(401, browser.signIn().statusCode());
        HttpResponse<String> response = browser.post("/login",
                form("username", "ops@practice.test", "password", "other-password"));
        assertEquals("/dashboard", response.uri().getPath());
    }

    @Test
    void totpStepIsRequiredAndOnlyTheCurrentCodePassesIt() throws Exception {
        PracticeState state = new PracticeState(Clock.fixed(NOW, ZoneOffset.UTC));
        state.account().enableTotp(SEED);
        cloud = PracticeCloud.start(0, state);
        ConsoleClient browser = new ConsoleClient(cloud);

        HttpResponse<String> second = browser.signIn();
        assertEquals("/login/totp", second.uri().getPath());
        assertEquals(1, html(second).select("input#totp-code[autocomplete=one-time-code]").size());
        assertEquals(303, browser.getRaw("/dashboard").statusCode(), "half signed in is not signed in");

        String wrong = Totp.codeAt(SEED, NOW.plusSeconds(600));
        assertEquals(401, browser.post("/login/totp", form("code", wrong)).statusCode());
        assertEquals(303, browser.getRaw("/dashboard").statusCode());

        HttpResponse<String> done = browser.post("/login/totp", form("code", Totp.codeAt(SEED, NOW)));
        assertEquals("/dashboard", done.uri().getPath());
        assertEquals(200, done.statusCode());
        assertEquals(List.of(PracticeAccount.Outcome.TOTP_REQUIRED, PracticeAccount.Outcome.WRONG_TOTP,
                PracticeAccount.Outcome.SIGNED_IN), outcomes());
    }

    @Test
    void totpPageIsNotReachableWithoutThePassword() throws Exception {
        PracticeState state = new PracticeState(Clock.fixed(NOW, ZoneOffset.UTC));
        state.account().enableTotp(SEED);
        cloud = PracticeCloud.start(0, state);
        ConsoleClient browser = new ConsoleClient(cloud);
        HttpResponse<String> response = browser.postRaw("/login/totp", form("code", Totp.codeAt(SEED, NOW)));
        assertEquals(303, response.statusCode());
        assertEquals("/login", response.headers().firstValue("Location").orElseThrow());
        assertFalse(state.account().everSignedIn());
    }

    @Test
    void nextPointingOffSiteLandsOnTheDashboard() throws Exception {
        cloud = PracticeCloud.start(0);
        ConsoleClient browser = new ConsoleClient(cloud);
        HttpResponse<String> response = browser.postRaw("/login", form("username", PracticeAccount.DEFAULT_USERNAME,
                "password", PracticeAccount.DEFAULT_PASSWORD, "next", "//elsewhere.example/steal"));
        assertEquals("/dashboard", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        cloud = PracticeCloud.start(0);
        ConsoleClient browser = new ConsoleClient(cloud);
        browser.signIn();
        assertEquals(200, browser.getRaw("/keys").statusCode());
        browser.post("/logout", form());
        assertEquals(303, browser.getRaw("/keys").statusCode());
    }

    private List<PracticeAccount.Outcome> outcomes() {
        return cloud.state().account().logins().stream().map(PracticeAccount.LoginEvent::outcome).toList();
    }
}
