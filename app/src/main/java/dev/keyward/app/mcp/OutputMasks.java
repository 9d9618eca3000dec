package dev.keyward.app.mcp;

import dev.keyward.app.child.MaskingOutputStream;
import dev.keyward.app.child.OutputMask;
import java.io.OutputStream;
import java.util.Collection;

/**
 * The masking filter {@code run_command}'s output passes through: {@code keyward run}'s own
 * ({@link OutputMask}), so a value is concealed in the same forms (raw, base64, URL, JSON, hex, split
 * across writes) whichever way a program was started.
 */
final class OutputMasks {

    private OutputMasks() {
    }

    /** A mask for one run's values, to wrap each output stream and to wipe after the run. */
    interface Mask {
        OutputStream wrap(OutputStream target);

        void wipe();
    }

    /** The mask for {@code values} (read, not kept: the caller wipes them). */
    static Mask of(Collection<char[]> values) {
        OutputMask mask = OutputMask.of(values);
        return new Mask() {
            @Override
            public OutputStream wrap(OutputStream target) {
                // Collected for a tool result, never a terminal: a value's beginning waits for its rest.
                return mask.wrap(target, MaskingOutputStream.Destination.PIPE);
            }

            @Override
            public void wipe() {
                mask.wipe();
            }
        };
    }
}
