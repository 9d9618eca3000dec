package dev.keyward.vault.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashWriterMain} child JVM (same java binary, the test class path) whose stdout lines
 * are collected as they arrive, and which is ended with SIGKILL.
 */
final class CrashWriterProcess {

    private final Process process;
    private final BlockingQueue<String> arriving = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private final Path stderr;

    private CrashWriterProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = Thread.ofPlatform().daemon().name("crash-writer-stdout").start(() -> read(process.getInputStream()));
    }

    /** JVM options for every child: quick to start, and SQLite's native library taken from {@code nativeLibrary}. */
    static List<String> jvmOptions(Path work) throws IOException {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED"));
        // sqlite-jdbc extracts its native library into a fresh temp file per JVM and removes it at
        // exit, which a killed JVM never reaches: extract it once and point every child at it.
        Path folder = Files.createDirectories(work.resolve("native"));
        String libraryName = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + libraryName;
        try (InputStream in = org.sqlite.SQLiteConnection.class.getResourceAsStream(resource)) {
            if (in != null) {
                Files.copy(in, folder.resolve(libraryName), StandardCopyOption.REPLACE_EXISTING);
                options.add("-Dorg.sqlite.lib.path=" + folder);
                options.add("-Dorg.sqlite.lib.name=" + libraryName);
            }
        }
        options.add("-Dorg.sqlite.tmpdir=" + folder);
        return options;
    }

    static CrashWriterProcess start(List<String> jvmOptions, Map<String, String> env, Path stderr) throws IOException {
        return start(CrashWriterMain.class, jvmOptions, env, stderr);
    }

    /** A child running {@code main} (a class of the test class path with a main method). */
    static CrashWriterProcess start(Class<?> main, List<String> jvmOptions, Map<String, String> env, Path stderr)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command")));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        return new CrashWriterProcess(builder.start(), stderr);
    }

    /** Waits for the line {@code expected}; false when the child ended or {@code seconds} passed first. */
    boolean awaitLine(String expected, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = arriving.poll(50, TimeUnit.MILLISECONDS);
            if (expected.equals(line)) {
                return true;
            }
            if (line == null && !process.isAlive() && arriving.isEmpty() && !reader.isAlive()) {
                return false;
            }
        }
        return false;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL (on POSIX), then every line the child wrote before it died. */
    List<String> killAndCollect() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    int exitValue() {
        return process.exitValue();
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    private void read(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                arriving.add(line);
            }
        } catch (IOException e) {
            // The pipe closes when the child is killed.
        }
    }
}
