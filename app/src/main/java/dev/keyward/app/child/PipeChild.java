package dev.keyward.app.child;

import dev.keyward.app.cli.SignalForwarding;
import dev.keyward.vault.process.ChildEnvironment;
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
                   Optional<OutputMask> mask, OutputStream out, OutputStream err) throws IOException {
        ProcessBuilder builder = ChildEnvironment.processBuilder(argv);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(ChildEnvironment.of(inherited));
        environment.putAll(variables);
        if (mask.isEmpty()) {
            builder.inheritIO();
        } else {
            builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        }
        Process child;
        try {
            child = builder.start();
        } finally {
            environment.clear();
        }
        SignalForwarding.forwardTo(child);
        if (mask.isEmpty()) {
            return ChildRunner.exitCode(child);
        }
        MaskingOutputStream maskedOut = mask.get().wrap(out);
        MaskingOutputStream maskedErr = mask.get().wrap(err);
        OutputPump outPump = OutputPump.start("keyward-child-stdout", child.getInputStream(), maskedOut);
        OutputPump errPump = OutputPump.start("keyward-child-stderr", child.getErrorStream(), maskedErr);
        try {
            return ChildRunner.exitCode(child);
        } finally {
            outPump.awaitEnd(ChildRunner.DRAIN_SECONDS);
            errPump.awaitEnd(ChildRunner.DRAIN_SECONDS);
            closeQuietly(maskedOut);
            closeQuietly(maskedErr);
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
