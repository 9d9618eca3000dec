package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.CheckPace;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobRuns;
import dev.keyward.vault.jobs.JobState;
import dev.keyward.vault.session.VaultSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery job: a daily run at {@code discovery_schedule_hour} (local time), a catch-up at launch when
 * the last run is older than the last scheduled hour, and on-demand runs. Every run goes through
 * {@code session.jobs()}, so runs never overlap and each lands in {@code scheduled_jobs} and the audit log
 * with the next run time. As a {@link Runnable} it is the scheduled run and never throws.
 */
public final class DiscoveryJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryJob.class);

    private final VaultSession session;
    private final DiscoveryService service;
    private final ZoneId zone;

    public DiscoveryJob(VaultSession session, DiscoveryService service, ZoneId zone) {
        this.session = Objects.requireNonNull(session, "session");
        this.service = Objects.requireNonNull(service, "service");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The scheduled daily run. */
    @Override
    public void run() {
        try {
            runNow(Trigger.SCHEDULED);
        } catch (RuntimeException e) {
            // The scheduler must survive a failed run; the run itself is already recorded as failed.
            LOG.warn("The scheduled discovery run failed ({})", e.getClass().getSimpleName());
        }
    }

    /** Runs discovery over all providers now; empty when a run is already under way. */
    public Optional<DiscoveryOutcome> runNow(Trigger trigger) {
        return runNow(trigger, null);
    }

    /** Runs discovery for one provider (null: all) now; empty when a run is already under way. */
    public Optional<DiscoveryOutcome> runNow(Trigger trigger, String providerSlug) {
        return runNow(trigger, providerSlug, CheckPace.PACED);
    }

    /**
     * Runs discovery for one provider (null: all) now at {@code pace} ({@link CheckPace#FRESH} for a person's
     * explicit request); empty when a run is already under way.
     */
    public Optional<DiscoveryOutcome> runNow(Trigger trigger, String providerSlug, CheckPace pace) {
        Objects.requireNonNull(trigger, "trigger");
        if (providerSlug != null) {
            session.providers().get(providerSlug); // an unknown slug is the user's typo, not a failed run
        }
        Optional<JobRuns.Run> begun = session.jobs().begin(JobName.DISCOVERY, trigger.dbValue());
        if (begun.isEmpty()) {
            LOG.info("A discovery run is already under way; this {} run was skipped", trigger.dbValue());
            return Optional.empty();
        }
        try (JobRuns.Run run = begun.get()) {
            DiscoveryOutcome outcome = service.run(trigger, providerSlug, pace);
            run.finish(outcome.jobStatus(), outcome.jobError(), nextRunAt(session.clock().instant()));
            return Optional.of(outcome);
        }
    }

    /** Runs a launch catch-up when one is due; otherwise only records when the next run is planned. */
    public Optional<DiscoveryOutcome> catchUpIfDue() {
        Instant now = session.clock().instant();
        if (catchUpDue(now)) {
            return runNow(Trigger.LAUNCH_CATCHUP);
        }
        session.jobs().scheduleNext(JobName.DISCOVERY, nextRunAt(now));
        return Optional.empty();
    }

    /** True when discovery never ran, or last ran before the most recent scheduled hour. */
    public boolean catchUpDue(Instant now) {
        Instant last = session.jobs().state(JobName.DISCOVERY).map(JobState::lastStartedAt).orElse(null);
        return last == null || last.isBefore(lastScheduledAtOrBefore(now, zone, scheduleHour()));
    }

    /** When the next scheduled run is due after {@code now}, by the profile's schedule hour. */
    public Instant nextRunAt(Instant now) {
        return nextRunAfter(now, zone, scheduleHour());
    }

    /** The first {@code hour}:00 local time in {@code zone} strictly after {@code now}. */
    public static Instant nextRunAfter(Instant now, ZoneId zone, int hour) {
        requireHour(hour);
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant candidate = at(today, hour, zone);
        return candidate.isAfter(now) ? candidate : at(today.plusDays(1), hour, zone);
    }

    /** The latest {@code hour}:00 local time in {@code zone} at or before {@code now}. */
    public static Instant lastScheduledAtOrBefore(Instant now, ZoneId zone, int hour) {
        requireHour(hour);
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant candidate = at(today, hour, zone);
        return candidate.isAfter(now) ? at(today.minusDays(1), hour, zone) : candidate;
    }

    // In a spring-forward gap the hour moves later by the gap, as ZonedDateTime does; the run still happens.
    private static Instant at(LocalDate date, int hour, ZoneId zone) {
        return ZonedDateTime.of(date.atTime(hour, 0), zone).toInstant();
    }

    private static void requireHour(int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("The discovery hour must be between 0 and 23.");
        }
    }

    private int scheduleHour() {
        return session.settings().current().discoveryScheduleHour();
    }
}
