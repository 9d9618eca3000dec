package dev.keyward.app.agent;

import dev.keyward.app.cli.ErrorReport;
import dev.keyward.app.cli.SqliteNativeCopy;
import dev.keyward.app.cli.Terminal;
import dev.keyward.app.session.SessionServices;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The background process {@code keyward agent start} leaves running: it reads the password from its
 * stdin, unlocks the profile, serves it until it has been idle for the timeout, or until
 * {@code agent stop} or {@code keyward lock}, then closes the session (wiping its keys) and ends. It
 * tells its starter {@code ready} (or {@code failed}) on its stdout's first line, then writes nothing.
 *
 * <p>Arguments: {@code DATA_ROOT PROFILE_ID IDLE_SECONDS [PROJECT...]}.
 */
public final class HeadlessAgent {

    /** The line that tells {@code agent start} the agent serves. */
    public static final String READY = "ready";

    private HeadlessAgent() {
    }

    public static void main(String[] args) {
        SqliteNativeCopy.useKeptCopy(System.getenv());
        PrintStream out = System.out;
        PrintStream err = System.err;
        int code;
        try {
            code = serve(args, out, err);
        } catch (RuntimeException e) {
            out.println("failed");
            out.flush();
            code = ErrorReport.report(e, err);
        }
        System.exit(code);
    }

    private static int serve(String[] args, PrintStream out, PrintStream err) {
        Path dataRoot = Path.of(args[0]);
        String profileId = args[1];
        Duration idle = Duration.ofSeconds(Long.parseLong(args[2]));
        Set<String> projects = new LinkedHashSet<>(List.of(args).subList(3, args.length));
        ProfileService profiles = new ProfileService(new DataRoot(dataRoot), Clock.systemUTC(), Argon2Params.DEFAULT, "cli");
        Terminal terminal = new Terminal(new FileInputStream(FileDescriptor.in), out, err, Map.of(), null);
        VaultSession session;
        try (Password password = terminal.secret(ChildEnvironment.PASSWORD, true, "Password", false)) {
            session = profiles.unlock(profiles.resolve(profileId), password);
        }
        SessionServices services = SessionServices.open(session, dataRoot);
        CountDownLatch stop = new CountDownLatch(1);
        Instant since = Instant.now();
        AgentServer.Control control = new AgentServer.Control() {
            @Override
            public void lockRequested() {
                stop.countDown();
            }

            @Override
            public void stopRequested() {
                stop.countDown();
            }
        };
        AgentServer[] holder = new AgentServer[1];
        AgentServer server;
        try {
            server = AgentServer.start(dataRoot, System.getenv(), AgentServer.Mode.HEADLESS,
                    new HeadlessApprovals(AgentScope.of(projects), ProjectSecrets.of(session.projects()),
                            new SessionApprovalAudit(session), session.redactor()), Argon2Params.DEFAULT, control,
                    () -> status(projects, holder[0], idle));
        } catch (RuntimeException e) {
            services.close();
            session.close();
            throw e;
        }
        holder[0] = server;
        server.serve(new ServedSession(session, services, since));
        out.println(READY);
        out.flush();
        // From now on nobody reads these streams: the starter has returned to its shell.
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            while (!stop.await(1, TimeUnit.SECONDS)) {
                // A vault file replaced by another process (a restore) is one this session cannot read:
                // the agent ends, and commands run directly on the new file.
                if (Instant.now().isAfter(server.lastRequest().plus(idle)) || session.database().isReplaced()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close(() -> {
                services.close();
                session.close();
            });
        }
        return ErrorReport.OK;
    }

    private static Map<String, Object> status(Set<String> projects, AgentServer server, Duration idle) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("scope", projects.isEmpty() ? "all" : new ArrayList<>(projects));
        if (server != null) {
            extras.put("idleDeadline", server.lastRequest().plus(idle).toString());
        }
        return extras;
    }
}
