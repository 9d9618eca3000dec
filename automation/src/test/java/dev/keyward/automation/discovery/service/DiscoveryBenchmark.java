package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.Finding;
import dev.keyward.automation.discovery.FindingDeduplicator;
import dev.keyward.automation.discovery.KnownFinding;
import dev.keyward.automation.discovery.MutableClock;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.feeds.SourceKind;
import dev.keyward.automation.discovery.FindingPage;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.store.FindingRepository;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.practice.PracticeState;
import dev.keyward.vault.provider.ProviderInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints the discovery figures of docs/performance.md: a run against Practice Cloud through the vault (first run,
 * which stores findings, and later runs, which find nothing new), and the inbox and de-duplication reads over
 * 5,000 stored findings. Not a test; run it with the command in docs/performance.md.
 */
public final class DiscoveryBenchmark {

    private static final int FINDINGS = 5_000;
    private static final int REPEATS = 9;

    public static void main(String[] args) throws Exception {
        System.out.println("# Keyward discovery benchmark, " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        practiceCloudRuns(Files.createTempDirectory("keyward-discovery-bench"));
        inbox(Files.createTempDirectory("keyward-discovery-bench"));
    }

    static void practiceCloudRuns(Path dir) throws Exception {
        MutableClock clock = MutableClock.atTestNow();
        List<Long> first = new ArrayList<>();
        List<Long> later = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            try (PracticeCloud cloud = PracticeCloud.start(0, new PracticeState(clock));
                 TestVault vault = TestVault.create(dir.resolve("run" + i), clock)) {
                vault.addSecret("practice-live", "pc_live_benchmark0123456789abcdefgh", "practice-cloud");
                vault.point("practice-cloud", cloud.baseUrl() + "/status", cloud.baseUrl() + "/changelog.atom");
                vault.watchOnly("practice-cloud");
                vault.networkOn();
                try (DiscoveryService service = new DiscoveryService(vault.session())) {
                    first.add(nanos(() -> service.run(Trigger.ON_DEMAND)));
                    clock.advance(Duration.ofHours(2));
                    later.add(nanos(() -> service.run(Trigger.SCHEDULED)));
                }
            }
        }
        System.out.printf("practice cloud, all providers (1 watched): first run (3 requests, 5-6 findings stored)"
                + " median %d ms; next run (nothing new) median %d ms%n", median(first) / 1_000_000,
                median(later) / 1_000_000);
    }

    static void inbox(Path dir) {
        MutableClock clock = MutableClock.atTestNow();
        try (TestVault vault = TestVault.create(dir.resolve("inbox"), clock);
             DiscoveryService service = new DiscoveryService(vault.session())) {
            List<ProviderInfo> providers = vault.session().providers().list().subList(0, 20);
            FindingRepository repository = new FindingRepository(vault.session().profileId(), s -> s);
            long insert = nanos(() -> vault.session().database().write(c -> {
                for (int i = 0; i < FINDINGS; i++) {
                    repository.insert(c, finding(providers.get(i % providers.size()).id(), i, clock), clock.instant());
                }
                return null;
            }));
            System.out.printf("store %d findings in one transaction: %d ms%n", FINDINGS, insert / 1_000_000);
            List<Long> firstPage = new ArrayList<>();
            List<Long> unread = new ArrayList<>();
            List<Long> allPages = new ArrayList<>();
            List<Long> history = new ArrayList<>();
            List<Long> dedupe = new ArrayList<>();
            String provider = providers.get(0).id();
            for (int i = 0; i < REPEATS; i++) {
                firstPage.add(nanos(() -> service.inbox(FindingQuery.all())));
                unread.add(nanos(() -> service.inbox(FindingQuery.unread())));
                allPages.add(nanos(() -> {
                    FindingQuery query = FindingQuery.all();
                    FindingPage page;
                    do {
                        page = service.inbox(query);
                        query = page.next().map(query::after).orElse(query);
                    } while (page.next().isPresent());
                }));
                List<KnownFinding> known = new ArrayList<>();
                history.add(nanos(() -> known.addAll(vault.session().database().read(c ->
                        repository.known(c, provider, clock.instant().minus(Duration.ofDays(90)))))));
                List<Finding> batch = new ArrayList<>();
                for (int j = 0; j < 50; j++) {
                    batch.add(finding(provider, FINDINGS + j, clock));
                }
                dedupe.add(nanos(() -> new FindingDeduplicator().keepNew(batch, known)));
            }
            System.out.printf("inbox over %d findings: first page of 50 median %.1f ms; unread first page median %.1f ms;"
                    + " all %d pages median %d ms%n", FINDINGS, median(firstPage) / 1e6, median(unread) / 1e6,
                    FINDINGS / 50, median(allPages) / 1_000_000);
            System.out.printf("de-duplication: reading one provider's %d stored findings median %.1f ms; comparing 50"
                    + " new items with them median %.1f ms%n", FINDINGS / providers.size(), median(history) / 1e6,
                    median(dedupe) / 1e6);
        }
    }

    private static Finding finding(String providerId, int i, MutableClock clock) {
        Urgency urgency = Urgency.values()[i % Urgency.values().length];
        return new Finding(providerId, clock.instant().minusSeconds(i * 60L), "https://docs.example/changelog/" + i,
                "Changelog entry number " + i + " about model " + (i * 7919 % 1000), "A snippet of text. ".repeat(20),
                SourceKind.CHANGELOG_FEED, clock.instant().minusSeconds(i * 60L), FindingCategory.CAPABILITY_CHANGE,
                urgency, 0.5, "You hold 1 key for this provider", "Impact sentence.", "Action sentence.");
    }

    private static long nanos(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static long nanos(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
