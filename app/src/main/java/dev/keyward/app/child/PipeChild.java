package dev.keyward.app.child;

import dev.keyward.app.child.MaskingOutputStream.Destination;
import dev.keyward.app.cli.SignalForwarding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The child without a terminal to keep: Keyward's stdin as its stdin; its stdout and stderr through
 * the mask on pipes, or Keyward's own streams when nothing is masked (no copy at all).
 */
final class PipeChild {

    private PipeChild() {
    }

    static int run(List<String> argv, Map<String, String> inherited, Map<String, String> variables,
                   Optional<OutputMask> mask, OutputStream out, Destination outTo, OutputStream err,
                   Destination errTo) throws IOException {
        try (PipedProgram child = PipedProgram.start(argv, inherited, variables, mask, out, outTo, err, errTo)) {
            SignalForwarding.forwardTo(child.process());
            return ChildRunner.exitCode(child.process());
        }
    }

    static void closeQuietly(MaskingOutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Keyward's own stream is gone (a closed pipe): there is nowhere left to write to.
        }
    }
}
