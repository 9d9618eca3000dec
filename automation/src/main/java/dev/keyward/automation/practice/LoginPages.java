package dev.keyward.automation.practice;

import static dev.keyward.automation.practice.Html.e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sign-in with user name and password, the optional TOTP second step, and sign-out.
 */
final class LoginPages {

    private final PracticeState state;
    private final Sessions sessions;

    LoginPages(PracticeState state, Sessions sessions) {
        this.state = state;
        this.sessions = sessions;
    }

    void register(Router router) {
        router.get("/", Router.Access.PUBLIC, request -> PracticeResponse.redirect("/dashboard"));
        router.get("/login", Router.Access.PUBLIC, this::showLogin);
        router.post("/login", Router.Access.PUBLIC, this::submitLogin);
        router.get("/login/totp", Router.Access.PASSWORD_PASSED, this::showTotp);
        router.post("/login/totp", Router.Access.PASSWORD_PASSED, this::submitTotp);
        router.post("/logout", Router.Access.PUBLIC, this::logout);
    }

    private PracticeResponse showLogin(PracticeRequest request) {
        if (request.session().map(Sessions.Session::signedIn).orElse(false)) {
            return PracticeResponse.redirect(safeNext(request.queryParam("next")));
        }
        return PracticeResponse.html(200, loginPage(request.queryParam("next"), ""));
    }

    private PracticeResponse submitLogin(PracticeRequest request) {
        String next = request.field("next");
        PracticeAccount.Outcome outcome = state.account()
                .checkPassword(request.field("username"), request.field("password"), state.clock().instant());
        request.session().ifPresent(old -> sessions.end(old.token()));
        return switch (outcome) {
            case SIGNED_IN -> startSession(true, safeNext(next));
            case TOTP_REQUIRED -> startSession(false,
                    "/login/totp?next=" + URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8));
            default -> PracticeResponse.html(401, loginPage(next, """
                    <p id="login-error" class="error" role="alert" data-testid="login-error">\
                    Wrong email or password. Check both and try again.</p>
                    """));
        };
    }

    private PracticeResponse showTotp(PracticeRequest request) {
        return PracticeResponse.html(200, totpPage(request.queryParam("next"), ""));
    }

    private PracticeResponse submitTotp(PracticeRequest request) {
        String next = request.field("next");
        PracticeAccount.Outcome outcome = state.account().checkTotp(request.field("code").strip(), state.clock().instant());
        if (outcome != PracticeAccount.Outcome.SIGNED_IN) {
            return PracticeResponse.html(401, totpPage(next, """
                    <p id="totp-error" class="error" role="alert" data-testid="totp-error">\
                    That code did not match. Enter the current 6-digit code from your authenticator.</p>
                    """));
        }
        request.session().ifPresent(old -> sessions.end(old.token()));
        return startSession(true, safeNext(next));
    }

    private PracticeResponse logout(PracticeRequest request) {
        request.session().ifPresent(session -> sessions.end(session.token()));
        return PracticeResponse.redirect("/login").withHeader("Set-Cookie", Sessions.clearCookie());
    }

    private PracticeResponse startSession(boolean signedIn, String location) {
        Sessions.Session session = sessions.start(signedIn);
        return PracticeResponse.redirect(location).withHeader("Set-Cookie", Sessions.setCookie(session));
    }

    /** Only same-site paths are followed after sign-in, so {@code next} cannot send the browser elsewhere. */
    static String safeNext(String next) {
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
        return local ? next : "/dashboard";
    }

    private static String loginPage(String next, String errorHtml) {
        return Html.page("Sign in", false, """
                <h1>Sign in to Practice Cloud</h1>
                %s
                <form method="post" action="/login" id="login-form" data-testid="login-form">
                <input type="hidden" name="next" value="%s">
                <label for="username">Email</label>
                <input id="username" name="username" type="text" inputmode="email" autocomplete="username" \
                required data-testid="username">
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" \
                required data-testid="password">
                <button type="submit" id="sign-in" data-testid="sign-in">Sign in</button>
                </form>
                """.formatted(errorHtml, e(Optional.ofNullable(next).orElse(""))));
    }

    private static String totpPage(String next, String errorHtml) {
        return Html.page("Two-step verification", false, """
                <h1>Two-step verification</h1>
                <p id="totp-prompt">Enter the 6-digit code from your authenticator app.</p>
                %s
                <form method="post" action="/login/totp" id="totp-form" data-testid="totp-form">
                <input type="hidden" name="next" value="%s">
                <label for="totp-code">Authentication code</label>
                <input id="totp-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" \
                pattern="[0-9]{6}" maxlength="6" required data-testid="totp-code">
                <button type="submit" id="verify-code" data-testid="verify-code">Verify</button>
                </form>
                """.formatted(errorHtml, e(next)));
    }
}
