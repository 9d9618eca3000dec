package dev.keyward.app.ui.shell;

import dev.keyward.app.Main;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;

/**
 * The desktop start-up benchmark of docs/performance.md: starts the real app ({@code Main} without
 * arguments) in a fresh JVM per run, on Monocle headless or, with {@code -Dbench.display=true}, on the
 * real display ($DISPLAY, e.g. xvfb-run), and measures launch to unlock screen, unlock (default Argon2id
 * cost) to main window, and the idle app's heap and RSS with the session unlocked and its jobs running.
 * Not a test: run through the {@code desktop-bench} profile of app/pom.xml.
 */
public final class DesktopStartupBench {

    private static final String PASSWORD = "bench password for the desktop";
    private static final String MARK = "bench ";

    private DesktopStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            child(Path.of(args[1]));
            return;
        }
        int runs = Integer.getInteger("bench.runs", 7);
        int idleSeconds = Integer.getInteger("bench.idleSeconds", 15);
        boolean display = Boolean.getBoolean("bench.display");
        Path data = Files.createTempDirectory("keyward-desktop-bench");
        prepareProfile(data);
        Map<String, List<Double>> figures = new HashMap<>();
        for (int i = 1; i <= runs; i++) {
            Map<String, Double> one = runOnce(data, idleSeconds, display);
            one.forEach((k, v) -> figures.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            System.out.printf(Locale.ROOT, "run %d: %s%n", i, one);
        }
        System.out.printf(Locale.ROOT, "%n%s, %d runs, JDK %s, %d cores%n", display ? "real display ($DISPLAY)" : "Monocle headless",
                runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        print(figures, "launch_to_unlock_ms", "launch to unlock screen (process start, ms)");
        print(figures, "jvm_uptime_at_unlock_ms", "  of which the JVM's own uptime at that moment (ms)");
        print(figures, "unlock_to_main_ms", "unlock to main window (ms)");
        print(figures, "idle_heap_mib", "idle heap used after GC (MiB)");
        print(figures, "idle_heap_committed_mib", "idle heap committed (MiB)");
        print(figures, "idle_rss_mib", "idle RSS (MiB)");
    }

    private static void prepareProfile(Path data) {
        ProfileService profiles = new ProfileService(new DataRoot(data), Clock.systemUTC(), Argon2Params.DEFAULT, "app");
        try (Password p = Password.copyOf(PASSWORD.toCharArray())) {
            ProfileService.Created created = profiles.create("bench", p);
            created.recoveryCode().destroy();
            try (Password again = Password.copyOf(PASSWORD.toCharArray());
                 VaultSession s = profiles.unlock(created.profile(), again)) {
                for (int i = 0; i < 50; i++) {
                    s.secrets().add("BENCH_KEY_" + i, ("bench-value-" + i + "-0123456789abcdef").toCharArray(), null);
                }
            }
        }
    }

    private static Map<String, Double> runOnce(Path data, int idleSeconds, boolean display) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dbench.idleSeconds=" + idleSeconds);
        if (!display) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dprism.text=t2k", "-Djava.awt.headless=true"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DesktopStartupBench.class.getName(),
                "--child", data.toString()));
        long started = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, Double> out = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith(MARK)) {
                    continue;
                }
                String[] parts = line.substring(MARK.length()).split(" ");
                if (parts[0].equals("unlock-shown")) {
                    out.put("launch_to_unlock_ms", (System.nanoTime() - started) / 1e6);
                }
                out.put(parts[0].equals("unlock-shown") ? "jvm_uptime_at_unlock_ms" : parts[0], Double.parseDouble(parts[1]));
            }
        }
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        if (!out.containsKey("idle_rss_mib")) {
            throw new IllegalStateException("The benchmark's app did not report all figures: " + out);
        }
        return out;
    }

    private static void print(Map<String, List<Double>> figures, String key, String label) {
        List<Double> values = new ArrayList<>(figures.getOrDefault(key, List.of()));
        if (values.isEmpty()) {
            return;
        }
        values.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%-52s median %8.1f   min %8.1f   max %8.1f%n", label,
                values.get(values.size() / 2), values.get(0), values.get(values.size() - 1));
    }

    // ---- the child: the real app, watched from a probe thread ----

    private static void child(Path data) throws Exception {
        Thread probe = new Thread(() -> {
            try {
                watch();
            } catch (Exception e) {
                System.out.println("bench failed " + e.getClass().getSimpleName());
            }
            System.exit(0);
        }, "bench-probe");
        probe.setDaemon(true);
        probe.start();
        Main.main(new String[] {"--data-dir", data.toString()});
    }

    private static void watch() throws Exception {
        waitFor(() -> find("#unlock-password") != null);
        System.out.println(MARK + "unlock-shown " + ManagementFactory.getRuntimeMXBean().getUptime());
        long unlocking = System.nanoTime();
        onFx(() -> {
            ((TextInputControl) find("#unlock-password")).setText(PASSWORD);
            ((Button) find("#unlock-button")).fire();
            return null;
        });
        waitFor(() -> find("#main-view") != null);
        System.out.printf(Locale.ROOT, MARK + "unlock_to_main_ms %.1f%n", (System.nanoTime() - unlocking) / 1e6);
        // Idle in the tray's sense: unlocked, the unlock-time jobs (retention) done, nothing touched.
        Thread.sleep(TimeUnit.SECONDS.toMillis(Integer.getInteger("bench.idleSeconds", 15)));
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf(Locale.ROOT, MARK + "idle_heap_mib %.1f%n", heap.getUsed() / 1048576.0);
        System.out.printf(Locale.ROOT, MARK + "idle_heap_committed_mib %.1f%n", heap.getCommitted() / 1048576.0);
        System.out.printf(Locale.ROOT, MARK + "idle_rss_mib %.1f%n", rssKib() / 1024.0);
        System.out.flush();
    }

    private static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static Node find(String id) throws Exception {
        return onFx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    Node n = w.getScene().lookup(id);
                    if (n != null) {
                        return n;
                    }
                }
            }
            return null;
        });
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return action.call();
        }
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    /** Polls every 2 ms until {@code condition} holds; before the toolkit is up, runLater refuses and we retry. */
    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // The JavaFX toolkit is not initialised yet.
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("The app did not reach the expected screen within 120 s.");
    }
}
