package dev.keyward.automation.program;

import static dev.keyward.automation.program.CheckpointType.ACCOUNT;
import static dev.keyward.automation.program.CheckpointType.API_KEY;
import static dev.keyward.automation.program.CheckpointType.BILLING;
import static dev.keyward.automation.program.CheckpointType.FINANCIAL;
import static dev.keyward.automation.program.CheckpointType.IRREVERSIBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.browser.EffectContext;
import dev.keyward.automation.browser.ElementFacts;
import dev.keyward.automation.browser.FormFacts;
import dev.keyward.automation.browser.RequestFacts;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EffectClassifierTest {

    private static final String PAGE = "https://app.example.test/settings";

    private static ElementFacts button(String text) {
        return new ElementFacts("button", null, null, null, null, text, text, null, null, null, null, null, null, null,
                null, null, null, null, null, false);
    }

    private static ElementFacts titled(String text, String title) {
        return new ElementFacts("button", null, null, null, null, text, text, title, null, null, null, null, null,
                null, null, null, null, null, null, false);
    }

    private static ElementFacts icon() {
        return new ElementFacts("svg", null, null, null, null, "", "", null, null, null, null, null, null, null, null,
                null, null, null, null, false);
    }

    private static ElementFacts link(String text, String href, boolean scripted) {
        return new ElementFacts("a", null, null, null, null, text, text, null, null, null, null, null, null, null,
                null, null, null, null, href, scripted);
    }

    private static ElementFacts textInput(String name) {
        return new ElementFacts("input", "text", null, name, name, null, "", null, null, null, null, null, null, null,
                null, null, null, null, null, false);
    }

    private static FormFacts post(String action, List<String> fields, String... submits) {
        return new FormFacts(null, "POST", action, fields, List.of(submits), false, null);
    }

    private static FormFacts get(String action) {
        return new FormFacts(null, "GET", action, List.of("q"), List.of("Search"), false, null);
    }

    private static EffectContext click(ElementFacts element, ElementFacts activator, FormFacts form) {
        return new EffectContext(element, activator, form, null, null, null, PAGE, "#x");
    }

    private static Optional<CheckpointType> type(EffectContext context) {
        return EffectClassifier.classify(context).map(RiskAdvice::type);
    }

    static Stream<Arguments> actions() {
        String base = "https://app.example.test";
        return Stream.of(
                Arguments.of("Continue posting to a purchase endpoint",
                        click(button("Continue"), null, post(base + "/api/purchase", List.of(), "Continue")), FINANCIAL),
                Arguments.of("OK posting a plan field",
                        click(button("OK"), null, post(base + "/api/v2/submit", List.of("plan", "seats"), "OK")),
                        FINANCIAL),
                Arguments.of("Done whose form's other button says Pay",
                        click(button("Done"), null, post(base + "/x", List.of(), "Done", "Pay now")), FINANCIAL),
                Arguments.of("Enter in a quantity field",
                        click(textInput("quantity"), null, post(base + "/cart", List.of("quantity"), "Update"))
                                .withKey("Enter"), FINANCIAL),
                Arguments.of("NumpadEnter on a buy button",
                        click(button("Buy now"), null, null).withKey("NumpadEnter"), FINANCIAL),
                Arguments.of("the icon inside Subscribe reads the button",
                        click(icon(), button("Subscribe"), post(base + "/api/submit", List.of(), "Subscribe")),
                        FINANCIAL),
                Arguments.of("× titled Revoke key", click(titled("×", "Revoke key"), null, null), IRREVERSIBLE),
                Arguments.of("Löschen", click(button("Löschen"), null, null), IRREVERSIBLE),
                Arguments.of("Kündigen", click(button("Vertrag kündigen"), null, null), IRREVERSIBLE),
                Arguments.of("Supprimer", click(button("Supprimer"), null, null), IRREVERSIBLE),
                Arguments.of("Eliminar", click(button("Eliminar cuenta"), null, null), IRREVERSIBLE),
                Arguments.of("削除", click(button("削除する"), null, null), IRREVERSIBLE),
                Arguments.of("删除", click(button("删除项目"), null, null), IRREVERSIBLE),
                Arguments.of("Kaufen", click(button("Jetzt kaufen"), null, null), FINANCIAL),
                Arguments.of("Acheter", click(button("Acheter"), null, null), FINANCIAL),
                Arguments.of("Payer", click(button("Payer"), null, null), FINANCIAL),
                Arguments.of("Comprar", click(button("Comprar"), null, null), FINANCIAL),
                Arguments.of("Pagar", click(button("Pagar ahora"), null, null), FINANCIAL),
                Arguments.of("購入", click(button("購入する"), null, null), FINANCIAL),
                Arguments.of("支付", click(button("立即支付"), null, null), FINANCIAL),
                Arguments.of("Roll key", click(button("Roll key…"), null, null), API_KEY),
                Arguments.of("Regenerar clave", click(button("Regenerar clave"), null, null), API_KEY),
                Arguments.of("typed confirmation then Enter",
                        click(textInput("verify"), null, new FormFacts("delete-project", "POST", base + "/projects/acme",
                                List.of("verify"), List.of("I understand"), false,
                                "This cannot be undone. Please type acme to confirm.")).withKey("Enter"),
                        IRREVERSIBLE),
                Arguments.of("when both money and deletion show, money (the stricter) wins",
                        click(button("Delete and pay the balance"), null, null), FINANCIAL),
                Arguments.of("DELETE path in a POST form beats an account form",
                        click(button("Continue"), null, new FormFacts(null, "POST", base + "/account/delete",
                                List.of("password"), List.of("Continue"), true, null)), IRREVERSIBLE),
                Arguments.of("a plain link to a delete path", click(link("Weiter", base + "/account/delete?x=1", false),
                        null, null), IRREVERSIBLE),
                Arguments.of("a scripted link is judged by its label",
                        click(link("Buy", base + "/products", true), null, null), FINANCIAL),
                // Benign controls.
                Arguments.of("GET link 'Buy more info'", click(link("Buy more info", base + "/products/info", false),
                        null, null), null),
                Arguments.of("GET search form", click(button("Search"), null, get(base + "/search")), null),
                Arguments.of("Enter in a GET search field", click(textInput("q"), null, get(base + "/search"))
                        .withKey("Enter"), null),
                Arguments.of("Remove filter link", click(link("Remove filter", base + "/items", false), null, null),
                        null),
                Arguments.of("Space in a field of a purchase form still reads the form (stricter)", click(textInput("q"), null,
                        post(base + "/api/purchase", List.of("q"))).withKey("Space"), FINANCIAL),
                Arguments.of("a Next button posting nowhere risky", click(button("Next"), null,
                        post(base + "/wizard/step-2", List.of("name"), "Next")), null),
                Arguments.of("Sign out", click(button("Sign out"), null, post(base + "/logout", List.of(), "Sign out")),
                        null),
                Arguments.of("the billing cap form", click(button("Save cap"), null,
                        post(base + "/billing/cap", List.of("monthly_cap"), "Save cap")), BILLING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void actionsAreClassifiedFromEverythingAroundThem(String name, EffectContext context, CheckpointType expected) {
        assertEquals(Optional.ofNullable(expected), type(context), name);
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of(new RequestFacts("POST", "x.test", "/api/purchase", List.of()), FINANCIAL),
                Arguments.of(new RequestFacts("POST", "x.test", "/api/rpc", List.of("quantity", "sku")), FINANCIAL),
                Arguments.of(new RequestFacts("DELETE", "x.test", "/v1/projects/7", List.of()), IRREVERSIBLE),
                Arguments.of(new RequestFacts("POST", "x.test", "/v1/keys/7/roll", List.of()), API_KEY),
                Arguments.of(new RequestFacts("BEACON", "x.test", "/api/subscriptions", List.of()), FINANCIAL),
                Arguments.of(new RequestFacts("WEBSOCKET", "x.test", "/feed", List.of("password")), ACCOUNT),
                Arguments.of(new RequestFacts("PUT", "x.test", "/org/billing/limits", List.of("limit")), BILLING),
                Arguments.of(new RequestFacts("POST", "x.test", "/api/telemetry", List.of("event")), null),
                Arguments.of(new RequestFacts("GET", "x.test", "/search", List.of()), null),
                Arguments.of(new RequestFacts("GET", "x.test", "/keys/7/revoke", List.of()), IRREVERSIBLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void requestsAreClassifiedByMethodPathAndFieldNames(RequestFacts request, CheckpointType expected) {
        assertEquals(Optional.ofNullable(expected), EffectClassifier.classifyRequest(request).map(RiskAdvice::type));
    }

    @Test
    void aMisleadingAriaLabelIsShownWithWhatTheControlShows() {
        ElementFacts misleading = new ElementFacts("button", null, null, null, null, "View details", "Delete key", null,
                "View details", null, null, null, null, null, null, null, null, null, null, false);
        RiskAdvice advice = EffectClassifier.classify(click(misleading, null, null)).orElseThrow();

        assertEquals(IRREVERSIBLE, advice.type());
        assertTrue(advice.reason().contains("'View details' (it shows 'Delete key')"), advice.reason());
    }

    @Test
    void aCheckpointSaysWhereTheFormPostsAndListsEveryReasonStrictestFirst() {
        RiskAdvice advice = EffectClassifier.classify(click(button("Continue"), null,
                post("https://x.test/api/purchase", List.of("quantity"), "Continue"))).orElseThrow();

        assertEquals(FINANCIAL, advice.type());
        assertTrue(advice.reason().contains("to '/api/purchase'"), advice.reason());
        assertTrue(advice.reasons().stream().anyMatch(r -> r.contains("'quantity'")), advice.reasons().toString());
    }

    @Test
    void aRequestClassifiedAlongsideItsClickAddsItsEvidence() {
        EffectContext context = click(button("Continue"), null, null)
                .withRequest(new RequestFacts("POST", "x.test", "/v1/checkout/sessions", List.of("price")));
        assertEquals(Optional.of(FINANCIAL), type(context));
    }

    @Test
    void aTitleTheNameDoesNotCarryIsShown() {
        RiskAdvice advice = EffectClassifier.classify(click(titled("×", "Revoke key"), null, null)).orElseThrow();
        assertTrue(advice.reason().contains("titled 'Revoke key'"), advice.reason());
    }
}
