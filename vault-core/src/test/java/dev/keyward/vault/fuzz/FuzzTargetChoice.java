package dev.keyward.vault.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Several fuzz targets behind one {@code @FuzzTest}: the first byte of an input picks the target and
 * the rest is that target's input.
 *
 * <p>Jazzer fuzzes one {@code @FuzzTest} per JVM, and starting its agent costs several seconds of
 * class-path scanning per JVM; the short fuzz run of the normal build therefore fuzzes all of a
 * module's targets in one JVM through this choice. A crashing input found that way is the chosen
 * target's input behind one extra leading byte.
 */
public final class FuzzTargetChoice {

    /** One input run through one fuzz target; checked exceptions are findings like any other. */
    @FunctionalInterface
    public interface FuzzCall {
        void run(byte[] input) throws Exception;
    }

    /** A fuzz target: the test class and method whose stored inputs seed it, and the call itself. */
    public record Target(Class<?> testClass, String method, FuzzCall call) {}

    private final List<Target> targets;

    public FuzzTargetChoice(List<Target> targets) {
        if (targets.isEmpty() || targets.size() > 256) {
            throw new IllegalArgumentException("between 1 and 256 targets, not " + targets.size());
        }
        this.targets = List.copyOf(targets);
    }

    /** Runs the rest of {@code input} through the target its first byte picks; an empty input picks none. */
    public void run(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        Target target = targets.get(Byte.toUnsignedInt(input[0]) % targets.size());
        target.call().run(Arrays.copyOfRange(input, 1, input.length));
    }

    /**
     * Every stored input of every target (its {@code <TestClass>Inputs/<method>/} resource folder),
     * each behind the byte that picks its target, so that the short run starts from the same seeds
     * as the targets' own runs.
     */
    public Stream<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (int index = 0; index < targets.size(); index++) {
            for (byte[] input : storedInputs(targets.get(index))) {
                byte[] seed = new byte[input.length + 1];
                seed[0] = (byte) index;
                System.arraycopy(input, 0, seed, 1, input.length);
                seeds.add(seed);
            }
        }
        return seeds.stream();
    }

    private static List<byte[]> storedInputs(Target target) {
        String folder = target.testClass().getSimpleName() + "Inputs/" + target.method();
        URL url = target.testClass().getResource(folder);
        if (url == null || !"file".equals(url.getProtocol())) {
            // A renamed test class or method would otherwise lose its seeds without anyone noticing.
            throw new IllegalStateException("No stored inputs folder " + folder + " next to "
                    + target.testClass().getName() + "; rename the folder with the test.");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            List<byte[]> inputs = new ArrayList<>();
            for (Path file : sorted) {
                inputs.add(Files.readAllBytes(file));
            }
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
