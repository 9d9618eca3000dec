package dev.keyward.automation.practice;

import static dev.keyward.automation.practice.Html.e;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The API key pages: the list, "Create key" (which shows the new value once), and revoke with a confirm step.
 */
final class KeyPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String KEY_ID = "(?<id>key_[0-9]+)";

    private final PracticeState state;

    KeyPages(PracticeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/keys", Router.Access.SIGNED_IN, this::list);
        router.post("/keys", Router.Access.SIGNED_IN, this::create);
        router.get("/keys/" + KEY_ID + "/revoke", Router.Access.SIGNED_IN, this::confirmRevoke);
        router.post("/keys/" + KEY_ID + "/revoke", Router.Access.SIGNED_IN, this::revoke);
    }

    private PracticeResponse list(PracticeRequest request) {
        String notice = state.keys().find(request.queryParam("revoked"))
                .map(k -> "<p id=\"keys-notice\" class=\"notice\" role=\"status\" data-testid=\"keys-notice\">Key "
                        + e(k.name()) + " was revoked.</p>\n")
                .orElse("");
        StringBuilder rows = new StringBuilder();
        for (KeyLedger.ApiKey key : state.keys().all()) {
            String action = key.active() ? """
                    <form method="get" action="/keys/%1$s/revoke" class="inline">\
                    <button type="submit" id="revoke-%1$s" data-testid="revoke-%1$s" \
                    aria-label="Revoke key %2$s">Revoke</button></form>""".formatted(key.id(), e(key.name())) : "";
            rows.append("""
                    <tr data-testid="key-row" data-key-id="%s">\
                    <td class="key-name">%s</td><td class="key-last4">…%s</td><td class="key-created">%s</td>\
                    <td class="key-status">%s</td><td>%s</td></tr>
                    """.formatted(key.id(), e(key.name()), e(key.last4()), DAY.format(key.createdAt()),
                    key.active() ? "active" : "revoked", action));
        }
        return PracticeResponse.html(200, Html.page("API keys", true, """
                <h1>API keys</h1>
                %s<table id="keys-table" data-testid="keys-table">
                <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Created</th>\
                <th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                <h2>Create a key</h2>
                <form method="post" action="/keys" id="create-key-form" data-testid="create-key-form">
                <label for="key-name">Key name</label>
                <input id="key-name" name="name" type="text" maxlength="60" data-testid="key-name">
                <button type="submit" id="create-key" data-testid="create-key">Create key</button>
                </form>
                """.formatted(notice, rows)));
    }

    private PracticeResponse create(PracticeRequest request) {
        KeyLedger.ApiKey key = state.keys().create(request.field("name"));
        // The only time the full value is ever rendered; the list shows the last four characters.
        return PracticeResponse.html(200, Html.page("Key created", true, """
                <h1>Key created</h1>
                <p>Your new key <strong id="new-key-name" data-testid="new-key-name">%s</strong>:</p>
                <p><code id="new-key-value" data-testid="new-key-value">%s</code></p>
                <p id="new-key-warning" role="note">Copy it now. It will not be shown again.</p>
                <p><a id="back-to-keys" href="/keys">Back to API keys</a></p>
                """.formatted(e(key.name()), e(key.value()))));
    }

    private PracticeResponse confirmRevoke(PracticeRequest request) {
        Optional<KeyLedger.ApiKey> key = state.keys().find(request.pathParam("id")).filter(KeyLedger.ApiKey::active);
        if (key.isEmpty()) {
            return PracticeResponse.html(404, Html.notice("Key not found", true,
                    "There is no active key with that id. It may have been revoked already."));
        }
        return PracticeResponse.html(200, Html.page("Revoke key", true, """
                <h1>Are you sure?</h1>
                <p id="revoke-prompt" data-testid="revoke-prompt">Revoke key %s</p>
                <p>Applications using the key ending in …%s stop working at once. This cannot be undone.</p>
                <form method="post" action="/keys/%s/revoke" id="revoke-form" data-testid="revoke-form">
                <button type="submit" id="confirm-revoke" class="danger" data-testid="confirm-revoke">Confirm revoke</button>
                </form>
                <p><a id="cancel-revoke" href="/keys" data-testid="cancel-revoke">Cancel</a></p>
                """.formatted(e(key.get().name()), e(key.get().last4()), key.get().id())));
    }

    private PracticeResponse revoke(PracticeRequest request) {
        return state.keys().revoke(request.pathParam("id"))
                .map(k -> PracticeResponse.redirect("/keys?revoked=" + k.id()))
                .orElseGet(() -> PracticeResponse.html(404, Html.notice("Key not found", true,
                        "There is no active key with that id. It may have been revoked already.")));
    }
}
