package dev.keyward.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Where the app image the profile just built keeps its launcher and jars, and a way to run them. */
final class PackagedApp {

    /** What a process printed and returned. */
    record Result(int code, String out, String err) {
    }

    static final HostPlatform PLATFORM = HostPlatform.current();

    private PackagedApp() {
    }

    static Path dest() {
        String dest = System.getProperty("keyward.package.dest");
        if (dest == null) {
            throw new IllegalStateException("Run through 'mvn -Ppackage -pl packaging -am package', which builds the image first.");
        }
        return Path.of(dest);
    }

    static Path image() {
        return dest().resolve(PLATFORM == HostPlatform.mac ? "Keyward.app" : PLATFORM.applicationName());
    }

    /** The launcher that prints to a console: the only one on Linux and macOS, keyward-cli.exe on Windows. */
    static Path cliLauncher() {
        return switch (PLATFORM) {
            case linux -> image().resolve("bin/keyward");
            case mac -> image().resolve("Contents/MacOS/Keyward");
            case windows -> image().resolve("keyward-cli.exe");
        };
    }

    /** The folder with the app's jars and the launcher configuration (.cfg). */
    static Path appFolder() {
        return switch (PLATFORM) {
            case linux -> image().resolve("lib/app");
            case mac -> image().resolve("Contents/app");
            case windows -> image().resolve("app");
        };
    }

    static Path jar(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(appFolder())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in " + appFolder()));
        }
    }

    /** Runs {@code command} with {@code env} added to a clean copy of this environment, feeding {@code stdin}. */
    static Result run(List<String> command, Map<String, String> env, String stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 5 minutes: " + command);
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    static List<String> cli(String... args) {
        List<String> command = new ArrayList<>(List.of(cliLauncher().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
