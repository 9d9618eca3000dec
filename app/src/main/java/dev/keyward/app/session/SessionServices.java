package dev.keyward.app.session;

import dev.keyward.automation.dashboard.collect.ProviderHttp;
import dev.keyward.automation.dashboard.hygiene.HygieneService;
import dev.keyward.automation.dashboard.service.DashboardConfig;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.discovery.service.DiscoveryAlerts;
import dev.keyward.automation.discovery.service.DiscoveryOptions;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.generate.GeneratedProgram;
import dev.keyward.automation.generate.GenerationRequest;
import dev.keyward.automation.generate.ProgramGenerator;
import dev.keyward.automation.generate.ReferenceSnippets;
import dev.keyward.automation.jobs.JobCatalog;
import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.llm.SessionLlm;
import dev.keyward.automation.recommend.RecommendationService;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.automation.runner.ProgramRunner;
import dev.keyward.automation.runner.RunHistory;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.reflib.ReferenceLibrary;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Every service of one unlocked session and the resources they share, built once by the composition root
 * (the desktop at unlock, a CLI command after it opens its session) and closed with the session: the HTTP
 * clients' threads end and discovery's fetcher closes. Secrets, projects and settings stay on
 * {@link VaultSession}; this object does not close the session itself, whose owner closes it afterwards.
 */
public final class SessionServices implements AutoCloseable {

    private final VaultSession session;
    private final Path dataRoot;
    private final List<DiscoveryAlerts> urgentListeners = new CopyOnWriteArrayList<>();
    /** Tells the open views that the vault changed (here or in another process). */
    private final VaultChanges changes;
    /** The reference library and its download client (made on first use; it follows GitHub's archive redirects). */
    private final LibraryAccess library;
    /**
     * Provider APIs and the LLM: never follows redirects, so an auth header never travels to another host.
     * Built at its first request.
     */
    private final LazyHttpClient http = new LazyHttpClient(HttpClients::forProviders);
    // The services below are made on first use, under this object's lock: a CLI command builds only what it
    // calls (keyward run, on a benchmarked path, reads one query for its incident notice), the desktop what
    // its pages and jobs use.
    private DashboardService dashboard;
    private DiscoveryService discovery;
    private RecommendationService recommendations;
    private RetentionJob retention;
    private JobCatalog jobs;
    /** Made on first use: building them turns the profile's automation on, which opening a session must not do. */
    private ScriptService scripts;
    private RunHistory runHistory;
    private boolean closed;

    private SessionServices(VaultSession session, Path dataRoot) {
        this.session = Objects.requireNonNull(session, "session");
        this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
        this.library = LibraryAccess.ofGitHub(dataRoot);
        this.changes = VaultChanges.of(session.database());
    }

    /**
     * The services of {@code session}, whose data folder is {@code dataRoot}, with default limits; job
     * schedules are judged in the system time zone.
     */
    public static SessionServices open(VaultSession session, Path dataRoot) {
        return new SessionServices(session, dataRoot);
    }

    /** The data folder the session's profile lives in (a scan never reads it). */
    public Path dataRoot() {
        return dataRoot;
    }

    public VaultSession session() {
        return session;
    }

    /** True when these are the services of {@code other}. */
    public boolean isFor(VaultSession other) {
        return session == other;
    }

    public synchronized DashboardService dashboard() {
        if (dashboard == null) {
            dashboard = new DashboardService(session, DashboardConfig.defaults(new ProviderHttp(http)));
        }
        return dashboard;
    }

    /** Moves .env files into the vault and leaves references files (the CLI's adopt and the desktop's Scan page). */
    public dev.keyward.vault.adopt.AdoptService adopt() {
        requireOpen();
        return new dev.keyward.vault.adopt.AdoptService(session);
    }

    public HygieneService hygiene() {
        return dashboard().hygiene();
    }

