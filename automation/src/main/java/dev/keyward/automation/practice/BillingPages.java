package dev.keyward.automation.practice;

import static dev.keyward.automation.practice.Html.e;

import java.math.BigDecimal;
import java.util.List;

/**
 * The money pages: the monthly spending cap, the "Buy credits" checkout, and the payment processor's card iframe.
 */
final class BillingPages {

    private static final BigDecimal MAX_CAP = new BigDecimal("1000000");
    private static final List<String> AMOUNTS = List.of("10", "25", "50", "100");

    /** The card inputs, shared by the inline form and the processor's iframe so both look alike to a detector. */
    private static final String CARD_INPUTS = """
            <label for="card-number">Card number</label>
            <input id="card-number" name="cardnumber" type="text" inputmode="numeric" autocomplete="cc-number" \
            data-testid="card-number">
            <label for="card-exp">Expiry (MM/YY)</label>
            <input id="card-exp" name="exp-date" type="text" autocomplete="cc-exp" data-testid="card-exp">
            <label for="card-csc">Security code</label>
            <input id="card-csc" name="cvc" type="text" inputmode="numeric" autocomplete="cc-csc" data-testid="card-csc">
            <label for="card-name">Name on card</label>
            <input id="card-name" name="ccname" type="text" autocomplete="cc-name" data-testid="card-name">
            """;

    private final PracticeState state;

    BillingPages(PracticeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/billing", Router.Access.SIGNED_IN, this::billing);
        router.post("/billing/cap", Router.Access.SIGNED_IN, this::saveCap);
        router.get("/checkout", Router.Access.SIGNED_IN, request -> PracticeResponse.html(200, checkoutPage()));
        router.post("/checkout", Router.Access.SIGNED_IN, this::placeOrder);
        router.get("/payment-frame", Router.Access.SIGNED_IN, request -> frameResponse(200, frameForm()));
        router.post("/payment-frame", Router.Access.SIGNED_IN, this::submitFrame);
    }

    private PracticeResponse billing(PracticeRequest request) {
        String notice = request.queryParam("saved").equals("1")
                ? "<p id=\"cap-saved\" class=\"notice\" role=\"status\" data-testid=\"cap-saved\">Cap saved.</p>\n"
                : "";
        return PracticeResponse.html(200, billingPage(notice, ""));
    }

    private PracticeResponse saveCap(PracticeRequest request) {
        BigDecimal cap;
        try {
            cap = new BigDecimal(request.field("monthly_cap").strip());
        } catch (NumberFormatException e) {
            cap = null;
        }
        if (cap == null || cap.signum() < 0 || cap.compareTo(MAX_CAP) > 0 || cap.scale() > 2) {
            return PracticeResponse.html(400, billingPage("", """
                    <p id="cap-error" class="error" role="alert" data-testid="cap-error">\
                    Enter the cap as an amount between 0 and 1000000 with at most two decimals.</p>
                    """));
        }
        state.setMonthlyCap(cap);
        return PracticeResponse.redirect("/billing?saved=1");
    }

    private String billingPage(String noticeHtml, String errorHtml) {
        UsageFigures usage = state.usage();
        String current = state.monthlyCap()
                .map(cap -> "<span id=\"current-cap\" data-testid=\"current-cap\" data-value=\"" + e(cap.toPlainString())
                        + "\">" + e(cap.toPlainString()) + "</span> " + e(usage.currency()))
                .orElse("<span id=\"current-cap\" data-testid=\"current-cap\" data-value=\"\">No cap</span>");
        return Html.page("Billing", true, """
                <h1>Billing</h1>
                %s<p>Monthly spending cap: %s</p>
                <p>Spent this month: <span id="billing-spent" data-testid="billing-spent">%s</span> %s</p>
                %s<form method="post" action="/billing/cap" id="cap-form" data-testid="cap-form">
                <label for="monthly-cap">Monthly cap (%s)</label>
                <input id="monthly-cap" name="monthly_cap" type="number" min="0" step="0.01" required \
                data-testid="monthly-cap">
                <button type="submit" id="save-cap" data-testid="save-cap">Save cap</button>
                </form>
                <p><a id="buy-credits" href="/checkout">Buy credits</a></p>
                """.formatted(noticeHtml, current, e(usage.cost().toPlainString()), e(usage.currency()),
                errorHtml, e(usage.currency())));
    }

