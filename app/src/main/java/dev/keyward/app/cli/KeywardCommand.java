package dev.keyward.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keyward.app.session.SessionServices;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.backup.BackupService;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.refs.Reference;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyward}: global options; the subcommand groups are listed in {@link CommandTree}. */
@Command(name = "keyward", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Keyward keeps your API keys in an encrypted local vault and injects them into programs.")
public final class KeywardCommand implements Runnable {

    /** Built on first use: setting up Jackson costs a short command more than the rest of its start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (default: $KEYWARD_HOME, else the OS data folder).")
    Path dataDir;

    @Option(names = "--profile", paramLabel = "NAME", description = "Profile to use (default: $KEYWARD_PROFILE, else the only one).")
    String profile;

    /** Declared so that help lists it: Main removes it before parsing, after the agent was skipped for it. */
    @Option(names = "--no-agent", description = "Do not use a running Keyward agent: unlock the vault in this command.")
    boolean noAgent;

    private final Terminal terminal;
    private final Argon2Params kdfParams;
    private final SessionSource sessions;
    private final ChildStarter children;
    private final Path workingFolder;

    public KeywardCommand(Terminal terminal, Argon2Params kdfParams) {
        this(terminal, kdfParams, SessionSource.DIRECT, ChildStarter.DIRECT, Path.of("").toAbsolutePath());
    }

    /**
     * A root whose commands get their session from {@code sessions}, start {@code run}'s program through
     * {@code children} and resolve relative file names against {@code workingFolder} (the agent runs
     * commands for clients in other folders).
     */
    public KeywardCommand(Terminal terminal, Argon2Params kdfParams, SessionSource sessions, ChildStarter children,
                          Path workingFolder) {
        this.terminal = terminal;
        this.kdfParams = kdfParams;
        this.sessions = sessions;
        this.children = children;
        this.workingFolder = workingFolder;
    }

    ChildStarter children() {
        return children;
    }

    @Override
    public void run() {
        throw new CliUsageException("Name a command; 'keyward --help' lists them.");
    }

    Terminal terminal() {
        return terminal;
    }

    /** The KDF cost new profiles get (the cheapest accepted one in tests). */
    Argon2Params kdfParams() {
        return kdfParams;
    }

    /** {@code file} resolved against the folder the command was run from. */
    Path resolve(Path file) {
        return workingFolder.resolve(file);
    }

    public DataRoot root() {
        return DataRoot.resolve(dataDir == null ? null : workingFolder.resolve(dataDir), terminal.env());
    }

    ProfileService profiles() {
        return profiles(root());
    }

    /** The profiles of {@code root} (the demo's own data folder, for one). */
    ProfileService profiles(DataRoot root) {
        return new ProfileService(root, Clock.systemUTC(), kdfParams, "cli");
    }

    /** Backups of the data folder's profiles; they need no unlocked session (restore replaces a vault). */
    BackupService backups() {
        return new BackupService(profiles());
    }

    /** The profile named by --profile / KEYWARD_PROFILE, or the only one. */
    public ProfileSummary selectedProfile() {
        String name = profile != null ? profile : terminal.env().get("KEYWARD_PROFILE");
        ProfileSummary selected = profiles().resolve(name == null || name.isBlank() ? null : name);
        if (selected.isDamaged()) {
            // Before any password prompt: the header it would be checked against cannot be read.
            throw new VaultDamagedException(selected.damageReason());
        }
        return selected;
    }

    /** The references this command was approved for by name, when it was (see {@link SessionSource#approvedReferences}). */
    Optional<Set<Reference>> approvedReferences() {
        return sessions.approvedReferences();
    }

    /** Whether an agent runs this command in its unlocked session (no password is asked for then). */
    boolean servedByAgent() {
        return sessions != SessionSource.DIRECT;
    }

    /** The selected profile's session for this command (unlocked for it, or lent by the agent). */
    SessionLease unlock(boolean passwordFromStdin) {
        return sessions.unlock(this, passwordFromStdin);
    }

    /** The selected profile's session and services for this command (opened for it, or lent by the agent). */
    OpenSession open(boolean passwordFromStdin) {
        return sessions.open(this, passwordFromStdin);
    }

    /** Unlocks the selected profile with KEYWARD_PASSWORD, stdin or a prompt. */
    VaultSession unlockDirectly(boolean passwordFromStdin) {
        ProfileSummary selected = selectedProfile();
        try (Password password = terminal.secret(ChildEnvironment.PASSWORD, passwordFromStdin,
                "Password for " + selected.name(), false)) {
            VaultSession session = profiles().unlock(selected, password);
            if (session.isReadOnly()) {
                // Said once per command, on stderr, so that stdout stays what a script reads.
                terminal.err().println("Note: the profile folder " + selected.location().folder() + " is read-only: "
                        + "reading works, changes are refused, and this read is not recorded in the audit log.");
            }
            return session;
        }
    }

    /** Unlocks the selected profile (see {@link #unlockDirectly}) and builds its session's services. */
    OpenSession openDirectly(boolean passwordFromStdin) {
        VaultSession session = unlockDirectly(passwordFromStdin);
        try {
            return new OpenSession(session, SessionServices.open(session, root().path()), true);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    void printJson(Object value) {
        try {
            terminal.out().println(Json.MAPPER.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
