package dev.keyward.automation.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.PlaywrightException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Turns the browser's own preloading off, so that no speculation rule of any page is ever fetched.
 *
 * <p>Chromium fetches what speculation rules name (prefetch, prerender) from its browser process through a loader
 * that neither Playwright's routing nor a DevTools {@code Fetch} session sees ({@code PrefetchNetworkContext} builds
 * its loader factory without DevTools), so the request wall cannot refuse it; and a rule script inside a closed
 * declarative shadow root of a document the route never fetched (a {@code blob:} page) is out of reach of the markup
 * layer and of every script (corpus {@code s44}). No switch of Chromium 156 stops preloading while DevTools is
 * attached, but the person's setting does: with "Preload pages" off ({@code net.network_prediction_options} = 2,
 * Chromium's {@code NetworkPredictionOptions::kDisabled}) every prefetch and prerender is ineligible before it is
 * made, in the profile's incognito contexts (a run's) too, which read that setting through. Chromium reads it from
 * the profile and offers no protocol command for it, so this sets it the way the settings page does: from a
 * {@code chrome://settings} target opened in the browser's default context, closed again at once. A browser keeps
 * it until it closes (a lent browser included: preloading is never part of a chore).
 */
public final class BrowserPreloading {

    /** Chromium's profile setting behind "Preload pages". */
    static final String SETTING = "net.network_prediction_options";
    /** {@code NetworkPredictionOptions::kDisabled}. */
    static final int DISABLED = 2;

    private static final long LIMIT_MILLIS = 15_000;
    private static final Set<Browser> TURNED_OFF = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    /*
     * Waits for the settings page's API (the target starts on about:blank; an evaluation there is lost when the
     * page commits, and is asked again), sets the value, and answers the value read back.
     */
    private static final String SET_AND_READ = """
            new Promise((done) => {
              const until = Date.now() + 5000;
              (function attempt() {
                const api = location.protocol === 'chrome:' && window.chrome && chrome.settingsPrivate;
                if (api) {
                  api.setPref('%1$s', %2$d, '', () => api.getPref('%1$s', (pref) => done(pref ? pref.value : null)));
                } else if (Date.now() > until) {
                  done(null);
                } else {
                  setTimeout(attempt, 25);
                }
              })();
            })""".formatted(SETTING, DISABLED);

    private BrowserPreloading() {
    }

    /**
     * Turns preloading off in this browser (once per browser), before a run's first page.
     *
     * @throws BrowserUnavailableException when the browser does not take the setting: a run must not go on with
     *                                     preloading on
     */
    public static void turnOff(Browser browser) {
        if (TURNED_OFF.contains(browser)) {
            return;
        }
        CDPSession session = null;
        try {
            session = browser.newBrowserCDPSession();
            if (!turnOff(session)) {
                throw refused(null);
            }
            TURNED_OFF.add(browser);
        } catch (PlaywrightException e) {
            throw refused(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(e);
        } finally {
            if (session != null) {
                try {
                    session.detach();
                } catch (PlaywrightException e) {
                    // The browser is gone: so is the session.
                }
            }
        }
    }

    private static boolean turnOff(CDPSession session) throws InterruptedException {
        JsonObject create = new JsonObject();
        create.addProperty("url", "chrome://settings/");
        // No browserContextId: the default context, whose profile the run's incognito contexts read the setting from.
        create.addProperty("background", true);
        String targetId = session.send("Target.createTarget", create).get("targetId").getAsString();
        try {
            JsonObject attach = new JsonObject();
            attach.addProperty("targetId", targetId);
            // Not flattened: Playwright's CDPSession cannot address a child session, but it can carry its messages.
            attach.addProperty("flatten", false);
            String child = session.send("Target.attachToTarget", attach).get("sessionId").getAsString();
            try (Messages messages = new Messages(session, child)) {
                long until = System.currentTimeMillis() + LIMIT_MILLIS;
                while (System.currentTimeMillis() < until) {
                    JsonObject params = new JsonObject();
                    params.addProperty("expression", SET_AND_READ);
                    params.addProperty("awaitPromise", true);
                    params.addProperty("returnByValue", true);
                    JsonObject answer = messages.call("Runtime.evaluate", params, until);
                    JsonElement value = answer.has("result") ? valueOf(answer.getAsJsonObject("result")) : null;
                    if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
                        return value.getAsInt() == DISABLED;
                    }
                    // The evaluation ran in the blank page the settings page replaced, or before its API was there.
                    Thread.sleep(50);
                }
                return false;
            }
        } finally {
            JsonObject close = new JsonObject();
            close.addProperty("targetId", targetId);
            try {
                session.send("Target.closeTarget", close);
            } catch (PlaywrightException e) {
                // Closed with the browser.
            }
        }
    }

    private static JsonElement valueOf(JsonObject evaluation) {
        JsonObject remote = evaluation.getAsJsonObject("result");
        return remote == null || evaluation.has("exceptionDetails") ? null : remote.get("value");
    }

    private static BrowserUnavailableException refused(Exception cause) {
        return new BrowserUnavailableException("The browser did not let Keyward turn its page preloading off (a"
                + " page could have it fetch addresses past the run's gate), so the run did not start.", cause);
    }

    /** Calls into a target through the browser session's {@code Target.sendMessageToTarget}. */
    private static final class Messages implements AutoCloseable {
        private final CDPSession session;
        private final String child;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
        private final Consumer<JsonObject> listener = this::received;

        Messages(CDPSession session, String child) {
            this.session = session;
            this.child = child;
            session.on("Target.receivedMessageFromTarget", listener);
        }

        JsonObject call(String method, JsonObject params, long until) throws InterruptedException {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonObject> answer = new CompletableFuture<>();
            waiting.put(id, answer);
            JsonObject message = new JsonObject();
            message.addProperty("id", id);
            message.addProperty("method", method);
            message.add("params", params);
            JsonObject send = new JsonObject();
            send.addProperty("sessionId", child);
            send.addProperty("message", message.toString());
            session.send("Target.sendMessageToTarget", send);
            try {
                // Playwright's Java client hands events on only while a call waits for its answer: ask the browser
                // something small until the target's answer has come.
                while (!answer.isDone() && System.currentTimeMillis() < until) {
                    Thread.sleep(20);
                    session.send("Browser.getVersion");
                }
                return answer.getNow(new JsonObject());
            } finally {
                waiting.remove(id);
            }
        }

        private void received(JsonObject event) {
            if (!child.equals(event.has("sessionId") ? event.get("sessionId").getAsString() : null)) {
                return;
            }
            JsonObject message = JsonParser.parseString(event.get("message").getAsString()).getAsJsonObject();
            if (message.has("id")) {
                CompletableFuture<JsonObject> answer = waiting.get(message.get("id").getAsInt());
                if (answer != null) {
                    answer.complete(message);
                }
            }
        }

        @Override
        public void close() {
            session.off("Target.receivedMessageFromTarget", listener);
            JsonObject detach = new JsonObject();
            detach.addProperty("sessionId", child);
            try {
                session.send("Target.detachFromTarget", detach);
            } catch (PlaywrightException e) {
                // The target is gone already.
            }
        }
    }
}