    private String checkoutPage() {
        PracticeState.CardFormPlacement placement = state.cardFormPlacement();
        StringBuilder options = new StringBuilder();
        for (String amount : AMOUNTS) {
            options.append("<option value=\"").append(amount).append("\">").append(amount).append(" USD of credits</option>");
        }
        String inline = placement == PracticeState.CardFormPlacement.FRAME ? "" : """
                <fieldset id="card-section" data-testid="card-section" data-payment-processor="practicepay">
                <legend>Card details</legend>
                %s</fieldset>
                """.formatted(CARD_INPUTS);
        String frame = placement == PracticeState.CardFormPlacement.INLINE ? "" : """
                <section id="payment-processor" data-testid="payment-processor" data-payment-processor="practicepay" \
                aria-labelledby="processor-heading">
                <h2 id="processor-heading">Pay with PracticePay</h2>
                <p>Card details are collected by PracticePay, our payment processor.</p>
                <iframe id="payment-frame" name="payment-frame" src="/payment-frame" title="PracticePay secure card form" \
                data-testid="payment-frame" width="420" height="320"></iframe>
                </section>
                """;
        return Html.page("Buy credits", true, """
                <h1>Buy credits</h1>
                <form method="post" action="/checkout" id="checkout-form" data-testid="checkout-form">
                <label for="credit-amount">Amount</label>
                <select id="credit-amount" name="amount" data-testid="credit-amount">%s</select>
                <label for="billing-name">Billing name</label>
                <input id="billing-name" name="billing_name" type="text" autocomplete="name" data-testid="billing-name">
                <label for="billing-email">Billing email</label>
                <input id="billing-email" name="billing_email" type="email" autocomplete="email" data-testid="billing-email">
                %s<button type="submit" id="place-order" data-testid="place-order">Place order</button>
                </form>
                %s""".formatted(options, inline, frame));
    }

    private PracticeResponse placeOrder(PracticeRequest request) {
        PracticeState.CheckoutOrder order = state.recordOrder(request.form());
        String status = order.cardDataReceived() ? "paid" : "awaiting_payment";
        String message = order.cardDataReceived()
                ? "Payment accepted. Your credits are on the way (practice only: nothing was charged)."
                : "Order recorded. Payment is still needed: no card details were received.";
        return PracticeResponse.html(200, Html.page("Order " + order.id(), true, """
                <h1>Order <span id="order-id" data-testid="order-id">%s</span></h1>
                <p id="order-status" data-testid="order-status" data-status="%s">%s</p>
                <p>Amount: <span id="order-amount" data-testid="order-amount">%s</span> USD</p>
                <p><a id="back-to-billing" href="/billing">Back to billing</a></p>
                """.formatted(e(order.id()), status, e(message), e(order.amount()))));
    }

    private PracticeResponse submitFrame(PracticeRequest request) {
        PracticeState.PaymentFrameSubmission submission = state.recordFrameSubmission(request.form());
        boolean received = !submission.nonEmptyCardFields().isEmpty();
        return frameResponse(200, """
                <p id="frame-status" data-testid="frame-status" data-status="%s">%s</p>
                """.formatted(received ? "received" : "empty",
                received ? "PracticePay received the card details (practice only: nothing was charged)."
                        : "No card details were entered."));
    }

    private static String frameForm() {
        return """
                <form method="post" action="/payment-frame" id="payment-frame-form" data-testid="payment-frame-form">
                %s<button type="submit" id="pay-with-practicepay" data-testid="pay-with-practicepay">Pay</button>
                </form>
                """.formatted(CARD_INPUTS);
    }

    /** The iframe's own small document, without the console's navigation, as a processor's page would be. */
    private static PracticeResponse frameResponse(int status, String bodyHtml) {
        return PracticeResponse.html(status, """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>PracticePay</title>
                <link rel="stylesheet" href="/static/practice.css"></head>
                <body class="payment-frame" data-payment-processor="practicepay">
                <p class="processor-brand">PracticePay · secure card form</p>
                %s</body>
                </html>
                """.formatted(bodyHtml)).withHeader("Content-Security-Policy", "frame-ancestors 'self'");
    }
}
