package dev.keyward.app.child;

import com.pty4j.PtyProcess;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A watched program on its own pseudo-terminal, its output (stdout and stderr as one stream) copied
 * through its mask to Keyward's stdout; closing it drains that output, writes what the mask still holds
 * and wipes the mask. Owns its mask.
 */
final class PtyProgram implements StartedProgram {

    private final PtyProcess process;
    private final Optional<OutputMask> mask;
    private final OutputStream shown;
    private final OutputPump pump;
    private boolean closed;

    PtyProgram(PtyProcess process, Optional<OutputMask> mask, OutputStream shown, OutputPump pump) {
        this.process = process;
        this.mask = mask;
        this.shown = shown;
        this.pump = pump;
    }

    @Override
    public Process process() {
        return process;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pump.awaitEnd(ChildRunner.DRAIN_SECONDS);
            if (shown instanceof MaskingOutputStream masking) {
                PipeChild.closeQuietly(masking); // writes fail from now on: a late writer is cut off
            }
            // Frees the terminal's descriptors: a long watch restarts many programs.
            closeQuietly(process.getInputStream());
            closeQuietly(process.getOutputStream());
        } finally {
            mask.ifPresent(OutputMask::wipe);
        }
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException | RuntimeException e) {
            // The terminal is gone already.
        }
    }
}
