package dev.keyward.automation.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Chromium processes of one browser as the operating system sees them (Linux {@code /proc}), for tests that
 * check no process outlives a run. Playwright starts the browser as the leader of a process group of its own, and
 * every helper it starts (zygotes, renderers, GPU, utilities) stays in that group even once its parent is gone, so
 * the group finds helpers a killed browser left behind, which descendants of it no longer do.
 */
public final class ChromiumProcesses {

    private ChromiumProcesses() {
    }

    /** The browser processes (not their helpers) this JVM started through {@link BrowserLauncher}, running now. */
    public static Set<Long> launchedBrowsers() {
        Set<Long> pids = new TreeSet<>();
        ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> Stream.of(a).anyMatch(x -> x.startsWith(BrowserProcess.MARKER_SWITCH))
                        && Stream.of(a).noneMatch(x -> x.startsWith("--type="))).orElse(false))
                .forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** Running (not zombie) processes in the process group the browser {@code browserPid} leads, itself included. */
    public static Set<Long> group(long browserPid) {
        Set<Long> members = new TreeSet<>();
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String[] fields = stat(p);
                // After "(comm)": state, ppid, pgrp.
                if (fields != null && !fields[0].equals("Z") && Long.parseLong(fields[2]) == browserPid) {
                    members.add(Long.parseLong(p.getFileName().toString()));
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("/proc could not be read", e);
        }
        return members;
    }

    /** Waits (at most {@code limit}) until the browser's group is empty; returns what is still running then. */
    public static Set<Long> awaitGroupGone(long browserPid, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Set<Long> left = group(browserPid);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = group(browserPid);
        }
        return left;
    }

    /** The command line of a running process, arguments separated by spaces; empty when it has ended. */
    public static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
