package dev.keyward.app.child;

import dev.keyward.app.child.MaskingOutputStream.Destination;
import dev.keyward.vault.process.ChildEnvironment;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program started on pipes whose stdout and stderr go through a mask of its own values (or straight
 * to Keyward's streams when nothing is masked); closing it drains the output, writes what the masks
 * still hold and wipes the mask, and never closes Keyward's own streams. Owns its mask.
 */
public final class PipedProgram implements StartedProgram {

    private final Process process;
    private final Optional<OutputMask> mask;
    private final MaskingOutputStream maskedOut;
    private final MaskingOutputStream maskedErr;
    private final OutputPump outPump;
    private final OutputPump errPump;
    private boolean closed;

    private PipedProgram(Process process, Optional<OutputMask> mask, MaskingOutputStream maskedOut,
                         MaskingOutputStream maskedErr, OutputPump outPump, OutputPump errPump) {
        this.process = process;
        this.mask = mask;
        this.maskedOut = maskedOut;
        this.maskedErr = maskedErr;
        this.outPump = outPump;
        this.errPump = errPump;
    }

    /**
     * Starts {@code argv} with {@code inherited} (credential variables removed) plus {@code variables};
     * Keyward's stdin is its stdin. {@code out} and {@code err} must not close Keyward's streams when
     * closed; their destinations say whether each is a terminal (held bytes are released after a pause
     * only there). The mask is wiped when the program cannot be started.
     *
     * @throws IOException when the program cannot be started
     */
    static PipedProgram start(List<String> argv, Map<String, String> inherited, Map<String, String> variables,
                              Optional<OutputMask> mask, OutputStream out, Destination outTo, OutputStream err,
                              Destination errTo) throws IOException {
        boolean masked = mask.isPresent() && !mask.get().isEmpty();
        ProcessBuilder builder = ChildEnvironment.processBuilder(argv);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(ChildEnvironment.of(inherited));
        environment.putAll(variables);
        if (masked) {
            builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        } else {
            builder.inheritIO(); // nothing to conceal: no copy at all
        }
        Process child;
        try {
            child = builder.start();
        } catch (IOException | RuntimeException e) {
            mask.ifPresent(OutputMask::wipe);
            throw e;
        } finally {
            environment.clear();
        }
        if (!masked) {
            return new PipedProgram(child, mask, null, null, null, null);
        }
        MaskingOutputStream maskedOut = mask.get().wrap(out, outTo);
        MaskingOutputStream maskedErr = mask.get().wrap(err, errTo);
        return new PipedProgram(child, mask, maskedOut, maskedErr,
                OutputPump.start("keyward-child-stdout", child.getInputStream(), maskedOut),
                OutputPump.start("keyward-child-stderr", child.getErrorStream(), maskedErr));
    }

    @Override
    public Process process() {
        return process;
    }

    /**
     * Call once the program ended: waits a little for its output to be copied (a program it left in the
     * background may hold the pipes), writes out what the masks hold, and wipes the mask. Output that
     * comes later is dropped, never written unmasked.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (outPump != null) {
                outPump.awaitEnd(ChildRunner.DRAIN_SECONDS);
                errPump.awaitEnd(ChildRunner.DRAIN_SECONDS);
                PipeChild.closeQuietly(maskedOut); // writes fail from now on: a late writer is cut off
                PipeChild.closeQuietly(maskedErr);
                closeQuietly(process.getInputStream());
                closeQuietly(process.getErrorStream());
            }
        } finally {
            mask.ifPresent(OutputMask::wipe);
        }
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // The pipe is gone already.
        }
    }
}
