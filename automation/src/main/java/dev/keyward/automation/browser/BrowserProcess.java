package dev.keyward.automation.browser;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operating-system process of one Chromium this JVM started, so that the browser can be ended from any thread.
 * Playwright's objects serve one thread at a time, and a call waiting on a page whose main thread never yields
 * ({@code while (true) {}}) holds that thread for good; ending the browser's processes is what makes such a call
 * return. The process is found by a random marker switch on its command line (Chromium ignores switches it does not
 * know, and does not pass them on to its child processes).
 */
public final class BrowserProcess {

    /** The switch that names one launch; its value is random, so it identifies that browser and no other. */
    static final String MARKER_SWITCH = "--keyward-browser=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProcessHandle browser;

    private BrowserProcess(ProcessHandle browser) {
        this.browser = browser;
    }

    /** A fresh marker switch for one launch. */
    static String newMarker() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return MARKER_SWITCH + HexFormat.of().formatHex(bytes);
    }

    /**
     * The browser process (not one of its helpers, which carry {@code --type=}) started with {@code marker}, among
     * this JVM's descendants; empty where a process's command line cannot be read (Windows).
     */
    static Optional<BrowserProcess> find(String marker) {
        return ProcessHandle.current().descendants()
                .filter(p -> arguments(p).contains(marker))
                .filter(p -> arguments(p).stream().noneMatch(a -> a.startsWith("--type=")))
                .findFirst().map(BrowserProcess::new);
    }

    private static List<String> arguments(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.arguments().map(Arrays::asList)
                .orElseGet(() -> info.commandLine().map(line -> List.of(line.split(" "))).orElse(List.of()));
    }

    /** The browser's process id. */
    public long pid() {
        return browser.pid();
    }

    /** The browser and every process it started that is still running (renderers, GPU, zygotes, utilities). */
    public List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>();
        if (browser.isAlive()) {
            tree.add(browser);
        }
        browser.descendants().filter(ProcessHandle::isAlive).forEach(tree::add);
        return tree;
    }

    /** The command-line arguments the browser was started with (its program name not included). */
    public List<String> arguments() {
        return arguments(browser);
    }

    /**
     * Ends the browser and its helpers at once (SIGKILL). Safe from any thread and more than once. The helpers are
     * listed before the browser goes: once it is gone they no longer descend from it.
     */
    public void kill() {
        List<ProcessHandle> helpers = browser.descendants().toList();
        browser.destroyForcibly();
        helpers.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Waits (at most {@code limit}) for every process of {@code tree} to end and kills what is still running then:
     * no Chromium process outlives the browser's close.
     */
    static void endAll(List<ProcessHandle> tree, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (ProcessHandle process : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    process.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException | ExecutionException e) {
                // Still running: killed below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
