package dev.keyward.automation.discovery;

import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.automation.net.SafeHttpFetcher;
import dev.keyward.automation.feeds.ParseResult;
import dev.keyward.automation.feeds.SourceItem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs discovery over a list of providers: honours the network switch (off means no request at all),
 * each provider's discovery flag and minimum interval, reads every source independently, and turns
 * the items into classified, de-duplicated findings with one {@link ProviderRunResult} per provider.
 */
public final class DiscoveryRun {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRun.class);
    private static final int ERROR_MAX = 1000;
    /**
     * Items older than this are news the user no longer needs; a first run must not flood the inbox. Unresolved
     * status page incidents are exempt, and an open incident's age counts from its latest update.
     */
    public static final Duration DEFAULT_MAX_ITEM_AGE = Duration.ofDays(30);

    private final SourceReader reader;
    private final NetworkSwitch networkSwitch;
    private final RateLimiter rateLimiter;
    private final FindingAssessor assessor;
    private final FindingHistory history;
    private final Supplier<UserContext> userContext;
    private final TextRedactor redactor;
    private final Clock clock;
    private final Duration maxItemAge;
    private final FindingDeduplicator deduplicator = new FindingDeduplicator();

    public DiscoveryRun(SafeHttpFetcher fetcher, NetworkSwitch networkSwitch, RateLimiter rateLimiter,
                        FindingAssessor assessor, FindingHistory history, Supplier<UserContext> userContext,
                        TextRedactor redactor, Clock clock) {
        this(fetcher, networkSwitch, rateLimiter, assessor, history, userContext, redactor, clock, DEFAULT_MAX_ITEM_AGE);
    }

    /**
     * As above, keeping only items published within {@code maxItemAge}; items without a date and unresolved
     * incidents are always kept.
     */
    public DiscoveryRun(SafeHttpFetcher fetcher, NetworkSwitch networkSwitch, RateLimiter rateLimiter,
                        FindingAssessor assessor, FindingHistory history, Supplier<UserContext> userContext,
                        TextRedactor redactor, Clock clock, Duration maxItemAge) {
        this.maxItemAge = Objects.requireNonNull(maxItemAge, "maxItemAge");
        this.reader = new SourceReader(fetcher);
        this.networkSwitch = Objects.requireNonNull(networkSwitch, "networkSwitch");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.assessor = Objects.requireNonNull(assessor, "assessor");
        this.history = Objects.requireNonNull(history, "history");
        this.userContext = Objects.requireNonNull(userContext, "userContext");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DiscoveryRunResult run(List<ProviderTarget> targets, Trigger trigger) {
        return run(targets, trigger, CheckPace.PACED, result -> { });
    }

    /** Runs discovery; {@code onProviderDone} receives each provider's result as soon as it is ready, to store it. */
    public DiscoveryRunResult run(List<ProviderTarget> targets, Trigger trigger,
                                  Consumer<ProviderRunResult> onProviderDone) {
        return run(targets, trigger, CheckPace.PACED, onProviderDone);
    }

    /**
     * Runs discovery at {@code pace}: a {@link CheckPace#FRESH} run checks every watched provider even if it was
     * checked within its minimum interval, and restarts that interval so scheduled runs keep their distance.
     */
    public DiscoveryRunResult run(List<ProviderTarget> targets, Trigger trigger, CheckPace pace,
                                  Consumer<ProviderRunResult> onProviderDone) {
        Objects.requireNonNull(pace, "pace");
        Instant startedAt = clock.instant();
        if (!networkSwitch.discoveryNetworkEnabled()) {
            List<SkippedProvider> skipped = targets.stream()
                    .map(t -> new SkippedProvider(t.providerId(), SkippedProvider.Reason.NETWORK_OFF,
                            networkOffSentence()))
                    .toList();
            LOG.info("Discovery run ({}) made no requests: discovery network access is off", trigger.dbValue());
            return new DiscoveryRunResult(trigger, startedAt, false, List.of(), skipped, networkOffSentence());
        }
        UserContext context = userContext.get();
        List<ProviderRunResult> results = new ArrayList<>();
        List<SkippedProvider> skipped = new ArrayList<>();
        for (ProviderTarget target : targets) {
            SkippedProvider skip = reasonToSkip(target, pace);
            if (skip != null) {
                skipped.add(skip);
                continue;
            }
            ProviderRunResult result = runProvider(target, trigger, context);
            results.add(result);
            onProviderDone.accept(result);
        }
        String summary = summary(results, skipped);
        LOG.info("Discovery run ({}): {}", trigger.dbValue(), summary);
        return new DiscoveryRunResult(trigger, startedAt, true, results, skipped, summary);
    }

    private SkippedProvider reasonToSkip(ProviderTarget target, CheckPace pace) {
        String id = target.providerId();
        if (!target.discoveryEnabled()) {
            return new SkippedProvider(id, SkippedProvider.Reason.DISCOVERY_DISABLED,
                    "Discovery is turned off for " + target.displayName() + ".");
        }
        if (target.sources().isEmpty()) {
            return new SkippedProvider(id, SkippedProvider.Reason.NO_SOURCES,
                    target.displayName() + " has no status page, changelog feed or search endpoint configured.");
        }
        // The switch is read again per provider so turning it off mid-run stops the remaining requests.
        if (!networkSwitch.discoveryNetworkEnabled()) {
            return new SkippedProvider(id, SkippedProvider.Reason.NETWORK_OFF, networkOffSentence());
        }
        if (pace == CheckPace.FRESH) {
            rateLimiter.recordRun(id, clock.instant());
            return null;
        }
        if (!rateLimiter.tryAcquire(id, target.minInterval())) {
            String next = rateLimiter.nextAllowedAt(id, target.minInterval()).map(Instant::toString).orElse("later");
            return new SkippedProvider(id, SkippedProvider.Reason.RATE_LIMITED,
                    target.displayName() + " was checked recently; the next check is allowed at " + next + ".");
        }
        return null;
    }

    private ProviderRunResult runProvider(ProviderTarget target, Trigger trigger, UserContext context) {
        Instant searchedAt = clock.instant();
        List<SourceRequest> requests = target.sources().requests(target.displayName());
        int queries = 0;
        int failed = 0;
        List<SourceItem> items = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (SourceRequest request : requests) {
            if (!networkSwitch.discoveryNetworkEnabled()) {
                errors.add("Discovery network access was turned off during the run; the remaining sources were not"
                        + " contacted.");
                failed += requests.size() - queries;
                break;
            }
            queries++;
            switch (readSafely(request, target)) {
                case ParseResult.Parsed parsed -> items.addAll(parsed.items());
                case ParseResult.Unreadable unreadable -> {
                    failed++;
                    String sentence = redactor.redact(request.channel().label() + ": " + unreadable.reason());
                    errors.add(sentence);
                    LOG.warn("Discovery source failed for provider {}: {}", target.providerId(), sentence);
                }
            }
        }
        List<Finding> findings = List.of();
        try {
            Instant oldest = searchedAt.minus(maxItemAge);
            List<Finding> assessed = items.stream()
                    .filter(item -> recentEnough(item, oldest))
                    .map(item -> assessor.assess(target, item, context))
                    .toList();
            findings = deduplicator.keepNew(assessed, history.knownFor(target.providerId()));
        } catch (RuntimeException e) {
            LOG.warn("Discovery could not assess findings for provider {} ({})", target.providerId(),
                    e.getClass().getSimpleName());
            errors.add("Findings could not be checked against stored findings, so none were kept; try again later.");
            failed = requests.size();
        }
        RunStatus status = failed == 0 ? RunStatus.SUCCESS
                : failed >= requests.size() ? RunStatus.FAILED : RunStatus.PARTIAL;
        String error = errors.isEmpty() ? null : cap(redactor.redact(String.join(" ", errors)));
        return new ProviderRunResult(target.providerId(), trigger, searchedAt, queries, items.size(), findings, status,
                error);
    }

    /**
     * Items published within the age window are kept, as are items without a date. An unresolved incident or
     * maintenance is kept whatever its age: it is still going on, and dropping it would hide a live outage.
     */
    static boolean recentEnough(SourceItem item, Instant oldest) {
        if (item.incident() != null && item.incident().unresolved()) {
            return true;
        }
        return item.publishedAt() == null || !item.publishedAt().isBefore(oldest);
    }

    // A parser bug must not end the run for every other source and provider.
    private ParseResult readSafely(SourceRequest request, ProviderTarget target) {
        try {
            return reader.read(request, target.sources());
        } catch (RuntimeException e) {
            LOG.error("Unexpected error reading {} for provider {}", request.channel().label(), target.providerId(), e);
            return new ParseResult.Unreadable("an unexpected error stopped reading this source; it will be retried on"
                    + " the next run.");
        }
    }

    private static String summary(List<ProviderRunResult> results, List<SkippedProvider> skipped) {
        int findings = results.stream().mapToInt(ProviderRunResult::findingsGenerated).sum();
        long troubled = results.stream().filter(r -> r.status() != RunStatus.SUCCESS).count();
        return "Checked " + results.size() + (results.size() == 1 ? " provider" : " providers") + ": " + findings
                + (findings == 1 ? " new finding" : " new findings")
                + (troubled == 0 ? "" : ", " + troubled + " with failed sources")
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped") + ".";
    }

    private static String networkOffSentence() {
        return "Discovery network access is off, so no provider was contacted; turn it on in Settings to check"
                + " providers for changes.";
    }

    private static String cap(String text) {
        return text.length() <= ERROR_MAX ? text : text.substring(0, ERROR_MAX - 1) + "\u2026";
    }
}
