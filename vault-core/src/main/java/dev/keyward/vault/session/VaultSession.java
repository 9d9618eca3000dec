package dev.keyward.vault.session;

import dev.keyward.vault.audit.AuditLog;
import dev.keyward.vault.db.SchemaMigrations;
import dev.keyward.vault.db.VaultDatabase;
import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.jobs.JobRuns;
import dev.keyward.vault.profile.ProfileKeys;
import dev.keyward.vault.profile.ProfileLocation;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.projects.ProjectService;
import dev.keyward.vault.provider.ProviderService;
import dev.keyward.vault.redact.Redactor;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.settings.SettingsService;
import java.time.Clock;
import java.util.Map;

/**
 * An unlocked profile: its open database, its keys and the services that work on them. Closing
 * the session ("lock and stop") closes the database and wipes every key it holds.
 */
public final class VaultSession implements AutoCloseable {

    private final ProfileSummary profile;
    private final ProfileKeys keys;
    private final VaultDatabase database;
    private final Clock clock;
    private final AuditLog audit;
    private final Redactor redactor;
    private final SecretService secrets;
    private final ProviderService providers;
    private final ProjectService projects;
    private final SettingsService settings;
    private final JobRuns jobs;
    /** Once true, true for good (the automation schema is never removed); false is asked again. */
    private volatile boolean automationEnabled;

    VaultSession(ProfileSummary profile, ProfileKeys keys, VaultDatabase database, Clock clock, String actor) {
        this.profile = profile;
        this.keys = keys;
        this.database = database;
        this.clock = clock;
        this.audit = new AuditLog(profile.id(), clock, actor, database::isReadOnly);
        this.secrets = new SecretService(this);
        this.providers = new ProviderService(this);
        this.projects = new ProjectService(this);
        this.settings = new SettingsService(this);
        this.redactor = new Redactor(secrets::allValuesForRedaction);
        this.jobs = new JobRuns(this);
    }

    public String profileId() {
        return profile.id();
    }

    public ProfileSummary profile() {
        return profile;
    }

    public ProfileLocation location() {
        return profile.location();
    }

    public ProfileKeys keys() {
        return keys;
    }

    public VaultDatabase database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public AuditLog audit() {
        return audit;
    }

    public Redactor redactor() {
        return redactor;
    }

    public SecretService secrets() {
        return secrets;
    }

    public ProviderService providers() {
        return providers;
    }

    public ProjectService projects() {
        return projects;
    }

    public SettingsService settings() {
        return settings;
    }

    /** Run bookkeeping of the background jobs (scheduled_jobs, no overlap). */
    public JobRuns jobs() {
        return jobs;
    }

    /**
     * Whether the automation schema (seed 002) is applied. "Not yet" is asked of the vault each time: reads never
     * enable it, so another session of the profile (the CLI beside the desktop) may be the one that does. It counts
     * as applied once all its migrations are, never halfway through them (the unlock completed any earlier run).
     */
    public boolean automationEnabled() {
        if (!automationEnabled) {
            automationEnabled = SchemaMigrations.isAutomationComplete(database);
        }
        return automationEnabled;
    }

    /** Applies the automation schema (seed 002) the first time any automation feature is used. */
    public synchronized void enableAutomation() {
        if (automationEnabled()) {
            return;
        }
        SchemaMigrations.enableAutomation(database);
        database.write(c -> {
            ProviderService.seedAutomationColumns(c, profileId());
            audit.record(c, "automation", "enable", "profile", profileId(), Map.of("schema", "automation"));
            return null;
        });
        automationEnabled = true;
    }

    public String now() {
        return Timestamps.now(clock);
    }

    /**
     * Whether the vault was opened read-only (its file or folder cannot be written): reads work and are
     * not recorded in the audit log; every change fails and changes nothing.
     */
    public boolean isReadOnly() {
        return database.isReadOnly();
    }

    public boolean isOpen() {
        return !keys.isClosed();
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            redactor.wipe();
            keys.close();
        }
    }
}
