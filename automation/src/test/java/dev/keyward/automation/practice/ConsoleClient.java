package dev.keyward.automation.practice;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A cookie-keeping HTTP client that plays the browser against Practice Cloud's console in tests. */
final class ConsoleClient {

    private final String baseUrl;
    private final HttpClient following;
    private final HttpClient notFollowing;

    ConsoleClient(PracticeCloud cloud) {
        this.baseUrl = cloud.baseUrl();
        CookieManager cookies = new CookieManager();
        this.following = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.notFollowing = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GET, following redirects. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return following.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET without following redirects, to see where the server sends the browser. */
    HttpResponse<String> getRaw(String path) throws IOException, InterruptedException {
        return notFollowing.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST an url-encoded form, following redirects. */
    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return following.send(formRequest(path, form), HttpResponse.BodyHandlers.ofString());
    }

    /** POST an url-encoded form without following redirects. */
    HttpResponse<String> postRaw(String path, Map<String, String> form) throws IOException, InterruptedException {
        return notFollowing.send(formRequest(path, form), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with the default demo credentials and returns the landing page. */
    HttpResponse<String> signIn() throws IOException, InterruptedException {
        return post("/login", form("username", PracticeAccount.DEFAULT_USERNAME, "password", PracticeAccount.DEFAULT_PASSWORD));
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private HttpRequest formRequest(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
