package dev.keyward.automation.practice;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Practice Cloud: a fake API provider (console pages, REST API, status page, changelog feed) on 127.0.0.1,
 * for end-to-end tests and demos of Keyward's automation, dashboard collectors and discovery.
 *
 * <p>Start it with {@link #start(int)}, read and steer it through {@link #state()}, stop it with {@link #close()}.
 */
public final class PracticeCloud implements AutoCloseable {

    private static final String STYLESHEET = "/dev/keyward/automation/practice/practice.css";

    private final HttpServer server;
    private final ExecutorService executor;
    private final PracticeState state;
    private final String baseUrl;

    private PracticeCloud(HttpServer server, ExecutorService executor, PracticeState state) {
        this.server = server;
        this.executor = executor;
        this.state = state;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts a fresh Practice Cloud on 127.0.0.1; port 0 picks a free port. */
    public static PracticeCloud start(int port) throws IOException {
        return start(port, new PracticeState());
    }

    /** Starts Practice Cloud on 127.0.0.1 around a state the caller prepared (e.g. with a fixed clock). */
    public static PracticeCloud start(int port, PracticeState state) throws IOException {
        Objects.requireNonNull(state, "state");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535; 0 picks a free one.");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        // One virtual thread per exchange, so a forced slow API call never holds up the pages.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        PracticeCloud cloud = new PracticeCloud(server, executor, state);
        server.createContext("/", cloud.router());
        server.start();
        return cloud;
    }

    /** The base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Everything shown and submitted; tests steer the server and check outcomes through it. */
    public PracticeState state() {
        return state;
    }

    /** Stops the server at once and interrupts calls still waiting on a forced delay. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private Router router() {
        Sessions sessions = new Sessions();
        Router router = new Router(state, sessions);
        new LoginPages(state, sessions).register(router);
        new DashboardPage(state).register(router);
        new KeyPages(state).register(router);
        new BillingPages(state).register(router);
        new DangerPage(state).register(router);
        new ApiEndpoints(state).register(router);
        new StatusPageEndpoints(state, baseUrl).register(router);
        new ChangelogEndpoints(state, baseUrl).register(router);
        byte[] css = stylesheet();
        router.get("/static/practice\\.css", Router.Access.PUBLIC,
                request -> PracticeResponse.bytes(200, "text/css; charset=utf-8", css));
        return router;
    }

    private static byte[] stylesheet() {
        try (InputStream in = PracticeCloud.class.getResourceAsStream(STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("The practice stylesheet is missing from the build; rebuild the automation module.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The practice stylesheet could not be read.", e);
        }
    }
}