    public synchronized DiscoveryService discovery() {
        requireOpen();
        if (discovery == null) {
            discovery = new DiscoveryService(session, DiscoveryOptions.defaults(),
                    findings -> urgentListeners.forEach(listener -> listener.urgentFindings(findings)));
        }
        return discovery;
    }

    /** The step programs; storing one turns the profile's automation on, reading never does. */
    public synchronized ScriptService scripts() {
        if (scripts == null) {
            scripts = new ScriptService(session);
        }
        return scripts;
    }

    /** Runs and checkpoints of step programs (a read: it never turns the profile's automation on). */
    public synchronized RunHistory runHistory() {
        if (runHistory == null) {
            runHistory = new RunHistory(session);
        }
        return runHistory;
    }

    /** Recommendations without an LLM (listing, accepting, rejecting); a scan uses {@link #withLlm}. */
    public synchronized RecommendationService recommendations() {
        if (recommendations == null) {
            recommendations = new RecommendationService(session, Optional.empty());
        }
        return recommendations;
    }

    /** Recommendations that may ask {@code llm} (from {@link #withLlm}). */
    public RecommendationService recommendations(Optional<LlmClient> llm) {
        return new RecommendationService(session, llm);
    }

    public synchronized RetentionJob retention() {
        if (retention == null) {
            retention = new RetentionJob(session);
        }
        return retention;
    }

    /** Every job by name: run one now and record it. */
    public synchronized JobCatalog jobs() {
        if (jobs == null) {
            jobs = new JobCatalog(session, dashboard(), discovery(), retention(), ZoneId.systemDefault());
        }
        return jobs;
    }

    /** A runner that starts the browser the profile's {@code browser_executable} names (read at each call); each run closes its browser. */
    public ProgramRunner programRunner() {
        return ProgramRunner.forSession(session);
    }

    /**
     * Runs {@code work} with the profile's LLM client (empty when none is configured, or when {@code useLlm}
     * is false), over the session's HTTP client; the client's copy of the API key is wiped afterwards.
     */
    public <T> T withLlm(boolean useLlm, Function<Optional<LlmClient>, T> work) {
        Optional<LlmClient> llm = useLlm ? SessionLlm.open(session, http, SessionLlm.DEFAULT_TIMEOUT) : Optional.empty();
        try {
            return work.apply(llm);
        } finally {
            llm.ifPresent(LlmClient::close);
        }
    }

    /** Writes a step program and stores it as pending; the only place generation is wired. */
    public GeneratedProgram generateProgram(GenerationRequest request, boolean templateOnly) {
        return withLlm(!templateOnly, llm -> new ProgramGenerator(session, referenceSnippets(), scripts(), llm,
                ProgramGenerator.DEFAULT_REPAIR_ROUNDS).generate(request, templateOnly));
    }

    /** The reference library in the data folder (made on first use; syncing it downloads from GitHub). */
    public ReferenceLibrary referenceLibrary() {
        requireOpen();
        return library.library();
    }

    /** The reference library only when it was set up; generation never creates one as a side effect. */
    private ReferenceSnippets referenceSnippets() {
        return library.exists() ? ReferenceSnippets.of(referenceLibrary()) : ReferenceSnippets.NONE;
    }

    /**
     * Who hears that the vault changed: a writer in this process reports its commits with
     * {@link VaultChanges#changedHere()}; other processes' commits are polled for while someone listens.
     */
    public VaultChanges changes() {
        return changes;
    }

    /** Hears discovery's urgent findings (the desktop's notifications) until the returned handle is closed. */
    public AutoCloseable onUrgentFindings(DiscoveryAlerts listener) {
        Objects.requireNonNull(listener, "listener");
        urgentListeners.add(listener);
        return () -> urgentListeners.remove(listener);
    }

    /** True once {@link #close} ran. */
    public synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The session's services are closed.");
        }
    }

    /** Closes what the services share; call it after the session's jobs stopped and before the session closes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        changes.close();
        urgentListeners.clear();
        if (discovery != null) {
            discovery.close();
        }
        http.built().ifPresent(HttpClients::close);
        library.close();
    }
}
